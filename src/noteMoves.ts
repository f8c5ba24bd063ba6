import type { NoteRecord, ResolvedLink, Vault, VaultPath } from "./types.js";

/**
 * How the notes of a load sit in an earlier load's (`serve`, between saves): made once per pair of
 * loads and shared by the steps that follow a save, so that none of them maps every path again.
 */
export interface NoteMoves {
  /** The same note paths in the same order. */
  same: boolean;
  /** For each note now, its place in the earlier load, or -1 when it is new. */
  oldPlace: Int32Array;
  /** Where each earlier note's links start in that load's list of links: `starts[old]` to `starts[old + 1]`. */
  starts: Int32Array;
  added: VaultPath[];
  removed: VaultPath[];
  /** The earlier places of the notes removed, in order. */
  removedPlaces: number[];
}

type Notes = readonly Pick<NoteRecord, "path" | "links">[];

/** `make`, once per pair of objects; keyed weakly by both, so a result keeps neither alive. */
function perPair<A extends object, B extends object, V>(make: (a: A, b: B) => V): (a: A, b: B) => V {
  const made = new WeakMap<A, WeakMap<B, V>>();
  return (a, b) => {
    let byB = made.get(a);
    if (!byB) made.set(a, (byB = new WeakMap()));
    if (!byB.has(b)) byB.set(b, make(a, b));
    return byB.get(b) as V;
  };
}

export const noteMoves: (before: Notes, after: Notes) => NoteMoves = perPair(movesOf);

function movesOf(before: Notes, after: Notes): NoteMoves {
  const starts = new Int32Array(before.length + 1);
  for (let i = 0; i < before.length; i++) starts[i + 1] = (starts[i] ?? 0) + (before[i]?.links.length ?? 0);
  const same = before.length === after.length && after.every((note, i) => note.path === before[i]?.path);
  const oldPlace = same ? Int32Array.from(after, (_note, i) => i) : (placesInOrder(before, after) ?? placesByMap(before, after));
  if (same) return { same, oldPlace, starts, added: [], removed: [], removedPlaces: [] };
  const kept = new Uint8Array(before.length);
  const added: VaultPath[] = [];
  oldPlace.forEach((old, place) => {
    if (old === -1) added.push(after[place]?.path as VaultPath);
    else kept[old] = 1;
  });
  const removedPlaces = before.flatMap((_note, old) => (kept[old] ? [] : [old]));
  return { same, oldPlace, starts, added, removed: removedPlaces.map((old) => before[old]?.path as VaultPath), removedPlaces };
}

/** Old places by walking both lists at once, as a scan gives them (in code-unit order of path); null when either is not in that order. */
function placesInOrder(before: Notes, after: Notes): Int32Array | null {
  const ordered = (notes: Notes) => notes.every((note, i) => i === 0 || (notes[i - 1] as Notes[number]).path < note.path);
  if (!ordered(before) || !ordered(after)) return null;
  const oldPlace = new Int32Array(after.length).fill(-1);
  let old = 0;
  after.forEach((note, place) => {
    while (old < before.length && (before[old] as Notes[number]).path < note.path) old++;
    if (before[old]?.path === note.path) oldPlace[place] = old++;
  });
  return oldPlace;
}

function placesByMap(before: Notes, after: Notes): Int32Array {
  const byPath = new Map(before.map((note, place) => [note.path, place] as const));
  return Int32Array.from(after, (note) => byPath.get(note.path) ?? -1);
}

/** The attachments of one load and not the other's; the same list in the same order is `same`. */
export function attachmentMoves(before: readonly VaultPath[], after: readonly VaultPath[]): { same: boolean; added: VaultPath[]; removed: VaultPath[] } {
  if (before.length === after.length && after.every((path, i) => path === before[i])) return { same: true, added: [], removed: [] };
  const [was, is] = [new Set(before), new Set(after)];
  return { same: false, added: after.filter((path) => !was.has(path)), removed: before.filter((path) => !is.has(path)) };
}

/**
 * The notes of `after` that are new, or whose record or, when files came or went, any link is
 * another object than in `before` (a parse cache and `resolveLinksAgain` hand back the same ones
 * for what did not change). Over the same files only the records are compared: a kept note's
 * link is another object then only when its anchor was checked again. Asked by the graph update
 * and by the findings patch of the same save, it is found once per pair of loads.
 */
export const changedNotes: (before: Loaded, after: Loaded) => ReadonlySet<VaultPath> = perPair(notesChanged);

type Loaded = Pick<Vault, "notes" | "links" | "attachments">;

function notesChanged(before: Loaded, after: Loaded): Set<VaultPath> {
  const moves = noteMoves(before.notes, after.notes);
  if (moves.same && attachmentMoves(before.attachments, after.attachments).same) return new Set(after.notes.filter((note, place) => note !== before.notes[place]).map((note) => note.path));
  const changed = new Set<VaultPath>();
  let at = 0;
  for (let place = 0; place < after.notes.length; place++) {
    const note = after.notes[place] as NoteRecord;
    const old = moves.oldPlace[place] ?? -1;
    if (before.notes[old] !== note || !sameObjects(before.links, moves.starts[old] ?? 0, after.links, at, note.links.length)) changed.add(note.path);
    at += note.links.length;
  }
  return changed;
}

function sameObjects(a: readonly ResolvedLink[], from: number, b: readonly ResolvedLink[], at: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (a[from + i] !== b[at + i]) return false;
  return true;
}
