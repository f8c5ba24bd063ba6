import { checkFindings, type CheckFindings } from "../analyze/checkReport.js";
import { keptSuggestions, looseNamesOf, nearMissNamesOf, sameNames, suggestionsAfter, suggestionsOf } from "../analyze/nearMiss.js";
import { BIG_NOTE_BYTES } from "../parse/parsePool.js";
import { readAndHash } from "../parse/readNotes.js";
import { fileKeysOf, nameIndexOf, type NameIndex } from "../resolve/nameIndex.js";
import { sameAnchors } from "../resolve/anchors.js";
import { anchorCheckedAgain, resolveNoteLinks } from "../resolve/resolveLinks.js";
import type { ParsedNote, ScanResult, VaultFile, VaultPath } from "../types.js";
import type { CheckState } from "./checkState.js";
import { fileChanges, linksByChangedName, type FileChanges } from "./fileChanges.js";
import { findingsSourceOf, noteDetails, noteFacts, type NoteDetails, type NoteFacts } from "./noteFacts.js";
import { DamagedState, detailsMoved, detailsOver, lineGiven, type DetailsStore } from "./stateStores.js";

/** Over this many changed notes, a full check (on worker threads, with the parse cache) is as quick. */
export const MOST_CHANGED = 200;

export interface UpdatedCheck {
  findings: CheckFindings;
  state: CheckState;
}

/**
 * The findings after the notes that changed since `state` was kept, reading only those (size and
 * time first, then the content hash). Files added or removed are handled too: besides the new
 * notes, the notes whose links go by a name that came or went are parsed again, as what their
 * links resolve to may have changed. Null when too many or a big note must be read, or a needed
 * part of the state is damaged: a full check does those. The findings are those a full check
 * would make: links into a changed note have their anchors checked again, and suggestions are
 * searched again where a note that came, went or changed its names can change them.
 */
export async function updateFindings(scan: ScanResult, state: CheckState, codeCache: string | null = null): Promise<UpdatedCheck | null> {
  const changes = fileChanges(scan, state);
  try {
    const byChangedName = changes.moved ? linksByChangedName(changes, state.keys.get()) : () => false;
    // Each note to read, and whether its kept hash may spare parsing it (not when it is new, or its links by name may resolve otherwise).
    const reread = new Map<number, boolean>();
    for (const [place, file] of scan.notes.entries()) {
      const old = changes.oldPlace[place] ?? -1;
      const facts = state.notes[old];
      if (facts === undefined || byChangedName(facts, old)) reread.set(place, false);
      else if (differs(file, facts)) reread.set(place, true);
    }
    if (reread.size > MOST_CHANGED) return null;
    // A big note is parsed only on a worker thread, under its time budget (hostile notes): a full check does that.
    if ([...reread.keys()].some((place) => (scan.notes[place]?.size ?? 0) >= BIG_NOTE_BYTES)) return null;
    return await update(scan, state, changes, reread, codeCache);
  } catch (error) {
    if (error instanceof DamagedState) return null;
    throw error;
  }
}

async function update(scan: ScanResult, state: CheckState, changes: FileChanges, reread: ReadonlyMap<number, boolean>, codeCache: string | null): Promise<UpdatedCheck> {
  const notes = keptFacts(scan, state, changes);
  const base = changes.moved ? detailsMoved(state.details, changes.oldPlace) : state.details;
  const fresh = new Map<number, { parsed: ParsedNote; hash: string | null }>();
  const details = new Map<number, NoteDetails>();
  for (const [place, hashMaySpare] of reread) {
    const file = scan.notes[place] as VaultFile;
    const { hash, parsed } = await readAndHash(file, {}, hashMaySpare ? base.get(place).hash : null, codeCache);
    if (parsed === null) {
      notes[place] = { ...(notes[place] as NoteFacts), size: file.size, mtimeMs: file.mtimeMs };
    } else {
      fresh.set(place, { parsed, hash });
      details.set(place, noteDetails(parsed.note, hash));
    }
  }
  const store = detailsOver(base, details);
  const notePaths = scan.notes.map((file) => file.path);
  const attachments = scan.attachments.map((file) => file.path);
  const placeOf = new Map(changes.paths.map((path, place) => [path, place] as const));
  if (fresh.size > 0) {
    const index = nameIndexOf(notePaths, attachments, (path) => anchorsAt(placeOf.get(path), notePaths, store));
    for (const [place, { parsed, hash }] of fresh) {
      notes[place] = noteFacts(scan.notes[place] as VaultFile, hash, parsed.note, resolveNoteLinks(parsed.note, index), parsed.problems, placeOf);
    }
    // Anchors into a note read again can only check otherwise if it is new or its headings or block ids changed.
    const reanchored = [...fresh.keys()].filter((place) => changes.oldPlace[place] === -1 || !sameAnchors(base.get(place), store.get(place)));
    if (reanchored.length > 0) recheckAnchorsInto(new Set(reanchored.map((place) => notePaths[place] as VaultPath)), notes, index, placeOf);
  }
  // Notes new or with other names, and notes gone: only suggestions they may change are searched again.
  const renamed = [...fresh.keys()].filter((place) => changes.oldPlace[place] === -1 || !sameNames(base.get(place), store.get(place))).map((place) => ({ path: notePaths[place] as VaultPath, ...store.get(place) }));
  const gone = state.notePaths.filter((_path, old) => changes.newPlace[old] === -1);
  const namesOf = (path: VaultPath) => ({ path, ...store.get(placeOf.get(path) ?? -1) });
  const known = suggestionsAfter(state.suggestions, new Set([...gone, ...renamed.map((note) => note.path)]), renamed, namesOf);
  // The notes' names for a search, from the kept names line: no note's details are decoded for it.
  let looseNames: (readonly string[])[] | undefined;
  const namesNow = () => (looseNames ??= notePaths.map((path, place) => (fresh.has(place) ? looseNamesOf({ path, ...store.get(place) }) : (state.names.get()[changes.oldPlace[place] ?? -1] ?? damagedNames()))));
  const suggestionsFor = keptSuggestions(() => nearMissNamesOf(notePaths, namesNow()), known);
  const findings = checkFindings(findingsSourceOf(notes, changes.paths, attachments.length, scan.problems, suggestionsFor));
  const suggestions = suggestionsOf(findings.dangling);
  const names = !changes.moved && renamed.length === 0 ? state.names : lineGiven(namesNow());
  const keys = changes.moved ? lineGiven(fileKeysOf(notePaths, attachments)) : state.keys;
  // Facts at the same places are written back as read where they are the same objects; moved ones are renumbered, so made again.
  const storedFacts = changes.moved ? undefined : state.storedFacts;
  return { findings, state: { notePaths, attachments, suggestions, notes, names, keys, details: store, ...(storedFacts ? { storedFacts } : {}) } };
}

/**
 * The kept facts of the notes still there, at their new places, what they link to renumbered (a
 * note that linked to a file now gone is read again, so none points at one). New notes get
 * placeholder facts that their reading replaces.
 */
function keptFacts(scan: ScanResult, state: CheckState, changes: FileChanges): NoteFacts[] {
  if (!changes.moved) return [...state.notes];
  return scan.notes.map((file, place): NoteFacts => {
    const facts = state.notes[changes.oldPlace[place] ?? -1];
    if (facts === undefined) return { path: file.path, size: -1, mtimeMs: file.mtimeMs, links: 0, linksOut: false, linksTo: [], notable: [], problems: [] };
    return { ...facts, linksTo: facts.linksTo.map((to) => changes.newPlace[to] ?? -1).filter((to) => to !== -1) };
  });
}

function differs(file: VaultFile, facts: NoteFacts | undefined): boolean {
  return facts === undefined || file.size !== facts.size || file.mtimeMs !== facts.mtimeMs;
}

function anchorsAt(place: number | undefined, notePaths: readonly VaultPath[], store: DetailsStore) {
  const path = place === undefined ? undefined : notePaths[place];
  return path === undefined || place === undefined ? undefined : { path, ...store.get(place) };
}

/** Links from unchanged notes into changed ones: their anchors are checked again. */
function recheckAnchorsInto(changed: ReadonlySet<VaultPath>, notes: NoteFacts[], index: NameIndex, placeOf: ReadonlyMap<VaultPath, number>): void {
  // A link into another note is among what its note links to: only those notes can hold one.
  const places = new Set([...changed].map((path) => placeOf.get(path)));
  for (let place = 0; place < notes.length; place++) {
    const facts = notes[place] as NoteFacts;
    if (changed.has(facts.path) || !linksToAny(facts.linksTo, places)) continue;
    const notable = facts.notable.map((link) => anchorCheckedAgain(link, changed, index));
    if (notable.some((link, i) => link !== facts.notable[i])) notes[place] = { ...facts, notable };
  }
}

/** A plain loop: this runs for every note of a short-lived process, where a callback per note cost 30 ms at 10,000. */
function linksToAny(linksTo: readonly number[], places: ReadonlySet<number | undefined>): boolean {
  for (let i = 0; i < linksTo.length; i++) if (places.has(linksTo[i])) return true;
  return false;
}

function damagedNames(): never {
  throw new DamagedState("a note's kept names are missing");
}
