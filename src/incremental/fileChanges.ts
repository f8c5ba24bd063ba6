import { fileKey } from "../resolve/changedNames.js";
import type { ScanResult, VaultPath } from "../types.js";

/** How the files a scan found differ from those a kept state knows, place by place. */
export interface FileChanges {
  /** The scan's paths: its notes in order, then its attachments. */
  paths: VaultPath[];
  /** The state's paths, in the same order. */
  oldPaths: VaultPath[];
  /** For each of those places, the state's place of the same path, or -1 for a new file. */
  oldPlace: Int32Array;
  /** For each of the state's places, the new place of its path, or -1 for a file gone. */
  newPlace: Int32Array;
  /** Whether any file was added or removed. */
  moved: boolean;
  /** The name keys of the files added or removed: links by those names may now resolve elsewhere. */
  keys: Set<string>;
}

export interface KnownFiles {
  notePaths: readonly VaultPath[];
  attachments: readonly VaultPath[];
}

/** Whether the scan found other files than the state knows (added, removed or renamed); cheaper than `fileChanges` when only that is asked. */
export function filesMoved(scan: ScanResult, state: KnownFiles): boolean {
  const { notes, attachments } = scan;
  if (notes.length !== state.notePaths.length || attachments.length !== state.attachments.length) return true;
  for (let i = 0; i < notes.length; i++) if (notes[i]?.path !== state.notePaths[i]) return true;
  for (let i = 0; i < attachments.length; i++) if (attachments[i]?.path !== state.attachments[i]) return true;
  return false;
}

export function fileChanges(scan: ScanResult, state: KnownFiles): FileChanges {
  const paths = [...scan.notes.map((file) => file.path), ...scan.attachments.map((file) => file.path)];
  const before = [...state.notePaths, ...state.attachments];
  if (!filesMoved(scan, state)) {
    const identity = Int32Array.from(paths, (_path, i) => i);
    return { paths, oldPaths: before, oldPlace: identity, newPlace: identity, moved: false, keys: new Set() };
  }
  const oldPlace = new Int32Array(paths.length).fill(-1);
  const newPlace = new Int32Array(before.length).fill(-1);
  // A note and an attachment never share a path (`.md` decides), so a path kept is the same kind of file.
  const notes = scan.notes.length;
  matchPaths(paths.slice(0, notes), state.notePaths, 0, 0, oldPlace, newPlace);
  matchPaths(paths.slice(notes), state.attachments, notes, state.notePaths.length, oldPlace, newPlace);
  const added = paths.filter((_path, place) => oldPlace[place] === -1);
  const removed = before.filter((_path, old) => newPlace[old] === -1);
  return { paths, oldPaths: before, oldPlace, newPlace, moved: true, keys: new Set([...added, ...removed].map(fileKey)) };
}

/**
 * Sets `oldPlace` and `newPlace` for the paths both lists hold (their places offset by `at` and
 * `atBefore`). Both are in scan order, where a file or two come or go at one spot: the paths
 * alike before the first difference and after the last are matched in place, and only those
 * between are looked up.
 */
function matchPaths(now: readonly VaultPath[], before: readonly VaultPath[], at: number, atBefore: number, oldPlace: Int32Array, newPlace: Int32Array): void {
  const match = (i: number, old: number) => {
    oldPlace[at + i] = atBefore + old;
    newPlace[atBefore + old] = at + i;
  };
  let first = 0;
  while (first < now.length && first < before.length && now[first] === before[first]) match(first, first++);
  let end = now.length;
  let endBefore = before.length;
  while (end > first && endBefore > first && now[end - 1] === before[endBefore - 1]) match(--end, --endBefore);
  const placeBefore = new Map(before.slice(first, endBefore).map((path, i) => [path, first + i] as const));
  for (let i = first; i < end; i++) {
    const old = placeBefore.get(now[i] as VaultPath);
    if (old !== undefined) match(i, old);
  }
}
