import { baseName, lookupKey, stripMd } from "../keys.js";
import type { Heading, LookupKey, VaultPath } from "../types.js";

/** What a link's anchor is checked against: a note's headings and block ids. */
export interface NoteAnchors {
  path: VaultPath;
  headings: readonly Pick<Heading, "depth" | "text">[];
  blockIds: readonly string[];
}

/** Every name and path a link may use, built once per vault. */
export interface NameIndex extends PathIndex {
  /** The headings and block ids of a note, for checking anchors; undefined for anything else. */
  anchorsOf(path: VaultPath): NoteAnchors | undefined;
}

/** What the index answers a key with; resolution only ever asks for one key at a time. */
export interface KeyLookup<V> {
  get(key: LookupKey): V | undefined;
}

/** The names a link may use that come from paths alone: the same while the vault has the same files. */
export interface PathIndex {
  /** `ec2` -> notes named `EC2.md` anywhere. */
  notesByName: KeyLookup<VaultPath[]>;
  /** `compute/ec2` -> `Compute/EC2.md`. */
  notesByPath: KeyLookup<VaultPath>;
  /** `diagram.png` -> attachments of that name anywhere. */
  attachmentsByName: KeyLookup<VaultPath[]>;
  attachmentsByPath: KeyLookup<VaultPath>;
}

/** The keys each file is found by, in the order of its paths: what a PathIndex looks up. */
export interface FileKeys {
  noteNames: LookupKey[];
  notePaths: LookupKey[];
  attachmentNames: LookupKey[];
  attachmentPaths: LookupKey[];
}

/** The index of `notes` and `attachments`; `paths`, when given, must be `pathIndexOf` the same files. */
export function buildNameIndex(notes: readonly NoteAnchors[], attachments: readonly VaultPath[], paths?: PathIndex): NameIndex {
  const byPath = new Map(notes.map((note) => [note.path, note] as const));
  return { ...(paths ?? pathIndexOf(notes.map((note) => note.path), attachments)), anchorsOf: (path) => byPath.get(path) };
}

export function pathIndexOf(notePaths: readonly VaultPath[], attachments: readonly VaultPath[]): PathIndex {
  const keys = fileKeysOf(notePaths, attachments);
  const notesByName = new Map<LookupKey, VaultPath[]>();
  const notesByPath = new Map<LookupKey, VaultPath>();
  notePaths.forEach((path, i) => {
    push(notesByName, keys.noteNames[i] as LookupKey, path);
    notesByPath.set(keys.notePaths[i] as LookupKey, path);
  });
  const attachmentsByName = new Map<LookupKey, VaultPath[]>();
  const attachmentsByPath = new Map<LookupKey, VaultPath>();
  attachments.forEach((path, i) => {
    push(attachmentsByName, keys.attachmentNames[i] as LookupKey, path);
    attachmentsByPath.set(keys.attachmentPaths[i] as LookupKey, path);
  });
  return { notesByName, notesByPath, attachmentsByName, attachmentsByPath };
}

export function fileKeysOf(notePaths: readonly VaultPath[], attachments: readonly VaultPath[]): FileKeys {
  return {
    noteNames: notePaths.map(noteNameKey),
    notePaths: notePaths.map((path) => lookupKey(stripMd(path))),
    attachmentNames: attachments.map(attachmentNameKey),
    attachmentPaths: attachments.map((path) => lookupKey(path)),
  };
}

/**
 * `pathIndexOf` from keys made before, for a check that resolves a few notes' links: the first
 * lookups read every key, and no map is built (resolving one note's links this way at 100,000
 * notes takes a few milliseconds; the maps took 0.25 s). Past SCANS_BEFORE_MAP lookups of a kind
 * of key, as when many notes are read again, a map of that kind is made from the keys and used.
 */
export function pathIndexFromKeys(notePaths: readonly VaultPath[], attachments: readonly VaultPath[], keys: FileKeys): PathIndex {
  // A path key is unique but for the last of two paths that differ only in case: the maps keep the last one set.
  const last = (lookup: KeyLookup<VaultPath[]>): KeyLookup<VaultPath> => ({ get: (key) => lookup.get(key)?.at(-1) });
  return {
    notesByName: scanThenMap(notePaths, keys.noteNames),
    notesByPath: last(scanThenMap(notePaths, keys.notePaths)),
    attachmentsByName: scanThenMap(attachments, keys.attachmentNames),
    attachmentsByPath: last(scanThenMap(attachments, keys.attachmentPaths)),
  };
}

/** About how many lookups that read every key cost as much as making a map of them. */
export const SCANS_BEFORE_MAP = 16;

/** The paths whose key is the one asked for, in order: found by reading every key, then, past SCANS_BEFORE_MAP lookups, by a map. */
function scanThenMap(paths: readonly VaultPath[], list: readonly LookupKey[]): KeyLookup<VaultPath[]> {
  let lookups = 0;
  let byKey: Map<LookupKey, VaultPath[]> | undefined;
  return {
    get(key) {
      if (byKey === undefined && ++lookups > SCANS_BEFORE_MAP) {
        byKey = new Map();
        for (let i = 0; i < list.length; i++) push(byKey, list[i] as LookupKey, paths[i] as VaultPath);
      }
      if (byKey) return byKey.get(key);
      const found: VaultPath[] = [];
      for (let i = 0; i < list.length; i++) if (list[i] === key) found.push(paths[i] as VaultPath);
      return found.length > 0 ? found : undefined;
    },
  };
}

/** The name a note is found by: `Sub/EC2.md` -> `ec2`. */
export function noteNameKey(path: string): LookupKey {
  return lookupKey(stripMd(baseName(path)));
}

/** The name an attachment is found by: `img/Map.png` -> `map.png`. */
export function attachmentNameKey(path: string): LookupKey {
  return lookupKey(baseName(path));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
