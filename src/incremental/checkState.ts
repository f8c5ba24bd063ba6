import { readFileSync } from "node:fs";
import { cacheFileFor, parseJson, sameHeader, writeAtomically, type CacheHeader } from "../cacheFiles.js";
import type { CheckFindings } from "../analyze/checkReport.js";
import { suggestionsOf } from "../analyze/nearMiss.js";
import type { Problem, ScanResult, VaultPath } from "../types.js";
import type { NoteDetails, NoteFacts } from "./noteFacts.js";
import { countsKeptWith, type Spellings } from "./patchFindings.js";
import { placeIndexOf, type PlaceIndex } from "./placeIndex.js";
import { placesAt } from "./placeLists.js";
import { factsLine, factsOfLine, fileLinksLine, fileLinksOf, fileLinksOfLine, type FileLinks } from "./stateLines.js";
import { damaged, detailsOver, storedDetails, storedKeys, storedNames, type DetailsStore, type KeysStore, type NamesStore } from "./stateStores.js";

/** Bump when the state changes shape: a state of another format is never trusted. */
const FORMAT = 9;

/** What `check` keeps between runs of a vault, beside its parse cache. */
export interface CheckState {
  /** In scan order. */
  notePaths: VaultPath[];
  attachments: VaultPath[];
  /** Near-miss suggestions by loose target name; good while no note's path, title or aliases change. */
  suggestions: Map<string, VaultPath | null>;
  /** Each note's facts, in scan order. */
  notes: NoteFacts[];
  /** Each note's names as near-miss suggestions search them (`looseNamesOf`), in scan order. */
  names: NamesStore;
  /** The keys links find each file by. */
  keys: KeysStore;
  details: DetailsStore;
}

/** What a run found, kept so that the next run over the very same files gives it without reading the rest of the state. */
export interface LastFindings {
  findings: CheckFindings;
  /** The scan's own problems (an unreadable folder, Obsidian's config): findings that come from no note. */
  scanProblems: Problem[];
}

/**
 * The file: a header line (CacheHeader, every path, each note's size and time, the scan's
 * problems, the suggestions, and each missing topic's spellings); the last findings, read when
 * no file changed or a few notes were edited or came or went; one line of facts per note, written
 * back as read when they did not change; one line of the links between files by place (what each
 * note links to, and which notes link into each with an anchor), read when the findings are patched; one
 * line with every note's names in loose form, read only to search near misses; one with the keys
 * links find every file by, read only to resolve a few notes' links; then one line of details per
 * note, decoded only for the notes a run needs and written back as it was read when the note did
 * not change. Facts are arrays that name files by path, never by place, so that a kept line stays
 * true when files come or go and other notes' places shift; the links line is renumbered then.
 * Places are a note's in scan order, an attachment's after every note.
 */
interface StateHeader extends CacheHeader {
  notes: VaultPath[];
  attachments: VaultPath[];
  /** Each note's size and modification time, in turn: `[size0, mtime0, size1, mtime1, ...]`. */
  files: number[];
  scanProblems: Problem[];
  suggestions: [string, VaultPath | null][];
  /** For each missing topic of the last findings, in their order, how many of its links use each spelling. */
  spellings: Spellings;
}

/** The state file of a vault: `<key>.check.json` in the cache folder. */
export async function checkStateFile(vault: string, folder: string, version: string): Promise<{ file: string; header: CacheHeader }> {
  const { root, file } = await cacheFileFor(vault, folder, ".check.json");
  return { file, header: { tool: "notegraph", format: FORMAT, version, root } };
}

/** A state file, read once and its header parsed: the last findings, or the last run to patch them, are decoded from it on demand. */
export interface StoredCheckState {
  /**
   * The findings the last run kept, when `scan` found the very files it did (the same paths, and
   * each note of the same size and time) and the same scan problems: then nothing else is
   * decoded. Null otherwise.
   */
  findingsIfUnchanged(scan: ScanResult): CheckFindings | null;
  /** What the last run kept, without decoding every note's facts; null when it cannot be trusted. */
  lastRun(): LastRun | null;
}

/**
 * The last run's findings and what patching them needs when a few notes were edited or came or
 * went: every note's facts and details stay in the file's bytes until asked for.
 */
export interface LastRun {
  notePaths: VaultPath[];
  attachments: VaultPath[];
  /** Each note's size and modification time, in turn. */
  files: number[];
  scanProblems: Problem[];
  suggestions: Map<string, VaultPath | null>;
  spellings: Spellings;
  /** By place: for each note, the files it links to and the notes with an anchored link into it. */
  links: FileLinks;
  findings: CheckFindings;
  /** A note's facts, decoded from its line; throws DamagedState when the line cannot be read. */
  facts(place: number): NoteFacts;
  /** The facts lines of notes `from` to `to - 1` as the file holds them, newlines included. */
  factsSection(from: number, to: number): Iterable<Uint8Array>;
  /** Each path's place: its notes' in scan order, then its attachments'. Made once, on first use. */
  placeOf(): PlaceIndex;
  names: NamesStore;
  keys: KeysStore;
  details: DetailsStore;
}

/** A last run with some notes' facts and details made again, and the findings patched: the rest is written back as read. */
export interface StatePatch {
  files: number[];
  scanProblems: Problem[];
  links: FileLinks;
  spellings: Spellings;
  findings: CheckFindings;
  facts: ReadonlyMap<number, NoteFacts>;
  details: ReadonlyMap<number, NoteDetails>;
  /** Every note's names, when an edited note's changed. */
  names: NamesStore;
}

/** The state file, or null when there is none or its header cannot be trusted (another version or vault, damage). */
export async function openCheckState(file: string, expected: CacheHeader): Promise<StoredCheckState | null> {
  let bytes: Buffer;
  try {
    // At once: read through promises, 5 MB came in 512 KB pieces joined by a copy, each awaited.
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const headerEnd = bytes.indexOf(10);
  const header = headerEnd === -1 ? undefined : parseJson(bytes.toString("utf8", 0, headerEnd));
  if (!sameHeader(header, expected) || !wellFormedHeader(header)) return null;
  let ends: number[] | undefined;
  const lines = () => stateLinesOf(bytes, header, (ends ??= newlinesOf(bytes)));
  return {
    findingsIfUnchanged(scan) {
      const findingsEnd = bytes.indexOf(10, headerEnd + 1);
      if (findingsEnd === -1 || !sameFilesAs(header, scan)) return null;
      const findings = parseJson(bytes.toString("utf8", headerEnd + 1, findingsEnd));
      return wellFormedFindings(findings) ? findings : null;
    },
    lastRun: () => lastRunOf(bytes, header, lines()),
  };
}

function newlinesOf(bytes: Buffer): number[] {
  // The typed array's own indexOf: Buffer's goes through Node's binding, 20,000 calls took 17-22 ms against 13.
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const ends: number[] = [];
  for (let end = view.indexOf(10); end !== -1; end = view.indexOf(10, end + 1)) ends.push(end);
  return ends;
}

/** Where each line of a state file is, and the lines a last run reads at once. */
interface StateLines {
  /** The text of a line, newline left out. */
  text(line: number): string;
  /** Where a line starts. */
  start(line: number): number;
  links: FileLinks;
  names: NamesStore;
  keys: KeysStore;
  details: DetailsStore;
}

/**
 * Line 0 is the header, line 1 the findings, line 2 + i note i's facts, then the links line, the
 * names and keys lines, and a details line per note. Null when the lines or the links do not fit
 * the header.
 */
function stateLinesOf(bytes: Buffer, header: StateHeader, ends: readonly number[]): StateLines | null {
  const notes = header.notes.length;
  if (ends.length !== 2 * notes + 5 || header.files.length !== 2 * notes) return null;
  const start = (line: number) => (ends[line - 1] ?? 0) + 1;
  const text = (line: number) => bytes.toString("utf8", start(line), ends[line]);
  const links = fileLinksOfLine(bytes.subarray(start(notes + 2), start(notes + 3)), notes, notes + header.attachments.length);
  if (links === null) return null;
  return {
    text, start, links,
    names: storedNames(bytes, start(notes + 3), start(notes + 4), notes),
    keys: storedKeys(bytes, start(notes + 4), start(notes + 5), header),
    details: storedDetails(bytes, ends.slice(notes + 4)),
  };
}

function lastRunOf(bytes: Buffer, header: StateHeader, lines: StateLines | null): LastRun | null {
  if (lines === null) return null;
  const findings = parseJson(lines.text(1));
  if (!wellFormedFindings(findings) || header.spellings.length !== findings.dangling.length) return null;
  const { links, start } = lines;
  let places: PlaceIndex | undefined;
  const placeOf = () => (places ??= placeIndexOf(header.notes, header.attachments));
  return {
    notePaths: header.notes,
    attachments: header.attachments,
    files: header.files,
    scanProblems: header.scanProblems,
    suggestions: new Map(header.suggestions),
    spellings: header.spellings,
    links,
    findings,
    facts(place) {
      const path = header.notes[place];
      if (path === undefined) return damaged(place);
      return factsOfLine(lines.text(place + 2), path, placesAt(links.linksTo, place), placeOf()) ?? damaged(place);
    },
    factsSection: (from, to) => (to > from ? [bytes.subarray(start(from + 2), start(to + 2))] : []),
    placeOf,
    names: lines.names,
    keys: lines.keys,
    details: lines.details,
  };
}

function sameFilesAs(header: StateHeader, scan: ScanResult): boolean {
  const { notes, attachments, files } = header;
  if (notes.length !== scan.notes.length || attachments.length !== scan.attachments.length || files.length !== 2 * notes.length) return false;
  for (const [place, file] of scan.notes.entries()) {
    if (file.path !== notes[place] || file.size !== files[2 * place] || file.mtimeMs !== files[2 * place + 1]) return false;
  }
  return scan.attachments.every((file, place) => file.path === attachments[place]) && JSON.stringify(scan.problems) === JSON.stringify(header.scanProblems);
}

function wellFormedFindings(value: unknown): value is CheckFindings {
  const findings = value as Partial<CheckFindings> | null;
  const lists = [findings?.dangling, findings?.wanted, findings?.brokenAnchors, findings?.ambiguous, findings?.orphans, findings?.deadEnds, findings?.problems];
  return typeof findings?.stats === "object" && findings.stats !== null && lists.every(Array.isArray);
}

/** Writes the state, and the findings made with it, atomically; a failure only costs speed next time. */
export async function writeCheckState(file: string, header: CacheHeader, state: CheckState, last: LastFindings): Promise<void> {
  const full: StateHeader = {
    ...header,
    notes: state.notePaths,
    attachments: state.attachments,
    files: state.notes.flatMap((facts) => [facts.size, facts.mtimeMs]),
    scanProblems: last.scanProblems,
    suggestions: [...state.suggestions],
    spellings: countsKeptWith(state.notes, last.findings).spellings,
  };
  const links = fileLinksOf(state.notes, placesOf(full));
  const facts = state.notes.map(factsLine);
  await writeAtomically(file, stateLines(full, last.findings, facts, links, [state.names, state.keys], state.details));
}

/** Writes a last run with a patch over it, atomically: unchanged lines are copied as they were read. */
export async function writePatchedState(file: string, header: CacheHeader, run: LastRun, patch: StatePatch): Promise<void> {
  const { files, spellings, findings } = patch;
  const full: StateHeader = { ...header, notes: run.notePaths, attachments: run.attachments, files, scanProblems: patch.scanProblems, suggestions: [...suggestionsOf(findings.dangling)], spellings };
  await writeAtomically(file, stateLines(full, findings, patchedFactsLines(run, patch.facts), patch.links, [patch.names, run.keys], detailsOver(run.details, patch.details)));
}

function* stateLines(header: StateHeader, findings: CheckFindings, facts: Iterable<string | Uint8Array>, links: FileLinks, [names, keys]: [NamesStore, KeysStore], details: DetailsStore): Generator<string | Uint8Array> {
  yield `${JSON.stringify(header)}\n`;
  yield `${JSON.stringify(findings)}\n`;
  yield* facts;
  yield fileLinksLine(links);
  yield names.line();
  yield keys.line();
  yield* details.section(0, header.notes.length);
}

function* patchedFactsLines(run: LastRun, facts: ReadonlyMap<number, NoteFacts>): Generator<string | Uint8Array> {
  let next = 0;
  for (const place of [...facts.keys()].sort((a, b) => a - b)) {
    yield* run.factsSection(next, place);
    yield factsLine(facts.get(place) as NoteFacts);
    next = place + 1;
  }
  yield* run.factsSection(next, run.notePaths.length);
}

function placesOf(header: Pick<StateHeader, "notes" | "attachments">): Map<VaultPath, number> {
  return new Map([...header.notes, ...header.attachments].map((path, at) => [path, at] as const));
}

function wellFormedHeader(value: unknown): value is StateHeader {
  const header = value as Partial<StateHeader>;
  const lists = [header.notes, header.attachments, header.files, header.scanProblems, header.suggestions, header.spellings];
  return lists.every(Array.isArray) && (header.spellings ?? []).every(Array.isArray);
}
