import { changedNameTest } from "../resolve/changedNames.js";
import { fileKeysOf, type FileKeys } from "../resolve/nameIndex.js";
import type { LookupKey, VaultPath } from "../types.js";
import type { LastRun } from "./checkState.js";
import type { FileChanges } from "./fileChanges.js";
import { placeIndexOf, type PlaceIndex } from "./placeIndex.js";
import { notesReaching, placeListsMoved } from "./placeLists.js";
import { withoutLinks, type NoteFacts } from "./noteFacts.js";
import type { EditedNote } from "./patchFindings.js";
import { damaged, DamagedState, detailsMoved, lineGiven, lineMadeBy, sectionsMoved } from "./stateStores.js";

/** A last run seen with the files a scan found, when some came or went. */
export interface MovedRun {
  /** The last run with every place the scan's: a new note has no facts or details (its reading gives them) and no names yet. */
  run: LastRun;
  /** The notes gone, as edited notes: their facts before (what they linked to by the places now), none after. */
  removed: EditedNote[];
  /** The notes kept, by their places now, whose links may find another file: they are read again. */
  byChangedName: number[];
}

/**
 * The last run renumbered to the places of the files now (`changes`, made from the scan and
 * `run`). Of the state only the links between files and the keys files are found by are read at
 * once, and renumbered; kept facts and details lines are written back as read.
 */
export function runAfterMoves(run: LastRun, changes: FileChanges, notes: number): MovedRun {
  const { paths, oldPlace, newPlace } = changes;
  const was = (place: number) => oldPlace[place] ?? -1;
  const renumber = (places: readonly number[]) => renumbered(places, newPlace);
  const keptBy = <T>(place: number, kept: (old: number) => T, added: T) => (was(place) === -1 ? added : kept(was(place)));
  const factsNow = (facts: NoteFacts): NoteFacts => ({ ...facts, linksTo: renumber(facts.linksTo) });
  const notePaths = paths.slice(0, notes);
  const attachments = paths.slice(notes);
  const placeOf = placeIndexOf(notePaths, attachments);
  const keys = keysMoved(run.keys.get(), changes, notes);
  const moved: LastRun = {
    ...run,
    notePaths,
    attachments,
    files: timesRenumbered(run.files, oldPlace, notes),
    links: {
      linksTo: placeListsMoved(run.links.linksTo, oldPlace, newPlace, notes),
      anchoredFrom: notePaths.map((_path, place) => keptBy(place, (old) => renumber(run.links.anchoredFrom[old] ?? []), [])),
    },
    facts: (place) => (was(place) === -1 ? damaged(place) : factsNow(run.facts(was(place)))),
    factsSection: (from, to) => sectionsMoved(oldPlace, from, to, (first, last) => run.factsSection(first, last)),
    placeOf: () => placeOf,
    names: lineMadeBy(() => notePaths.map((_path, place) => keptBy(place, (old) => run.names.get()[old] ?? damagedNames(), []))),
    keys: lineGiven(keys),
    details: detailsMoved(run.details, oldPlace),
  };
  const removed = run.notePaths.flatMap((path, old): EditedNote[] => (newPlace[old] === -1 ? [{ place: -1, before: factsNow(run.facts(old)), after: withoutLinks(path) }] : []));
  return { run: moved, removed, byChangedName: renumber(linksByChangedName(run, changes, keys, placeOf)) };
}

/**
 * The keys every file is found by, at the places now: the kept ones copied from the last run's,
 * only the new files' made (making every file's took 10 to 12 ms of a check's cold code at
 * 10,000 notes, reading the kept ones about 3).
 */
function keysMoved(keys: FileKeys, changes: FileChanges, notes: number): FileKeys {
  const { paths, oldPlace } = changes;
  const isNew = (place: number) => oldPlace[place] === -1;
  const added = fileKeysOf(paths.filter((_path, place) => place < notes && isNew(place)), paths.filter((_path, place) => place >= notes && isNew(place)));
  // One kind of key for the places from `first` to `end`: the kept one (`kept` numbers its files from `at`), or the next new one.
  const column = (kept: readonly LookupKey[], fresh: readonly LookupKey[], first: number, end: number, at: number): LookupKey[] => {
    const keysNow: LookupKey[] = [];
    let next = 0;
    for (let place = first; place < end; place++) keysNow.push((isNew(place) ? fresh[next++] : kept[(oldPlace[place] as number) - at]) as LookupKey);
    return keysNow;
  };
  const oldNotes = keys.noteNames.length;
  return {
    noteNames: column(keys.noteNames, added.noteNames, 0, notes, 0),
    notePaths: column(keys.notePaths, added.notePaths, 0, notes, 0),
    attachmentNames: column(keys.attachmentNames, added.attachmentNames, notes, paths.length, oldNotes),
    attachmentPaths: column(keys.attachmentPaths, added.attachmentPaths, notes, paths.length, oldNotes),
  };
}

/** Each note's size and time by the places now; a new note's size is -1, which no file has. */
function timesRenumbered(files: readonly number[], oldPlace: Int32Array, notes: number): number[] {
  const now = new Array<number>(2 * notes);
  for (let place = 0; place < notes; place++) {
    const old = oldPlace[place] ?? -1;
    now[2 * place] = old === -1 ? -1 : (files[2 * old] ?? -1);
    now[2 * place + 1] = old === -1 ? 0 : (files[2 * old + 1] ?? 0);
  }
  return now;
}

/** `places` by their places now, those of files gone left out; a plain loop, as every note's links are renumbered. */
function renumbered(places: readonly number[], newPlace: Int32Array): number[] {
  const now: number[] = [];
  for (let i = 0; i < places.length; i++) {
    const place = newPlace[places[i] as number] ?? -1;
    if (place !== -1) now.push(place);
  }
  return now;
}

/**
 * The last run's notes whose links may find another file now that files named `changes.keys`
 * came or went (by the last run's places): those with such a name (a link to itself goes by it),
 * those linking to a file with such a name (a link that found files, even more than one, found
 * one by its name), and those with a link by such a name that found nothing. Read from the links
 * line and the missing topics, no note's facts; `keys` are those of the files now.
 */
function linksByChangedName(run: LastRun, changes: FileChanges, keys: FileKeys, placeOf: PlaceIndex): number[] {
  // The files of such a name: every file gone, and those kept with it.
  const named = new Uint8Array(changes.oldPaths.length);
  changes.newPlace.forEach((place, old) => place === -1 && (named[old] = 1));
  const nameKeys = [...keys.noteNames, ...keys.attachmentNames];
  nameKeys.forEach((key, place) => changes.keys.has(key) && (changes.oldPlace[place] ?? -1) !== -1 && (named[changes.oldPlace[place] as number] = 1));
  const sources = new Set(notesReaching(run.links.linksTo, named));
  named.forEach((mark, place) => mark === 1 && place < run.notePaths.length && sources.add(place));
  const byName = changedNameTest(changes.keys);
  // A missing topic's links by the places now: a note gone has none (its links are taken out as it is).
  const oldPlaceOf = (path: VaultPath) => changes.oldPlace[placeOf.get(path) ?? -1] ?? -1;
  run.findings.dangling.forEach((group, i) => {
    const spellings = [group.target, ...(run.spellings[i] ?? []).map(([spelling]) => spelling)];
    if (spellings.some(byName)) for (const reference of group.references) sources.add(oldPlaceOf(reference.source));
  });
  return [...sources].sort((a, b) => a - b);
}

function damagedNames(): never {
  throw new DamagedState("a note's kept names are missing");
}
