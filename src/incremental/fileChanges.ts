import { fileKey, foundByChangedName } from "../resolve/changedNames.js";
import type { ScanResult, VaultPath } from "../types.js";
import type { NoteFacts } from "./noteFacts.js";

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

export function fileChanges(scan: ScanResult, state: KnownFiles): FileChanges {
  const paths = [...scan.notes.map((file) => file.path), ...scan.attachments.map((file) => file.path)];
  const before = [...state.notePaths, ...state.attachments];
  const same = scan.notes.length === state.notePaths.length && paths.length === before.length && paths.every((path, i) => path === before[i]);
  if (same) {
    const identity = Int32Array.from(paths, (_path, i) => i);
    return { paths, oldPaths: before, oldPlace: identity, newPlace: identity, moved: false, keys: new Set() };
  }
  const placeBefore = new Map(before.map((path, place) => [path, place] as const));
  const oldPlace = Int32Array.from(paths, (path) => placeBefore.get(path) ?? -1);
  const newPlace = new Int32Array(before.length).fill(-1);
  // A note and an attachment never share a path (`.md` decides), so a path kept is the same kind of file.
  oldPlace.forEach((old, place) => {
    if (old !== -1) newPlace[old] = place;
  });
  const added = paths.filter((_path, place) => oldPlace[place] === -1);
  const removed = before.filter((_path, old) => newPlace[old] === -1);
  return { paths, oldPaths: before, oldPlace, newPlace, moved: true, keys: new Set([...added, ...removed].map(fileKey)) };
}

/**
 * Whether a note's links may resolve otherwise now that files named `keys` came or went: it links
 * to a file of such a name (or is one: it may link to itself by name), or has a link by such a
 * name that found nothing or was ambiguous. A link finds a file by its name (or a path ending in
 * it), so any other link resolves as it did.
 */
export function linksByChangedName(facts: NoteFacts, changes: FileChanges, pathAt: (place: number) => VaultPath | undefined): boolean {
  if (changes.keys.has(fileKey(facts.path))) return true;
  if (facts.linksTo.some((place) => changes.keys.has(fileKey(pathAt(place) ?? "")))) return true;
  // An ambiguous link's candidates all answer to its name, so its name alone tells.
  return facts.notable.some((link) => foundByChangedName(link.target, changes.keys));
}
