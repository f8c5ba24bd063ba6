import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

const clean = () => makeVault({ "A.md": "[[B]]", "B.md": "# B\n[[A]]" });
const broken = () => makeVault({ "A.md": "line one\n[[Missing]] and [[B#Nope]]", "B.md": "# B\n[[A]]" });

describe("notegraph check", () => {
  it("exits 0 when every link resolves", () => {
    const result = runCli(["check", clean()]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2 notes, 2 links/);
  });

  it("exits 1 on dangling links and broken anchors, printing linter-style lines", () => {
    const vault = broken();
    const result = runCli(["check", vault]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${vault}/A.md:2:1  dangling link [[Missing]]`);
    expect(result.stdout).toContain(`${vault}/A.md:2:17  broken anchor [[B#Nope]]: no heading "Nope" in B.md`);
  });

  it("prints paths joined to the vault argument as given", () => {
    const vault = broken();
    const result = runCli(["check", "."], { cwd: vault });
    expect(result.stdout).toContain("A.md:2:1  dangling link [[Missing]]");
    expect(result.stdout).not.toContain(vault);
  });

  it("--exit-zero reports without failing", () => {
    expect(runCli(["check", broken(), "--exit-zero"]).code).toBe(0);
  });

  it("treats ambiguous links and problems as warnings, failures with --strict", () => {
    const vault = makeVault({ "A.md": "[[T]]", "x/T.md": "[[A]]", "y/T.md": "[[A]]", "Bad.md": "---\nkey: [unclosed\n---\n[[A]]" });
    expect(runCli(["check", vault]).code).toBe(0);
    expect(runCli(["check", vault, "--strict"]).code).toBe(1);
  });

  it("prints one JSON document with the documented fields", () => {
    const result = runCli(["check", broken(), "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["stats", "notes", "links", "dangling", "brokenAnchors", "ambiguous", "orphans", "problems"]));
    expect(report.stats).toMatchObject({ notes: 2, links: 3, dangling: 1, brokenAnchors: 1, orphans: 0 });
    expect(report.links[0]).toEqual({
      source: "A.md", target: "Missing", heading: null, block: null, alias: null, kind: "wikilink", embed: false, line: 2, column: 1, resolved: null,
    });
    expect(report.dangling[0]).toMatchObject({ target: "Missing", suggestion: null, references: [{ source: "A.md", line: 2, column: 1 }] });
    expect(report.brokenAnchors[0]).toMatchObject({ source: "A.md", target: "B", resolved: "B.md", anchor: "Nope", kind: "heading" });
    expect(result.code).toBe(1);
  });

  it("gives the same bytes for the same vault", () => {
    const vault = broken();
    expect(runCli(["check", vault, "--format", "json"]).stdout).toBe(runCli(["check", vault, "--format", "json"]).stdout);
  });

  it("colours output only when asked, never when piped or with NO_COLOR", () => {
    const vault = broken();
    expect(runCli(["check", vault]).stdout).not.toContain("\u001b[");
    expect(runCli(["check", vault], { env: { FORCE_COLOR: "1" } }).stdout).toContain("\u001b[");
    expect(runCli(["check", vault], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toContain("\u001b[");
  });

  it("lists unreadable notes under problems and goes on with the rest", () => {
    const vault = makeVault({ "Bin.md": new Uint8Array([0, 1, 2, 3]), "Bad.md": new Uint8Array([0x5b, 0x5b, 0x41, 0x5d, 0x5d, 0xff]), "A.md": "" });
    const report = JSON.parse(runCli(["check", vault, "--format", "json"]).stdout);
    expect(report.problems).toEqual([
      { path: "Bad.md", message: "not valid UTF-8; unreadable bytes shown as U+FFFD" },
      { path: "Bin.md", message: "binary file, not Markdown text; skipped" },
    ]);
    expect(report.links.map((l: { target: string }) => l.target)).toEqual(["A"]);
  });
});

describe("the compiled parser's code cache", () => {
  it("is kept after a run parses a changed note, used after, and a damaged one is remade, the findings the same", () => {
    const vault = makeVault({ "A.md": "# A\n[[B]]", "B.md": "# B\n[[A]]" });
    const cache = mkdtempSync(join(tmpdir(), "notegraph-code-"));
    const codeFile = () => readdirSync(cache).find((name) => name.startsWith("markdown.cjs-") && name.endsWith(".v8"));
    const editAndCheck = (text: string) => {
      writeFileSync(join(vault, "A.md"), text);
      const result = runCli(["check", vault, "--cache", cache]);
      expect(result.stdout).toBe(runCli(["check", vault, "--no-cache"]).stdout);
      return result;
    };
    runCli(["check", vault, "--cache", cache]);
    // A full check parses on this thread without it; the first run that patches an edit makes it.
    expect(codeFile()).toBeUndefined();
    // Other versions' caches: one unwritten for two months goes when this one is made, a recent one stays.
    const [old, recent] = ["markdown.cjs-0.0.1-v20.0.0-x64.v8", "markdown.cjs-0.0.2-v20.0.0-x64.v8"].map((name) => join(cache, name)) as [string, string];
    writeFileSync(old, "old");
    writeFileSync(recent, "recent");
    const twoMonthsAgo = new Date(Date.now() - 60 * 24 * 3600 * 1000);
    utimesSync(old, twoMonthsAgo, twoMonthsAgo);
    editAndCheck("# A\n[[B]] [[Gap]]");
    expect([existsSync(old), existsSync(recent)]).toEqual([false, true]);
    rmSync(recent);
    const file = join(cache, codeFile() ?? "none");
    const made = readFileSync(file);
    expect(made.length).toBeGreaterThan(1000);
    editAndCheck("# A\n[[B]] [[Gap two]]");
    expect(readFileSync(file).equals(made), "a good cache is read, not written again").toBe(true);
    // A byte of the compiled code changed: the file's own hash refuses it, and the run makes it anew.
    const damaged = Buffer.from(made);
    damaged[made.length - 10] = (damaged[made.length - 10] ?? 0) ^ 0xff;
    writeFileSync(file, damaged);
    expect(editAndCheck("# A\n[[B]] [[Gap three]]").code).toBe(1);
    expect(readFileSync(file).equals(damaged)).toBe(false);
    // Made from another bundle (V8 itself compares only the source's length): refused and made anew from this one.
    const bundleHash = createHash("sha256").update(readFileSync(join(repoRoot, "build", "markdown.cjs"))).digest();
    expect(readFileSync(file).subarray(0, 32).equals(bundleHash)).toBe(true);
    writeFileSync(file, Buffer.concat([Buffer.alloc(32), readFileSync(file).subarray(32)]));
    editAndCheck("# A\n[[B]] [[Gap four]]");
    expect(readFileSync(file).subarray(0, 32).equals(bundleHash)).toBe(true);
    editAndCheck("# A\n[[B]]");
  });
});

describe("usage and errors", () => {
  it("exits 2 with one clear line for a vault that does not exist", () => {
    const result = runCli(["check", "/no/such/vault"]);
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: "notegraph: /no/such/vault: no such folder\n" });
  });

  it("exits 2 on an unknown flag or command, naming it", () => {
    expect(runCli(["check", "--nope"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--nope") });
    expect(runCli(["frobnicate"])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(runCli(["check", "--format", "xml"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--format must be one of text, json") });
  });

  it("answers --help on every command and --version", () => {
    expect(runCli(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: notegraph <command>") });
    expect(runCli(["check", "--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: notegraph check") });
    expect(runCli(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("CI mode", () => {
  it("--format github prints one annotation per finding, paths joined to the vault argument", () => {
    const vault = makeVault({ "A.md": "x\n[[Missing]] [[B#Nope]]", "B.md": "[[A]]", "Lone.md": "" });
    const result = runCli(["check", ".", "--format", "github"], { cwd: vault });
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      "::warning file=A.md,line=2,col=1,title=dangling link::[[Missing]] points at a note that does not exist",
      '::warning file=A.md,line=2,col=13,title=broken anchor::[[B#Nope]]: no heading "Nope" in B.md',
      "::notice file=Lone.md,title=orphan::no links in or out",
    ]);
  });

  it("--baseline lists only what is new since a saved report, and exits by that", () => {
    const vault = makeVault({ "A.md": "[[Old]]\n[[B#Gone]]", "B.md": "[[A]]" });
    const baseline = join(makeVault({}), "baseline.json");
    writeFileSync(baseline, runCli(["check", vault, "--format", "json"]).stdout);
    const same = runCli(["check", vault, "--baseline", baseline]);
    expect(same.code).toBe(0);
    expect(same.stdout).not.toContain("dangling link [[");
    expect(same.stdout).toContain("0 missing topics");
    writeFileSync(join(vault, "A.md"), "moved down\n\n[[Old]]\n[[B#Gone]]\n[[Old]] [[New]]");
    const grown = JSON.parse(runCli(["check", vault, "--baseline", baseline, "--format", "json"]).stdout);
    expect(grown.dangling.map((d: { target: string; references: unknown[] }) => [d.target, d.references.length])).toEqual([["New", 1], ["Old", 1]]);
    expect(grown.brokenAnchors).toEqual([]);
    expect(runCli(["check", vault, "--baseline", baseline]).code).toBe(1);
  });

  it("says clearly when the baseline is not a saved report", () => {
    const bad = join(makeVault({ "x.json": "{}" }), "x.json");
    expect(runCli(["check", makeVault({ "A.md": "" }), "--baseline", bad])).toMatchObject({ code: 2, stderr: expect.stringContaining("not a report saved by") });
  });
});
