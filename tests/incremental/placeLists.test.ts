import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notesReaching, placeListsJson, placeListsMoved, placeListsOf, placeListsOfFlat, placeListsWith, placesAt, type PlaceLists } from "../../src/incremental/placeLists.js";

const listsOf = (lists: PlaceLists) => Array.from(lists.starts, (_start, note) => placesAt(lists, note));
const FILES = 8;
const lists = fc.array(fc.array(fc.nat(FILES - 1), { maxLength: 5 }), { maxLength: 6 });

describe("place lists (what each note links to, flat)", () => {
  it("gives back each note's list, through its JSON too", () => {
    const wide = fc.array(fc.array(fc.nat(2_000_000_000), { maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(wide, (given) => {
        expect(listsOf(placeListsOf(given))).toEqual(given);
        const json = placeListsJson(placeListsOf(given));
        expect(json).toBe(JSON.stringify(given.flatMap((list) => [list.length, ...list])));
        const read = placeListsOfFlat(JSON.parse(json), given.length, 2_000_000_001);
        expect(read && listsOf(read)).toEqual(given);
      }),
    );
  });

  it("takes no flat form that does not hold as many lists of places in range", () => {
    expect(placeListsOfFlat([2, 0, 1, 0], 2, 2)).not.toBeNull();
    expect(placeListsOfFlat([2, 0, 1, 0], 3, 2)).toBeNull();
    expect(placeListsOfFlat([2, 0, 1, 0], 1, 2)).toBeNull();
    expect(placeListsOfFlat([2, 0, 2, 0], 2, 2)).toBeNull();
    expect(placeListsOfFlat([3, 0, 1], 1, 2)).toBeNull();
    expect(placeListsOfFlat([1, -1], 1, 2)).toBeNull();
    expect(placeListsOfFlat({ 0: 0 }, 1, 2)).toBeNull();
  });

  it("gives some notes' lists anew, the others kept", () => {
    fc.assert(
      fc.property(lists, fc.array(fc.tuple(fc.nat(5), fc.array(fc.nat(FILES - 1), { maxLength: 5 }))), (given, changes) => {
        const now = changes.filter(([note]) => note < given.length);
        const expected = given.map((list, note) => now.findLast(([at]) => at === note)?.[1] ?? list);
        expect(listsOf(placeListsWith(placeListsOf(given), new Map(now)))).toEqual(expected);
      }),
    );
  });

  it("renumbers the lists to the places now, files gone left out", () => {
    fc.assert(
      fc.property(lists, fc.array(fc.boolean(), { minLength: FILES, maxLength: FILES }), (given, kept) => {
        // The notes are the first files: a note kept keeps its list; a note added (past the old ones) has none.
        const newPlace = Int32Array.from({ length: FILES }, () => -1);
        let next = 0;
        kept.forEach((keep, old) => keep && (newPlace[old] = next++));
        const oldPlace = Int32Array.from({ length: next + 1 }, () => -1);
        newPlace.forEach((now, old) => now !== -1 && (oldPlace[now] = old));
        const notes = oldPlace.length;
        const expected = Array.from(oldPlace, (old) => (old === -1 || old >= given.length ? null : (given[old] ?? []).map((to) => newPlace[to] ?? -1).filter((to) => to !== -1)));
        const moved = placeListsMoved(placeListsOf(given), Int32Array.from(oldPlace, (old) => (old >= given.length ? -1 : old)), newPlace, notes);
        expect(listsOf(moved)).toEqual(expected.map((list) => list ?? []));
      }),
    );
  });

  it("finds the notes that reach a marked place", () => {
    const marked = Uint8Array.from([0, 1, 0]);
    expect(notesReaching(placeListsOf([[0], [1, 2], [], [2, 1]]), marked)).toEqual([1, 3]);
  });
});
