import type { NoteRecord, ResolvedLink, VaultPath } from "../types.js";
import { brokenAnchor } from "./anchors.js";
import { buildNameIndex } from "./nameIndex.js";
import { resolveTarget } from "./resolveTarget.js";

/** Every link of every note, resolved against the vault's notes and attachments. */
export function resolveLinks(notes: readonly NoteRecord[], attachments: readonly VaultPath[]): ResolvedLink[] {
  const index = buildNameIndex(notes, attachments);
  return notes.flatMap((note) =>
    note.links.map((link): ResolvedLink => {
      const { resolved, candidates } = resolveTarget(link, note.path, index);
      const targetNote = resolved === null ? undefined : index.notes.get(resolved);
      return { ...link, source: note.path, resolved, candidates, brokenAnchor: targetNote ? brokenAnchor(link, targetNote) : null };
    }),
  );
}
