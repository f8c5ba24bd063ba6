import type { CheckFindings } from "../analyze/checkReport.js";
import { keptSuggestions, nearMissNamesOf } from "../analyze/nearMiss.js";
import { BIG_NOTE_BYTES } from "../parse/parsePool.js";
import { readAndHash } from "../parse/readNotes.js";
import { pathIndexFromKeys } from "../resolve/nameIndex.js";
import { resolveNoteLinks } from "../resolve/resolveLinks.js";
import type { ParsedNote, ScanResult, VaultFile, VaultPath } from "../types.js";
import type { LastRun, StatePatch } from "./checkState.js";
import { fileChanges } from "./fileChanges.js";
import { noteDetails, noteFacts, type NoteDetails, type NoteFacts } from "./noteFacts.js";
import { keepsOthersFindings, patchFindings, type EditedNote } from "./patchFindings.js";
import { DamagedState } from "./stateStores.js";
import { MOST_CHANGED } from "./updateFindings.js";

export interface EditedCheck {
  findings: CheckFindings;
  patch: StatePatch;
}

/**
 * The findings when the files are those of the last run and only some notes' text changed,
 * made by patching the last findings: only the edited notes are read, and no other note's facts
 * are decoded. Null when that cannot be done (a file came or went, the scan's problems changed,
 * an edited note changed its names, headings or block ids, too many or a big note changed, or a
 * part of the state is damaged): `updateFindings` or a full check does those.
 */
export async function findingsAfterEdits(scan: ScanResult, run: LastRun, codeCache: string | null = null): Promise<EditedCheck | null> {
  if (fileChanges(scan, run).moved || JSON.stringify(scan.problems) !== JSON.stringify(run.scanProblems)) return null;
  const places = scan.notes.flatMap((file, place) => (file.size === run.files[2 * place] && file.mtimeMs === run.files[2 * place + 1] ? [] : [place]));
  if (places.length > MOST_CHANGED || places.some((place) => (scan.notes[place]?.size ?? 0) >= BIG_NOTE_BYTES)) return null;
  try {
    return await patched(scan, run, places, codeCache);
  } catch (error) {
    if (error instanceof DamagedState) return null;
    throw error;
  }
}

async function patched(scan: ScanResult, run: LastRun, places: readonly number[], codeCache: string | null): Promise<EditedCheck | null> {
  const files = [...run.files];
  const facts = new Map<number, NoteFacts>();
  const details = new Map<number, NoteDetails>();
  const reread: { place: number; file: VaultFile; hash: string | null; parsed: ParsedNote }[] = [];
  for (const place of places) {
    const file = scan.notes[place] as VaultFile;
    [files[2 * place], files[2 * place + 1]] = [file.size, file.mtimeMs];
    const read = await readAndHash(file, {}, run.details.get(place).hash, codeCache);
    // The same text with another time: only the time is kept anew.
    if (read.parsed === null) facts.set(place, { ...run.facts(place), size: file.size, mtimeMs: file.mtimeMs });
    else reread.push({ place, file, hash: read.hash, parsed: read.parsed });
  }
  for (const { place, hash, parsed } of reread) {
    const now = noteDetails(parsed.note, hash);
    if (!keepsOthersFindings(run.details.get(place), now)) return null;
    details.set(place, now);
  }
  const placeOf = run.placeOf();
  const anchorsOf = (path: VaultPath) => {
    const place = placeOf.get(path);
    return place === undefined || place >= run.notePaths.length ? undefined : { path, ...(details.get(place) ?? run.details.get(place)) };
  };
  // The kept keys, looked up one by one: this note's few links do not pay for indexing every path.
  const index = { ...pathIndexFromKeys(run.notePaths, run.attachments, run.keys.get()), anchorsOf };
  const edited = reread.map(({ place, file, hash, parsed }): EditedNote => {
    const after = noteFacts(file, hash, parsed.note, resolveNoteLinks(parsed.note, index), parsed.problems, placeOf);
    facts.set(place, after);
    return { place, before: run.facts(place), after };
  });
  const suggestionsFor = keptSuggestions(() => nearMissNamesOf(run.notePaths, run.names.get()), run.suggestions);
  const { findings, linkedBy, spellings } = patchFindings(run, edited, (path) => placeOf.get(path) ?? -1, suggestionsFor);
  return { findings, patch: { files, linkedBy, spellings, findings, facts, details } };
}
