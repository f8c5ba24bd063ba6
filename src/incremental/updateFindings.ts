import { checkFindings, type CheckFindings } from "../analyze/checkReport.js";
import { keptSuggestions, sameNames, suggestionsOf } from "../analyze/nearMiss.js";
import { BIG_NOTE_BYTES } from "../parse/parsePool.js";
import { readAndHash } from "../parse/readNotes.js";
import { nameIndexOf, type NameIndex } from "../resolve/nameIndex.js";
import { anchorCheckedAgain, resolveNoteLinks } from "../resolve/resolveLinks.js";
import type { ParsedNote, ScanResult, VaultFile, VaultPath } from "../types.js";
import { DamagedState, detailsOver, type CheckState, type DetailsStore } from "./checkState.js";
import { findingsSourceOf, noteDetails, noteFacts, type NoteDetails, type NoteFacts } from "./noteFacts.js";

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
 * attachment added, removed or renamed changes what names mean), too many or a big one changed, or a needed
 * part of the state is damaged: a full check does those. The findings are those a full check
 * would make: links into a changed note have their anchors checked again, and suggestions are
 * searched again when a note's names changed.
 */
export async function updateFindings(scan: ScanResult, state: CheckState): Promise<UpdatedCheck | null> {
  if (!sameFiles(scan, state)) return null;
  const stale = scan.notes.flatMap((file, i) => (differs(file, state.notes[i]) ? [i] : []));
  if (stale.length > MOST_CHANGED) return null;
  // A big note is parsed only on a worker thread, under its time budget (hostile notes): a full check does that.
  if (stale.some((i) => (scan.notes[i]?.size ?? 0) >= BIG_NOTE_BYTES)) return null;
  try {
    return await update(scan, state, stale);
  } catch (error) {
    if (error instanceof DamagedState) return null;
    throw error;
  }
}

async function update(scan: ScanResult, state: CheckState, stale: readonly number[]): Promise<UpdatedCheck> {
  const notes = [...state.notes];
  const fresh = new Map<number, { parsed: ParsedNote; hash: string | null }>();
  const details = new Map<number, NoteDetails>();
  for (const place of stale) {
    const file = scan.notes[place] as VaultFile;
    const { hash, parsed } = await readAndHash(file, {}, state.details.get(place).hash);
    if (parsed === null) {
      notes[place] = { ...(notes[place] as NoteFacts), size: file.size, mtimeMs: file.mtimeMs };
    } else {
      fresh.set(place, { parsed, hash });
      details.set(place, noteDetails(parsed.note, hash));
    }
  }
  const store = detailsOver(state.details, details);
  const paths = [...state.notePaths, ...state.attachments];
  if (fresh.size > 0) {
    const placeOf = new Map(paths.map((path, place) => [path, place] as const));
    const index = nameIndexOf(state.notePaths, state.attachments, (path) => anchorsAt(placeOf.get(path), state.notePaths, store));
    for (const [place, { parsed, hash }] of fresh) {
      notes[place] = noteFacts(scan.notes[place] as VaultFile, hash, parsed.note, resolveNoteLinks(parsed.note, index), parsed.problems, placeOf);
    }
    recheckAnchorsInto(new Set([...fresh.keys()].map((place) => state.notePaths[place] as VaultPath)), notes, index);
  }
  const namesKept = [...fresh.keys()].every((place) => sameNames(state.details.get(place), store.get(place)));
  const known = namesKept ? state.suggestions : new Map<string, VaultPath | null>();
  const suggestionsFor = keptSuggestions(() => state.notePaths.map((path, place) => ({ path, ...store.get(place) })), known);
  const findings = checkFindings(findingsSourceOf(notes, paths, scan.attachments.length, scan.problems, suggestionsFor));
  const suggestions = suggestionsOf(findings.dangling);
  return { findings, state: { ...state, suggestions, notes, details: store }, changed: stale.length > 0 };
}

function sameFiles(scan: ScanResult, state: CheckState): boolean {
  return (
    scan.notes.length === state.notePaths.length &&
    scan.attachments.length === state.attachments.length &&
    scan.notes.every((file, i) => file.path === state.notePaths[i]) &&
    scan.attachments.every((file, i) => file.path === state.attachments[i])
  );
}

function differs(file: VaultFile, facts: NoteFacts | undefined): boolean {
  return facts === undefined || file.size !== facts.size || file.mtimeMs !== facts.mtimeMs;
}

function anchorsAt(place: number | undefined, notePaths: readonly VaultPath[], store: DetailsStore) {
  const path = place === undefined ? undefined : notePaths[place];
  return path === undefined || place === undefined ? undefined : { path, ...store.get(place) };
}

/** Links from unchanged notes into changed ones: their anchors are checked again. */
function recheckAnchorsInto(changed: ReadonlySet<VaultPath>, notes: NoteFacts[], index: NameIndex): void {
  for (const [place, facts] of notes.entries()) {
    if (changed.has(facts.path) || !facts.notable.some((link) => link.resolved !== null && changed.has(link.resolved))) continue;
    const notable = facts.notable.map((link) => anchorCheckedAgain(link, changed, index));
    if (notable.some((link, i) => link !== facts.notable[i])) notes[place] = { ...facts, notable };
  }
}
