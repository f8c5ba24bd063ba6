import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { noteMoves } from "../src/noteMoves.js";

const note = (path: string, links = 0) => ({ path, links: Array.from({ length: links }, () => ({})) });

describe("noteMoves (serve, between saves)", () => {
  it("places each note where it was, whether the lists are in scan order or not (property)", () => {
    const pool = ["A.md", "B.md", "b.md", "Sub/A.md", "Z.md", "é.md"];
    const notes = fc.subarray(pool).chain((paths) => fc.tuple(fc.constant(paths), fc.boolean()));
    fc.assert(
      fc.property(notes, notes, fc.array(fc.nat(3), { minLength: pool.length, maxLength: pool.length }), ([was, sortWas], [is, sortIs], counts) => {
        // In scan order (code units), or in the order the pool lists them.
        const order = (paths: string[], sorted: boolean) => (sorted ? [...paths].sort() : paths);
        const before = order(was, sortWas).map((path) => note(path, counts[pool.indexOf(path)] ?? 0));
        const after = order(is, sortIs).map((path) => note(path));
        const moves = noteMoves(before, after);
        expect([...moves.oldPlace]).toEqual(after.map((n) => before.findIndex((b) => b.path === n.path)));
        expect(moves.added).toEqual(after.filter((n) => !before.some((b) => b.path === n.path)).map((n) => n.path));
        expect(moves.removed).toEqual(before.filter((b) => !after.some((n) => n.path === b.path)).map((b) => b.path));
        expect(moves.same).toBe(before.length === after.length && after.every((n, i) => n.path === before[i]?.path));
        // Each earlier note's links start where the ones before it end.
        before.forEach((b, i) => expect((moves.starts[i + 1] ?? 0) - (moves.starts[i] ?? 0)).toBe(b.links.length));
      }),
      { numRuns: 300 },
    );
  });

  it("is made once per pair of loads", () => {
    const [before, after] = [[note("A.md")], [note("A.md"), note("B.md")]];
    expect(noteMoves(before, after)).toBe(noteMoves(before, after));
  });
});
