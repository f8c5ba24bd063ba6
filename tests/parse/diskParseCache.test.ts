import { chmodSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadVault } from "../../src/loadVault.js";
import { openDiskCache, storedParses } from "../../src/parse/diskParseCache.js";
import { scanVault } from "../../src/scan/scanVault.js";
import { runCli } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

const files = { "A.md": "---\naliases: [Alpha]\n---\n# A\n[[B#H]] [[Gone]]", "B.md": "## H\n[[A]]", "C.md": "text ^blk" };

async function loadTwice(root: string, folder: string, version = "1.0.0") {
  const first = await openDiskCache(root, version, folder);
  const cold = await loadVault(root, { cache: first });
  await first.save();
  const second = await openDiskCache(root, version, folder);
  let parsed = 0;
  const counting = { ...second, set: (...args: Parameters<typeof second.set>) => { parsed++; second.set(...args); } };
  const warm = await loadVault(root, { cache: counting });
  return { cold, warm, parsed, file: second.file };
}

describe("the disk parse cache", () => {
  it("gives the same vault as no cache, and parses nothing the second time", async () => {
    const root = makeVault(files);
    const { cold, warm, parsed } = await loadTwice(root, makeVault({}));
    expect(cold).toEqual(await loadVault(root));
    expect(warm).toEqual(cold);
    expect(parsed).toBe(0);
  });

  it("lives outside the vault, so a read-only vault works", async () => {
    const root = makeVault(files);
    const folder = makeVault({});
    chmodSync(root, 0o555);
    try {
      const { file } = await loadTwice(root, folder);
      expect(file.startsWith(folder)).toBe(true);
      expect(readdirSync(root).sort()).toEqual(["A.md", "B.md", "C.md"]);
    } finally {
      chmodSync(root, 0o755);
    }
  });

  it("re-parses a changed note, and reuses one whose time changed but not its content", async () => {
    const root = makeVault(files);
    const folder = makeVault({});
    await loadTwice(root, folder);
    writeFileSync(join(root, "B.md"), "## H\n[[A]] [[New]]");
    utimesSync(join(root, "C.md"), new Date(2001, 1, 1), new Date(2001, 1, 1));
    const cache = await openDiskCache(root, "1.0.0", folder);
    const reparsed: string[] = [];
    let hashHits = 0;
    const vault = await loadVault(root, {
      cache: {
        get: cache.get,
        hashOf: cache.hashOf,
        getByHash: (...args) => {
          const hit = cache.getByHash?.(...args);
          if (hit) hashHits++;
          return hit;
        },
        set: (file, ...rest) => {
          if (!cache.getByHash?.(file, rest[2] ?? "", rest[0])) reparsed.push(file.path);
          cache.set(file, ...rest);
        },
      },
    });
    expect(reparsed).toEqual(["B.md"]);
    expect(hashHits).toBe(1);
    expect(vault.links.map((l) => l.target)).toContain("New");
  });

  it("ignores a cache from another version, and a corrupt one", async () => {
    const root = makeVault(files);
    const folder = makeVault({});
    const { file } = await loadTwice(root, folder, "1.0.0");
    const other = await openDiskCache(root, "2.0.0", folder);
    let parsed = 0;
    await loadVault(root, { cache: { ...other, set: (...args: Parameters<typeof other.set>) => { parsed++; other.set(...args); } } });
    expect(parsed).toBe(3);
    writeFileSync(file, "{ not json");
    expect((await loadTwice(root, folder)).warm).toEqual(await loadVault(root));
    // One JSON line per note after the header: damage A's, and add a line that is not JSON.
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const damaged = lines.map((line) => {
      const entry = JSON.parse(line);
      if (!Array.isArray(entry) || entry[0] !== "A.md") return line;
      entry[1].parsed.note.links = "oops";
      return JSON.stringify(entry);
    });
    expect(damaged).not.toEqual(lines);
    writeFileSync(file, `${[...damaged, "[\"C.md\", {"].join("\n")}\n`);
    const reopened = await openDiskCache(root, "1.0.0", folder);
    expect((await loadVault(root, { cache: reopened })).links).toEqual((await loadVault(root)).links);
  });

  it("is written by the CLI where --cache says, and not at all with --no-cache", () => {
    const root = makeVault(files);
    const here = makeVault({});
    const elsewhere = makeVault({});
    expect(runCli(["check", root, "--cache", here, "--exit-zero"]).code).toBe(0);
    // The parse cache, and the state check keeps to redo only what changed next time.
    expect(readdirSync(here).map((name) => name.replace(/^[0-9a-f]+/, "")).sort()).toEqual([".check.json", ".json"]);
    runCli(["check", root, "--no-cache", "--exit-zero"], { env: { XDG_CACHE_HOME: elsewhere } });
    expect(readdirSync(elsewhere)).toEqual([]);
    const warm = runCli(["check", root, "--cache", here, "--format", "json"]);
    expect(warm.stdout).toBe(runCli(["check", root, "--no-cache", "--format", "json"]).stdout);
  });
});

describe("the parse cache's notes, read one at a time", () => {
  // Paths that a line's JSON escapes, or that hold what ends a path in a line (`",{`).
  const odd = { ...files, 'Quo"te.md': "# Q\n[[A]]", 'Odd",{x.md': "# O", "Tab\there.md": "# S", "Ünï cödé.md": "# U\n[[B]]" };

  it("gives each note's parse and hash as the cache holds them, and none for a note changed since", async () => {
    const root = makeVault(odd);
    const folder = makeVault({});
    const { file } = await loadTwice(root, folder);
    const scan = await scanVault(root);
    const stored = await storedParses(root, "1.0.0", folder);
    const cached = new Map(readFileSync(file, "utf8").trim().split("\n").slice(1).map((line) => JSON.parse(line) as [string, { parsed: unknown; hash: string }]));
    expect(scan.notes.map((note) => note.path).sort()).toEqual(Object.keys(odd).sort());
    for (const note of scan.notes) expect(stored.get(note), note.path).toEqual({ parsed: cached.get(note.path)?.parsed, hash: cached.get(note.path)?.hash });
    const changed = scan.notes.find((note) => note.path === "A.md");
    expect(changed && stored.get({ ...changed, mtimeMs: changed.mtimeMs + 1 })).toBeUndefined();
    expect(changed && (await storedParses(root, "2.0.0", folder)).get(changed)).toBeUndefined();
  });

  it("gives nothing for a damaged line, and the rest still", async () => {
    const root = makeVault(files);
    const folder = makeVault({});
    const { file } = await loadTwice(root, folder);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^\["B\.md",\{.*$/m, '["B.md",{"size":'));
    const scan = await scanVault(root);
    const stored = await storedParses(root, "1.0.0", folder);
    expect(scan.notes.map((note) => [note.path, stored.get(note) !== undefined])).toEqual([["A.md", true], ["B.md", false], ["C.md", true]]);
  });
});
