import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST, writeOutputFolder } from "../../src/emit/outputFolder.js";
import { cliBin, testCacheHome } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

describe("writeOutputFolder", () => {
  it("creates a new folder with the files and a manifest of what it wrote", async () => {
    const vault = makeVault({ "a.md": "" });
    const out = join(makeVault({}), "site");
    await writeOutputFolder(out, vault, { "index.html": "one" });
    expect(readdirSync(out).sort()).toEqual([MANIFEST, "index.html"]);
    expect(JSON.parse(readFileSync(join(out, MANIFEST), "utf8"))).toEqual({ tool: "notegraph", files: ["index.html"] });
  });

  it("replaces its own earlier output and leaves no staging folder behind", async () => {
    const vault = makeVault({ "a.md": "" });
    const parent = makeVault({});
    const out = join(parent, "site");
    await writeOutputFolder(out, vault, { "index.html": "one" });
    await writeOutputFolder(out, vault, { "index.html": "two" });
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("two");
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("writes into an existing empty folder", async () => {
    const out = makeVault({});
    await writeOutputFolder(out, makeVault({ "a.md": "" }), { "index.html": "x" });
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("x");
  });

  it("refuses a folder holding a user's files, and deletes nothing", async () => {
    const out = makeVault({ "thesis.docx": "precious" });
    await expect(writeOutputFolder(out, makeVault({ "a.md": "" }), { "index.html": "x" })).rejects.toThrow(/holds files notegraph did not write \(thesis.docx\)/);
    expect(readdirSync(out)).toEqual(["thesis.docx"]);
  });

  it("refuses an earlier output that a user has added a file to", async () => {
    const vault = makeVault({ "a.md": "" });
    const out = join(makeVault({}), "site");
    await writeOutputFolder(out, vault, { "index.html": "one" });
    writeFileSync(join(out, "notes.txt"), "mine");
    await expect(writeOutputFolder(out, vault, { "index.html": "two" })).rejects.toThrow(/notes.txt/);
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("one");
  });

  it("refuses the vault itself and any folder inside it", async () => {
    const vault = makeVault({ "a.md": "" });
    await expect(writeOutputFolder(vault, vault, { "index.html": "x" })).rejects.toThrow(/inside the vault/);
    await expect(writeOutputFolder(join(vault, "public"), vault, { "index.html": "x" })).rejects.toThrow(/inside the vault/);
    expect(existsSync(join(vault, "public"))).toBe(false);
    expect(readdirSync(vault)).toEqual(["a.md"]);
  });

  it("refuses a file in place of the folder", async () => {
    const parent = makeVault({ "page": "a file" });
    await expect(writeOutputFolder(join(parent, "page"), makeVault({ "a.md": "" }), { "index.html": "x" })).rejects.toThrow(/is a file/);
    expect(readFileSync(join(parent, "page"), "utf8")).toBe("a file");
  });

  it("reports a place that cannot be created, and writes nothing", async () => {
    const parent = makeVault({ "file": "x" });
    await expect(writeOutputFolder(join(parent, "file", "site"), makeVault({ "a.md": "" }), { "index.html": "x" })).rejects.toThrow(/cannot create its parent folder \(EEXIST|ENOTDIR\)/);
    expect(readdirSync(parent)).toEqual(["file"]);
  });

  // Permissions do not stop root (CI runs as root); the test above covers the same path.
  it.skipIf(process.getuid?.() === 0)("reports a place that cannot be written, and keeps the previous page", async () => {
    const parent = makeVault({});
    mkdirSync(join(parent, "locked"), { mode: 0o555 });
    await expect(writeOutputFolder(join(parent, "locked", "site"), makeVault({ "a.md": "" }), { "index.html": "x" })).rejects.toThrow(/cannot be written/);
  });
});

describe("a build that was killed", () => {
  /** The pid of a process that has exited: what a killed build leaves behind. */
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid;

  it("has its staging folder removed, and its renamed previous page put back, by the next build", async () => {
    const vault = makeVault({ "a.md": "" });
    const parent = makeVault({});
    const out = join(parent, "site");
    const old = join(parent, `.site.notegraph-old-${deadPid()}-0123abcd`);
    mkdirSync(old);
    writeFileSync(join(old, "index.html"), "previous");
    writeFileSync(join(old, MANIFEST), JSON.stringify({ tool: "notegraph", files: ["index.html"] }));
    mkdirSync(join(parent, `.site.notegraph-new-${deadPid()}-4567cdef`));
    const running = join(parent, `.site.notegraph-new-${process.pid}-89abcdef`);
    mkdirSync(running);
    await writeOutputFolder(out, vault, { "index.html": "next" });
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("next");
    // A build still running (here: this process) keeps its staging folder.
    expect(readdirSync(parent).sort()).toEqual([`.site.notegraph-new-${process.pid}-89abcdef`, "site"]);
  });

  it("leaves the previous page or the new one, whole, whenever it is killed", async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`N${i}.md`, `# N${i}\n[[N${(i * 7) % 300}]] [[Gone ${i % 9}]]`]));
    const vault = makeVault(files);
    const parent = makeVault({});
    const out = join(parent, "site");
    const build = () => {
      const child = spawn(process.execPath, [cliBin, "build", vault, "--out", out, "--no-cache"], { env: { ...process.env, XDG_CACHE_HOME: testCacheHome }, stdio: "ignore" });
      return { child, exited: once(child, "exit") };
    };
    await build().exited;
    const whole = (folder: string) => readFileSync(join(folder, "index.html"), "utf8").trimEnd().endsWith("</html>");
    for (const delay of [100, 300, 600, 900, 1200, 1600]) {
      const { child, exited } = build();
      await sleep(delay);
      child.kill("SIGKILL");
      await exited;
      const renamed = readdirSync(parent).filter((name) => name.includes("notegraph-old-"));
      expect(existsSync(out) ? whole(out) : renamed.length === 1 && whole(join(parent, renamed[0] as string))).toBe(true);
    }
    await build().exited;
    expect(whole(out)).toBe(true);
    expect(readdirSync(parent)).toEqual(["site"]);
  });
});
