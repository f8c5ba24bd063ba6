import { chmodSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadVault } from "../../src/loadVault.js";
import { readNotes } from "../../src/parse/readNotes.js";
import { scanVault } from "../../src/scan/scanVault.js";
import { makeVault } from "../helpers/vault.js";

// An injected failure: listing any folder named "Injected" fails as a locked folder does.
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const readdirSync = ((path: Parameters<typeof fs.readdirSync>[0], options?: unknown) => {
    if (String(path).endsWith("Injected")) throw Object.assign(new Error("permission denied"), { code: "EACCES" });
    return fs.readdirSync(path, options as never);
  }) as typeof fs.readdirSync;
  return { ...fs, readdirSync, default: { ...fs, readdirSync } };
});

const files = { "Ok.md": "[[Locked Note]] [[Gone]]", "Locked Note.md": "[[Ok]]", "Locked/Inside.md": "[[Ok]]", "Injected/Inside.md": "[[Ok]]" };
const asRoot = process.getuid?.() === 0;
const locked: string[] = [];
afterEach(() => {
  for (const path of locked.splice(0)) chmodSync(path, 0o755);
});

describe("files and folders that cannot be read", () => {
  it("reports a folder whose listing fails (injected), and scans the rest", async () => {
    const scan = await scanVault(makeVault(files));
    expect(scan.problems).toEqual([{ path: "Injected", message: "folder cannot be read (EACCES)" }]);
    expect(scan.notes.map((note) => note.path)).toEqual(["Locked Note.md", "Locked/Inside.md", "Ok.md"]);
  });

  it("reports a note that vanishes between scan and read, and reads the rest", async () => {
    const root = makeVault(files);
    const scan = await scanVault(root);
    rmSync(join(root, "Locked Note.md"));
    const { notes, problems } = await readNotes(scan.notes);
    expect(problems).toEqual([{ path: "Locked Note.md", message: "cannot be read (ENOENT)" }]);
    expect(notes.find((note) => note.path === "Ok.md")?.links).toHaveLength(2);
  });

  // Root reads through permissions (CI runs as root): the injected cases above cover the same paths.
  it.skipIf(asRoot)("reports a note and a folder without read permission", async () => {
    const root = makeVault(files);
    for (const path of ["Locked Note.md", "Locked"]) {
      chmodSync(join(root, path), 0o000);
      locked.push(join(root, path));
    }
    const vault = await loadVault(root);
    expect(vault.problems).toEqual(
      expect.arrayContaining([
        { path: "Locked", message: "folder cannot be read (EACCES)" },
        { path: "Locked Note.md", message: "cannot be read (EACCES)" },
      ]),
    );
    expect(vault.notes.find((note) => note.path === "Ok.md")?.links).toHaveLength(2);
  });
});
