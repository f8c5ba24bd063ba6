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

/** The names a link may use that come from paths alone: the same while the vault has the same files. */
export interface PathIndex {
  /** `ec2` -> notes named `EC2.md` anywhere. */
  notesByName: ReadonlyMap<LookupKey, VaultPath[]>;
  /** `compute/ec2` -> `Compute/EC2.md`. */
  notesByPath: ReadonlyMap<LookupKey, VaultPath>;
  /** `diagram.png` -> attachments of that name anywhere. */
  attachmentsByName: ReadonlyMap<LookupKey, VaultPath[]>;
  attachmentsByPath: ReadonlyMap<LookupKey, VaultPath>;
}

/** The index of `notes` and `attachments`; `paths`, when given, must be `pathIndexOf` the same files. */
export function buildNameIndex(notes: readonly NoteAnchors[], attachments: readonly VaultPath[], paths?: PathIndex): NameIndex {
  const byPath = new Map(notes.map((note) => [note.path, note] as const));
  return { ...(paths ?? pathIndexOf(notes.map((note) => note.path), attachments)), anchorsOf: (path) => byPath.get(path) };
}

/** The index from paths alone, with anchors looked up only for the notes a link reaches (a check from its kept state reads few). */
export function nameIndexOf(notePaths: readonly VaultPath[], attachments: readonly VaultPath[], anchorsOf: NameIndex["anchorsOf"]): NameIndex {
  return { ...pathIndexOf(notePaths, attachments), anchorsOf };
}

export function pathIndexOf(notePaths: readonly VaultPath[], attachments: readonly VaultPath[]): PathIndex {
  const notesByName = new Map<LookupKey, VaultPath[]>();
  const notesByPath = new Map<LookupKey, VaultPath>();
  for (const path of notePaths) {
    push(notesByName, noteNameKey(path), path);
    notesByPath.set(lookupKey(stripMd(path)), path);
  }
  const attachmentsByName = new Map<LookupKey, VaultPath[]>();
  const attachmentsByPath = new Map<LookupKey, VaultPath>();
  for (const path of attachments) {
    push(attachmentsByName, attachmentNameKey(path), path);
    attachmentsByPath.set(lookupKey(path), path);
  }
  return { notesByName, notesByPath, attachmentsByName, attachmentsByPath };
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
