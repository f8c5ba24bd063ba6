import fc from "fast-check";
import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { rescanVault } from "../../src/scan/rescanVault.js";
import { scanVault } from "../../src/scan/scanVault.js";
import { makeVault } from "../helpers/vault.js";

/** Writes a file, making its folder. */
function put(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe("rescanVault (serve: only the paths the watcher named)", () => {
  it("follows a note changed, added and deleted without listing the folders", async () => {
    const root = makeVault({ "A.md": "a", "Sub/B.md": "b", "pic.png": "p" });
    const before = await scanVault(root);
    appendFileSync(join(root, "A.md"), " more");
    put(root, "Sub/C.md", "c");
    rmSync(join(root, "Sub/B.md"));
    const after = await rescanVault(before, ["A.md", "Sub/C.md", "Sub/B.md"]);
    expect(after).toEqual(await scanVault(root));
    expect(after?.notes.find((f) => f.path === "A.md")?.size).toBe(6);
  });

  it("leaves out what a scan leaves out: dot files, ignored globs, a temporary file already gone", async () => {
    const root = makeVault({ "A.md": "a", "drafts/x.md": "" });
    const before = await scanVault(root, { ignore: ["drafts"] });
    put(root, ".A.md.swp", "");
    put(root, "drafts/y.md", "");
    expect(await rescanVault(before, [".A.md.swp", "drafts/y.md", "A.md~"], { ignore: ["drafts"] })).toEqual(before);
  });

  it.each([
    ["a new folder", (root: string) => put(root, "New/D.md", ""), "New"],
    ["a note in a new folder", (root: string) => put(root, "New/D.md", ""), "New/D.md"],
    ["a deleted folder", (root: string) => rmSync(join(root, "Sub"), { recursive: true }), "Sub"],
    ["a folder holding only folders", (root: string) => rmSync(join(root, "Deep"), { recursive: true }), "Deep"],
    ["a symlink", (root: string) => symlinkSync(join(root, "A.md"), join(root, "Link.md")), "Link.md"],
    ["Obsidian's excluded files", (root: string) => put(root, ".obsidian/app.json", '{"userIgnoreFilters":["Sub"]}'), ".obsidian/app.json"],
  ])("hands %s to a full scan", async (_name, change, named) => {
    const root = makeVault({ "A.md": "a", "Sub/B.md": "b", "Deep/Er/E.md": "e" });
    const before = await scanVault(root);
    change(root);
    expect(await rescanVault(before, [named])).toBeNull();
  });

  it("gives what a full scan gives, or hands over to one, whatever files change (property)", async () => {
    const path = fc.constantFrom("A.md", "b.md", "Sub/C.md", "Sub/pic.png", "Sub/Deeper/D.md", "New/E.md", ".hidden.md", "Sub/.draft.md", "node_modules/x.md");
    const op = fc.oneof(
      fc.record({ kind: fc.constant("write" as const), path, text: fc.string({ maxLength: 3 }) }),
      fc.record({ kind: fc.constant("delete" as const), path }),
      fc.record({ kind: fc.constant("deleteFolder" as const), path: fc.constantFrom("Sub", "Sub/Deeper", "New") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 6 }), async (ops) => {
        const root = makeVault({ "A.md": "a", "Sub/C.md": "c", "Sub/Deeper/D.md": "d" });
        let scan = await scanVault(root);
        for (const step of ops) {
          if (step.kind === "write") put(root, step.path, step.text);
          else rmSync(join(root, step.path), { recursive: true, force: true });
          const fast = await rescanVault(scan, [step.path]);
          const full = await scanVault(root);
          if (fast !== null) expect(fast).toEqual(full);
          scan = full;
        }
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
  });
});
