import type { CheckFindings } from "../analyze/checkReport.js";
import type { SuggestionsFor } from "../analyze/findings.js";
import { keptSuggestions, looseNamesOf, nearMissNamesOf, sameNames, suggestionsAfter, type NamedNote } from "../analyze/nearMiss.js";
import { storedParses, type StoredParses } from "../parse/diskParseCache.js";
import { BIG_NOTE_BYTES } from "../parse/parsePool.js";
import { readAndHash } from "../parse/readNotes.js";
import { sameAnchors } from "../resolve/anchors.js";
import { pathIndexFromKeys, type NameIndex } from "../resolve/nameIndex.js";
import { anchorCheckedAgain, resolveNoteLinks } from "../resolve/resolveLinks.js";
import type { ParsedNote, ScanResult, VaultFile, VaultPath } from "../types.js";
import { version } from "../version.js";
import type { LastRun, StatePatch } from "./checkState.js";
import { fileChanges, filesMoved } from "./fileChanges.js";
import { runAfterMoves } from "./movedRun.js";
import { noteDetails, noteFacts, withoutLinks, type NoteDetails, type NoteFacts } from "./noteFacts.js";
import { MOST_CHANGED, patchFindings, type EditedNote } from "./patchFindings.js";
import { fileLinksAfter, linkedByOf } from "./stateLines.js";
import { DamagedState, lineGiven, type NamesStore } from "./stateStores.js";

export interface EditedCheck {
  findings: CheckFindings;
  /** The last run renumbered to the files now, which `patch` goes over. */
  run: LastRun;
  patch: StatePatch;
}

/**
 * The findings after some notes were edited, added or removed, made by patching the last findings:
 * only the notes edited or added are read, and those whose links may find another file now that
 * files came or went (found from the kept links and findings); of the other notes' facts only
 * those with an anchored link into an edited note whose headings or block ids changed are
 * decoded. When a note came, went or changed its title or aliases, the missing topics'
 * suggestions are searched again where that can change them; the scan's own problems are
 * replaced. Null when that cannot be done (too many or a big note changed, or a part of the state
 * is damaged): a full check does those.
 */
export async function findingsAfterEdits(scan: ScanResult, last: LastRun, cacheFolder: string | null = null): Promise<EditedCheck | null> {
  try {
    const changes = filesMoved(scan, last) ? fileChanges(scan, last) : null;
    const { run, removed, byChangedName } = changes ? runAfterMoves(last, changes, scan.notes.length) : { run: last, removed: [], byChangedName: [] };
    // Each note to read, and whether its kept hash may spare parsing it (not when it is new, or its links by name may resolve otherwise).
    const reread = new Map<number, boolean>();
    scan.notes.forEach((file, place) => {
      if (file.size !== run.files[2 * place] || file.mtimeMs !== run.files[2 * place + 1]) reread.set(place, changes?.oldPlace[place] !== -1);
    });
    for (const place of byChangedName) reread.set(place, false);
    if (reread.size + removed.length > MOST_CHANGED || [...reread.keys()].some((place) => (scan.notes[place]?.size ?? 0) >= BIG_NOTE_BYTES)) return null;
    const stored = cacheFolder !== null && byChangedName.length >= Math.max(4, scan.notes.length / 1500) ? await storedParses(scan.root, version(), cacheFolder) : undefined;
    return await patched(scan, run, { reread, removed, added: (place) => changes?.oldPlace[place] === -1, stored }, cacheFolder);
  } catch (error) {
    if (error instanceof DamagedState) return null;
    throw error;
  }
}

/** The notes a patch reads again (each with whether its kept hash may spare parsing it), those removed, and which are new. */
interface NotesToPatch {
  reread: ReadonlyMap<number, boolean>;
  removed: readonly EditedNote[];
  added(place: number): boolean;
  /**
   * The parse cache, when many notes must be read again only because files by the names they
   * link by came or went: those unchanged since it was written are taken from it, not parsed.
   * Worth opening from 4 such notes, and one per 1,500 notes in the vault (reading it and finding
   * each note's line takes about 30 ms at 10,000 notes and 0.25 s at 100,000, what parsing 7 and
   * 60 notes takes).
   */
  stored: StoredParses | undefined;
}

async function patched(scan: ScanResult, run: LastRun, notes: NotesToPatch, codeCache: string | null): Promise<EditedCheck> {
  const files = [...run.files];
  const facts = new Map<number, NoteFacts>();
  const details = new Map<number, NoteDetails>();
  const reread: { place: number; file: VaultFile; hash: string | null; parsed: ParsedNote }[] = [];
  for (const [place, hashMaySpare] of notes.reread) {
    const file = scan.notes[place] as VaultFile;
    [files[2 * place], files[2 * place + 1]] = [file.size, file.mtimeMs];
    const read = (hashMaySpare ? undefined : notes.stored?.get(file)) ?? (await readAndHash(file, {}, hashMaySpare ? run.details.get(place).hash : null, codeCache));
    // The same text with another time: only the time is kept anew.
    if (read.parsed === null) facts.set(place, { ...run.facts(place), size: file.size, mtimeMs: file.mtimeMs });
    else reread.push({ place, file, hash: read.hash, parsed: read.parsed });
  }
  // Notes whose headings or block ids changed: the anchors of other notes' links into them are checked again below.
  const reanchored = new Set<VaultPath>();
  // Notes new or known by other names now: what missing topics suggest may change.
  const renamed = new Map<number, NamedNote>();
  for (const { place, hash, parsed } of reread) {
    const now = noteDetails(parsed.note, hash);
    const before = notes.added(place) ? undefined : run.details.get(place);
    if (!before || !sameNames(before, now)) renamed.set(place, { path: parsed.note.path, ...now });
    if (before && !sameAnchors(before, now)) reanchored.add(parsed.note.path);
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
    return { place, before: notes.added(place) ? withoutLinks(after.path) : run.facts(place), after };
  });
  const read = new Set(reread.map(({ place }) => place));
  edited.push(...anchorsCheckedAgain(run, reanchored, read, index, facts), ...notes.removed);
  const gone = notes.removed.map((note) => note.before.path);
  const { names, suggestionsFor } = suggestionsAfterRenames(run, renamed, gone, details);
  const place = (path: VaultPath) => placeOf.get(path) ?? -1;
  const kept = { findings: run.findings, scanProblems: run.scanProblems, spellings: run.spellings, linkedBy: linkedByOf(run.links, notes.removed) };
  const now = { notes: run.notePaths.length, attachments: run.attachments.length, scanProblems: scan.problems };
  const { findings, spellings } = patchFindings(kept, edited, place, suggestionsFor, renamed.size > 0 || gone.length > 0, now);
  return { findings, run, patch: { files, scanProblems: scan.problems, links: fileLinksAfter(run.links, edited, place), spellings, findings, facts, details, names } };
}

/**
 * Every note's names to keep, with those of the renamed and new notes as they are now, and the
 * kept suggestions, but where the renamed, new or gone notes may change them (searched then in
 * those names).
 */
function suggestionsAfterRenames(run: LastRun, renamed: ReadonlyMap<number, NamedNote>, gone: readonly VaultPath[], details: ReadonlyMap<number, NoteDetails>): { names: NamesStore; suggestionsFor: SuggestionsFor } {
  if (renamed.size === 0 && gone.length === 0) return { names: run.names, suggestionsFor: keptSuggestions(() => nearMissNamesOf(run.notePaths, run.names.get()), run.suggestions) };
  const loose = [...run.names.get()];
  for (const [place, note] of renamed) loose[place] = looseNamesOf(note);
  const placeOf = run.placeOf();
  const namesOf = (path: VaultPath): NamedNote => {
    const place = placeOf.get(path) ?? -1;
    return { path, ...(details.get(place) ?? run.details.get(place)) };
  };
  const notes = [...renamed.values()];
  const known = suggestionsAfter(run.suggestions, new Set([...gone, ...notes.map((note) => note.path)]), notes, namesOf);
  return { names: lineGiven(loose), suggestionsFor: keptSuggestions(() => nearMissNamesOf(run.notePaths, loose), known) };
}

/**
 * The notes, besides those read again, with a link whose anchor points into a note whose headings
 * or block ids changed: their facts with those anchors checked again, as edited notes when any
 * changed (`facts` takes their new facts).
 */
function anchorsCheckedAgain(run: LastRun, reanchored: ReadonlySet<VaultPath>, read: ReadonlySet<number>, index: NameIndex, facts: Map<number, NoteFacts>): EditedNote[] {
  const sources = new Set([...reanchored].flatMap((path) => run.links.anchoredFrom[run.placeOf().get(path) ?? -1] ?? []));
  const edited: EditedNote[] = [];
  for (const place of [...sources].sort((a, b) => a - b)) {
    if (read.has(place)) continue;
    // A note whose time alone changed has its new facts already.
    const base = facts.get(place) ?? run.facts(place);
    const notable = base.notable.map((link) => anchorCheckedAgain(link, reanchored, index));
    if (notable.every((link, i) => link === base.notable[i])) continue;
    const after = { ...base, notable };
    facts.set(place, after);
    edited.push({ place, before: run.facts(place), after });
  }
  return edited;
}
