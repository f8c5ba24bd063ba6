import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanVault } from "../../src/scan/scanVault.js";
import { makeVault } from "../helpers/vault.js";

const paths = async (root: string, ignore: string[] = []) => {
  const scan = await scanVault(root, { ignore });
  return { notes: scan.notes.map((f) => f.path), attachments: scan.attachments.map((f) => f.path), problems: scan.problems };
};

describe("scanVault", () => {
  it("finds notes and attachments, sorted by path", async () => {
    const root = makeVault({ "b.md": "", "a/c.md": "", "img/x.png": "", "doc.pdf": "" });
    expect(await paths(root)).toEqual({ notes: ["a/c.md", "b.md"], attachments: ["doc.pdf", "img/x.png"], problems: [] });
  });

  it("gives notes their size and time, attachments their path alone, and leaves out what is neither file nor folder", async () => {
    const root = makeVault({ "a.md": "four", "real/b.md": "sixteen bytes...", "img/x.png": "png" });
    symlinkSync(join(root, "real", "b.md"), join(root, "linked.md"));
    symlinkSync(join(root, "img", "x.png"), join(root, "linked.png"));
    execFileSync("mkfifo", [join(root, "pipe.md")]);
    const scan = await scanVault(root);
    expect(scan.notes.map(({ path, size }) => [path, size])).toEqual([["a.md", 4], ["linked.md", 16], ["real/b.md", 16]]);
    expect(scan.notes.every((note) => note.mtimeMs > 0)).toBe(true);
    expect(scan.attachments).toEqual([
      { path: "img/x.png", absolutePath: join(root, "img", "x.png") },
      { path: "linked.png", absolutePath: join(root, "linked.png") },
    ]);
    expect(scan.problems).toEqual([]);
  });

  it("skips dot-folders and node_modules", async () => {
    const root = makeVault({
      "keep.md": "",
      ".obsidian/workspace.md": "",
      ".git/x.md": "",
      ".trash/old.md": "",
      "node_modules/pkg/readme.md": "",
      ".hidden.md": "",
    });
    expect((await paths(root)).notes).toEqual(["keep.md"]);
  });

  it("honours Obsidian's excluded files: path prefixes and /regex/", async () => {
    const root = makeVault({
      ".obsidian/app.json": JSON.stringify({ userIgnoreFilters: ["Archive/", "Drafts/old", "/\\.excalidraw\\.md$/"] }),
      "Archive/a.md": "",
      "Drafts/old note.md": "",
      "Drafts/new.md": "",
      "Sketch.excalidraw.md": "",
      "Keep.md": "",
    });
    expect((await paths(root)).notes).toEqual(["Drafts/new.md", "Keep.md"]);
  });

  it("does not treat Obsidian's filters as globs", async () => {
    const root = makeVault({ ".obsidian/app.json": JSON.stringify({ userIgnoreFilters: ["*.md"] }), "a.md": "" });
    expect((await paths(root)).notes).toEqual(["a.md"]);
  });

  it("reports an unreadable app.json and scans everything", async () => {
    const root = makeVault({ ".obsidian/app.json": "{ not json", "a.md": "" });
    const scan = await paths(root);
    expect(scan.notes).toEqual(["a.md"]);
    expect(scan.problems[0]).toMatchObject({ path: ".obsidian/app.json", message: expect.stringMatching(/not valid JSON/) });
  });

  it("applies --ignore globs to files and folders", async () => {
    const root = makeVault({ "Drafts/a.md": "", "Drafts/deep/b.md": "", "x.tmp.md": "", "sub/y.tmp.md": "", "keep.md": "" });
    expect((await paths(root, ["Drafts", "*.tmp.md"])).notes).toEqual(["keep.md"]);
  });

  it("follows a symlink inside the vault, not one pointing out, and survives a loop", async () => {
    const outside = makeVault({ "secret.md": "" });
    const root = makeVault({ "real/a.md": "" });
    symlinkSync(join(root, "real"), join(root, "alias"));
    symlinkSync(outside, join(root, "escape"));
    symlinkSync(join(outside, "secret.md"), join(root, "secret.md"));
    mkdirSync(join(root, "loop"));
    symlinkSync(join(root, "loop"), join(root, "loop", "again"));
    const scan = await paths(root);
    expect(scan.notes.some((p) => p.includes("secret"))).toBe(false);
    expect(scan.notes.filter((p) => p.endsWith("a.md"))).toHaveLength(1);
    expect(scan.problems.map((p) => p.path).sort()).toEqual(["escape", "secret.md"]);
  });

  it("fails clearly on a vault that does not exist or is a file", async () => {
    await expect(scanVault("/no/such/vault")).rejects.toThrow("/no/such/vault: no such folder");
    const root = makeVault({ "a.md": "" });
    await expect(scanVault(join(root, "a.md"))).rejects.toThrow(/not a folder/);
  });

  it("scans an empty vault to nothing", async () => {
    expect(await paths(makeVault({}))).toEqual({ notes: [], attachments: [], problems: [] });
  });
});
