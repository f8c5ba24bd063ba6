import { attachmentMoves, noteMoves } from "../noteMoves.js";
import type { LinkRecord, LookupKey, NoteRecord, ResolvedLink, VaultPath } from "../types.js";
import { brokenAnchor, sameAnchors } from "./anchors.js";
import { changedNameTest, fileKey } from "./changedNames.js";
import { buildNameIndex, pathIndexOf, type NameIndex, type PathIndex } from "./nameIndex.js";
import { resolveTarget } from "./resolveTarget.js";

/** Every link of every note, resolved against the vault's notes and attachments. */
export function resolveLinks(notes: readonly NoteRecord[], attachments: readonly VaultPath[]): ResolvedLink[] {
  const paths = pathIndexOf(notes.map((note) => note.path), attachments);
  const index = buildNameIndex(notes, attachments, paths);
  return withPaths(notes.flatMap((note) => resolveNoteLinks(note, index)), paths);
}

// The path part of the index that resolved a list of links, kept for the next run over the same
// files (`serve`, between saves): at 10,000 notes, making it again was 20 ms of each save.
const pathIndexes = new WeakMap<readonly ResolvedLink[], PathIndex>();

function withPaths(links: ResolvedLink[], paths: PathIndex): ResolvedLink[] {
  pathIndexes.set(links, paths);
  return links;
}

/**
 * `resolveLinks` after an earlier run with the same cache (`serve`, between saves): links of notes
 * whose records are the earlier objects are kept (a parse cache hands back the same record for an
 * unchanged note), but for anchors into a changed note whose headings or block ids changed,
 * checked again; a changed or new note's links are resolved anew. When files were added or
 * removed, so are the links of the notes with a link that may find another file now (see
 * `linkMayMove`); any other link finds what it found before.
 */
export function resolveLinksAgain(previous: { notes: readonly NoteRecord[]; attachments: readonly VaultPath[]; links: readonly ResolvedLink[] }, notes: readonly NoteRecord[], attachments: readonly VaultPath[]): ResolvedLink[] {
  const moves = noteMoves(previous.notes, notes);
  const attached = attachmentMoves(previous.attachments, attachments);
  const same = moves.same && attached.same;
  const pathsBefore = () => pathIndexes.get(previous.links) ?? pathIndexOf(previous.notes.map((note) => note.path), previous.attachments);
  const paths = same ? pathsBefore() : pathIndexOf(notes.map((note) => note.path), attachments);
  const keys = new Set([...moves.added, ...moves.removed, ...attached.added, ...attached.removed].map(fileKey));
  const mayMove = same ? () => false : linkMayMove(keys, [pathsBefore(), paths]);
  const reanchored = new Set<VaultPath>();
  let unchanged = true;
  for (let place = 0; place < notes.length; place++) {
    const note = notes[place] as NoteRecord;
    const before = previous.notes[moves.oldPlace[place] ?? -1];
    if (note === before) continue;
    unchanged = false;
    if (before !== undefined && !sameAnchors(before, note)) reanchored.add(note.path);
  }
  if (same && unchanged) return withPaths([...previous.links], paths);
  // The few anchors looked up are found by place: a map of every note's path made for them was 55 ms of each save at 100,000 notes.
  const placeOf = placesOf(paths, notes);
  const index: NameIndex = { ...paths, anchorsOf: (path) => notes[placeOf.get(path) ?? -1] };
  // One array filled in place: a slice and a map per note made serve's save 25 ms slower at 10,000 notes.
  const links: ResolvedLink[] = [];
  for (let place = 0; place < notes.length; place++) {
    const note = notes[place] as NoteRecord;
    const old = moves.oldPlace[place] ?? -1;
    const [first, end] = [moves.starts[old] ?? 0, moves.starts[old + 1] ?? 0];
    if (note !== previous.notes[old] || someLink(previous.links, first, end, mayMove)) for (const link of resolveNoteLinks(note, index)) links.push(link);
    else if (reanchored.size === 0) for (let at = first; at < end; at++) links.push(previous.links[at] as ResolvedLink);
    else for (let at = first; at < end; at++) links.push(anchorCheckedAgain(previous.links[at] as ResolvedLink, reanchored, index));
  }
  return withPaths(links, paths);
}

/**
 * A test of whether a kept link may resolve otherwise now that files named `keys` came or went:
 * a link that found nothing may find a new file by its name (see `changedNameTest`), and a link
 * that found a file by such a name may find another now, or none. Any other link found its file
 * by another name, which no file took or left.
 */
function linkMayMove(keys: ReadonlySet<string>, indexes: readonly PathIndex[]): (link: ResolvedLink) => boolean {
  const byName = changedNameTest(keys);
  const named = new Set<VaultPath>();
  for (const index of indexes) {
    for (const key of keys as ReadonlySet<LookupKey>) for (const path of [...(index.notesByName.get(key) ?? []), ...(index.attachmentsByName.get(key) ?? [])]) named.add(path);
  }
  return (link) => (link.resolved === null ? byName(link.target) : named.has(link.resolved));
}

/** Whether a link from `first` to `end` is one `test` picks. */
function someLink(links: readonly ResolvedLink[], first: number, end: number, test: (link: ResolvedLink) => boolean): boolean {
  for (let at = first; at < end; at++) if (test(links[at] as ResolvedLink)) return true;
  return false;
}

/** Each note's place in scan order, kept with the path index: the same while the files are. */
const places = new WeakMap<PathIndex, Map<VaultPath, number>>();

function placesOf(paths: PathIndex, notes: readonly NoteRecord[]): ReadonlyMap<VaultPath, number> {
  let found = places.get(paths);
  if (!found) places.set(paths, (found = new Map(notes.map((note, place) => [note.path, place] as const))));
  return found;
}

/** The link as it was, or, when it points into a changed note, with its anchor checked there again (headings and blocks may have come or gone). */
export function anchorCheckedAgain<Link extends Pick<ResolvedLink, "resolved" | "heading" | "block" | "brokenAnchor">>(link: Link, changed: ReadonlySet<VaultPath>, index: NameIndex): Link {
  const target = link.resolved !== null && changed.has(link.resolved) ? index.anchorsOf(link.resolved) : undefined;
  const anchor = target ? brokenAnchor(link, target) : link.brokenAnchor;
  return anchor === link.brokenAnchor ? link : { ...link, brokenAnchor: anchor };
}

/** One note's links, resolved against the index; anchors are checked in the notes the index holds. */
export function resolveNoteLinks(note: Pick<NoteRecord, "path" | "links">, index: NameIndex): ResolvedLink[] {
  return note.links.map((link) => {
    const { resolved, candidates } = resolveTarget(link, note.path, index);
    const targetNote = resolved === null ? undefined : index.anchorsOf(resolved);
    const anchor = targetNote ? brokenAnchor(link, targetNote) : null;
    return resolvedLink(link, note.path, resolved, candidates, anchor);
  });
}

/**
 * One object shape for every link: spreading records of two shapes (`pathLike` is optional) made
 * V8 build slow dictionary objects, 3 of the 8 s and most of the memory of resolving 441,000 links.
 */
function resolvedLink(link: LinkRecord, source: VaultPath, resolved: VaultPath | null, candidates: VaultPath[], brokenAnchor: ResolvedLink["brokenAnchor"]): ResolvedLink {
  const { target, heading, block, alias, kind, embed, line, column, raw } = link;
  return { target, heading, block, alias, kind, embed, line, column, raw, pathLike: link.pathLike === true, source, resolved, candidates, brokenAnchor };
}
