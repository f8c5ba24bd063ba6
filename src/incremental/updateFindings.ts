import { checkFindings, type CheckFindings } from "../analyze/checkReport.js";
import type { NoteNames, SuggestionsFor } from "../analyze/findings.js";
import { looseForm, nearMissFinder } from "../analyze/nearMiss.js";
import { readAndHash } from "../parse/readNotes.js";
import { brokenAnchor } from "../resolve/anchors.js";
import { buildNameIndex, type NameIndex } from "../resolve/nameIndex.js";
import { resolveNoteLinks } from "../resolve/resolveLinks.js";
import type { ParsedNote, ScanResult, VaultFile, VaultPath } from "../types.js";
import type { CheckState } from "./checkState.js";
import { findingsSourceOf, noteFacts, type NoteFacts } from "./noteFacts.js";

/** Over this many changed notes, a full check (on worker threads, with the parse cache) is as quick. */
export const MOST_CHANGED = 200;

export interface UpdatedCheck {
  findings: CheckFindings;
  state: CheckState;
  /** Whether the state differs from the one given (and is worth writing). */
  changed: boolean;
}

/**
 * The findings after the notes that changed since `state` was kept, reading only those (size and
 * time first, then the content hash). Null when the files are not the same set as then (a note or
 * attachment added, removed or renamed changes what names mean) or too many changed: a full check
 * does those. The findings are those a full check would make: links into a changed note have
 * their anchors checked again, and suggestions are searched again when a note's names changed.
 */
export async function updateFindings(scan: ScanResult, state: CheckState): Promise<UpdatedCheck | null> {
  if (!sameFiles(scan, state)) return null;
  const stale = scan.notes.flatMap((file, i) => (differs(file, state.notes[i]) ? [i] : []));
  if (stale.length > MOST_CHANGED) return null;
  const notes = [...state.notes];
  const fresh = new Map<number, { parsed: ParsedNote; hash: string | null }>();
  for (const i of stale) {
    const file = scan.notes[i] as VaultFile;
    const old = notes[i] as NoteFacts;
    const { hash, parsed } = await readAndHash(file, {}, old.hash);
    if (parsed === null) notes[i] = { ...old, size: file.size, mtimeMs: file.mtimeMs };
    else fresh.set(i, { parsed, hash });
  }
  if (fresh.size > 0) {
    const index = buildNameIndex(notes.map((facts, i) => fresh.get(i)?.parsed.note ?? facts), state.attachments);
    for (const [i, { parsed, hash }] of fresh) {
      notes[i] = noteFacts(scan.notes[i] as VaultFile, hash, parsed.note, resolveNoteLinks(parsed.note, index), parsed.problems);
    }
    recheckAnchorsInto(new Set([...fresh.keys()].map((i) => notes[i]?.path as VaultPath)), notes, index);
  }
  const namesKept = [...fresh.keys()].every((i) => sameNames(state.notes[i] as NoteFacts, notes[i] as NoteFacts));
  const findings = checkFindings(findingsSourceOf(notes, scan.attachments.length, scan.problems, suggestionsWith(notes, namesKept ? state.suggestions : new Map())));
  const suggestions = new Map(findings.dangling.map((group) => [looseForm(group.target), group.suggestion] as const));
  return { findings, state: { attachments: state.attachments, suggestions, notes }, changed: stale.length > 0 };
}

function sameFiles(scan: ScanResult, state: CheckState): boolean {
  return (
    scan.notes.length === state.notes.length &&
    scan.attachments.length === state.attachments.length &&
    scan.notes.every((file, i) => file.path === state.notes[i]?.path) &&
    scan.attachments.every((file, i) => file.path === state.attachments[i])
  );
}

function differs(file: VaultFile, facts: NoteFacts | undefined): boolean {
  return facts === undefined || file.size !== facts.size || file.mtimeMs !== facts.mtimeMs;
}

/** Links from unchanged notes into changed ones: their headings and blocks may have come or gone. */
function recheckAnchorsInto(changed: ReadonlySet<VaultPath>, notes: NoteFacts[], index: NameIndex): void {
  for (const [i, facts] of notes.entries()) {
    if (changed.has(facts.path)) continue;
    let touched = false;
    const notable = facts.notable.map((link) => {
      const target = link.resolved !== null && changed.has(link.resolved) ? index.notes.get(link.resolved) : undefined;
      const anchor = target ? brokenAnchor(link, target) : link.brokenAnchor;
      if (anchor === link.brokenAnchor) return link;
      touched = true;
      return { ...link, brokenAnchor: anchor };
    });
    if (touched) notes[i] = { ...facts, notable };
  }
}

function sameNames(before: NoteFacts, after: NoteFacts): boolean {
  return before.title === after.title && before.aliases.length === after.aliases.length && before.aliases.every((alias, i) => alias === after.aliases[i]);
}

/** Suggestions kept from the last run where still good; the rest searched for in one pass. */
function suggestionsWith(notes: readonly NoteNames[], known: ReadonlyMap<string, VaultPath | null>): SuggestionsFor {
  return (targets) => {
    const unknown = targets.filter((target) => !known.has(looseForm(target)));
    const finder = unknown.length > 0 ? nearMissFinder(notes, unknown) : undefined;
    return (target) => {
      const loose = looseForm(target);
      return known.has(loose) ? (known.get(loose) ?? null) : (finder ?? nearMissFinder(notes))(target);
    };
  };
}
