import type { LinkRecord, NoteRecord, ResolvedLink, VaultPath } from "../types.js";
import { brokenAnchor } from "./anchors.js";
import { buildNameIndex, type NameIndex } from "./nameIndex.js";
import { resolveTarget } from "./resolveTarget.js";

/** Every link of every note, resolved against the vault's notes and attachments. */
export function resolveLinks(notes: readonly NoteRecord[], attachments: readonly VaultPath[]): ResolvedLink[] {
  const index = buildNameIndex(notes, attachments);
  return notes.flatMap((note) => resolveNoteLinks(note, index));
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
