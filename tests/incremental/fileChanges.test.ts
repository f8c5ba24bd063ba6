import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileChanges } from "../../src/incremental/fileChanges.js";
import type { ScanResult, VaultPath } from "../../src/types.js";

function scanOf(notes: string[], attachments: string[]): ScanResult {
  const file = (path: string) => ({ path: path as VaultPath, absolutePath: `/v/${path}`, size: 1, mtimeMs: 1 });
  return { root: "/v", notes: notes.map(file), attachments: attachments.map(file), problems: [] };
}

const paths = (...list: string[]) => list as VaultPath[];

describe("fileChanges", () => {
  it("matches each kept path to its place before and after, wherever files came or went", () => {
    const changes = fileChanges(scanOf(["A.md", "New.md", "C.md"], ["b.png"]), { notePaths: paths("A.md", "B.md", "C.md"), attachments: paths("a.png", "b.png") });
    expect(changes.moved).toBe(true);
    expect([...changes.oldPlace]).toEqual([0, -1, 2, 4]);
    expect([...changes.newPlace]).toEqual([0, -1, 2, -1, 3]);
    expect([...changes.keys].sort()).toEqual(["a.png", "b", "new"]);
  });

  it("agrees with looking every path up, for any files kept, added and removed (property)", () => {
    const pool = ["A.md", "B.md", "C.md", "D.md", "E.md", "F.md", "a.png", "b.png", "c.png"];
    const files = fc.subarray(pool);
    fc.assert(
      fc.property(files, files, (before, now) => {
        const split = (paths: string[]) => [paths.filter((path) => path.endsWith(".md")), paths.filter((path) => !path.endsWith(".md"))] as const;
        const [notes, attachments] = split(now);
        const [notesBefore, attachmentsBefore] = split(before);
        const changes = fileChanges(scanOf(notes, attachments), { notePaths: notesBefore as VaultPath[], attachments: attachmentsBefore as VaultPath[] });
        const oldPaths = [...notesBefore, ...attachmentsBefore];
        const paths = [...notes, ...attachments];
        expect([...changes.oldPlace]).toEqual(paths.map((path) => oldPaths.indexOf(path)));
        expect([...changes.newPlace]).toEqual(oldPaths.map((path) => paths.indexOf(path)));
      }),
    );
  });
});
