import { readFile } from "node:fs/promises";
import { cacheFileFor, parseJson, sameHeader, writeAtomically, type CacheHeader } from "../cacheFiles.js";
import type { CheckFindings } from "../analyze/checkReport.js";
import type { FindingLink } from "../analyze/findings.js";
import { suggestionsOf } from "../analyze/nearMiss.js";
import type { Problem, ScanResult, VaultPath } from "../types.js";
import type { NoteDetails, NoteFacts } from "./noteFacts.js";
import { anchoredFromOf, countsKeptWith, type Spellings } from "./patchFindings.js";
import { damaged, detailsOver, storedDetails, storedKeys, storedNames, type DetailsStore, type KeysStore, type NamesStore } from "./stateStores.js";

/** Bump when the state changes shape: a state of another format is never trusted. */
const FORMAT = 8;

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
  /** The facts as the state file held them, for writing back unchanged; none after a full check. */
  storedFacts?: StoredFacts;
}

export interface StoredFacts {
  /** The line a note's facts were read from, newline included, while `facts` is the very object read from it. */
  line(place: number, facts: NoteFacts): Uint8Array | undefined;
}

/** What a run found, kept so that the next run over the very same files gives it without reading the rest of the state. */
export interface LastFindings {
  findings: CheckFindings;
  /** The scan's own problems (an unreadable folder, Obsidian's config): findings that come from no note. */
  scanProblems: Problem[];
}

/**
 * The file: a header line (CacheHeader, every path, each note's size and time, the scan's
 * problems, the suggestions, and what patching the findings needs: each note's count of notes
 * linking to it, the notes with anchored links into it, and each missing topic's spellings); the last findings, read when no file changed
 * or a few notes were edited; one line of facts per note,
 * read on every run and written back as read when they did not change; one line with every note's
 * names in loose form, read only to search near misses; one with the keys links find every file
 * by, read only to resolve a few notes' links; then one line of details per note,
 * decoded only for the notes a run needs and written back as it was read when the note did not
 * change. Facts are arrays, and
 * paths are places (a note's in scan order, an attachment's after every note): at 10,000 notes
 * the facts are about 1 MB, the details 2 MB.
 */
interface StateHeader extends CacheHeader {
  notes: VaultPath[];
  attachments: VaultPath[];
  /** Each note's size and modification time, in turn: `[size0, mtime0, size1, mtime1, ...]`. */
  files: number[];
  scanProblems: Problem[];
  suggestions: [string, VaultPath | null][];
  /** For each note, how many other notes link to it: whether it is an orphan, without reading their facts. */
  linkedBy: number[];
  /** For each missing topic of the last findings, in their order, how many of its links use each spelling. */
  spellings: Spellings;
  /** For each note, the notes with a link into it that has an anchor: checked again when its headings change. */
  anchoredFrom: number[][];
}

type FactsLine = [size: number, mtimeMs: number, links: number, linksOut: 0 | 1, linksTo: number[], notable: NotableLine[], problems: ProblemLine[]];
type NotableLine = [target: string, heading: string | null, block: string | null, line: number, column: number, raw: string, resolved: number, candidates: number[], brokenAnchor: FindingLink["brokenAnchor"]];
type ProblemLine = [message: string] | [message: string, line: number];

/** The state file of a vault: `<key>.check.json` in the cache folder. */
export async function checkStateFile(vault: string, folder: string, version: string): Promise<{ file: string; header: CacheHeader }> {
  const { root, file } = await cacheFileFor(vault, folder, ".check.json");
  return { file, header: { tool: "notegraph", format: FORMAT, version, root } };
}

/** A state file, read once and its header parsed: the last findings or the whole state are decoded from it on demand. */
export interface StoredCheckState {
  /**
   * The findings the last run kept, when `scan` found the very files it did (the same paths, and
   * each note of the same size and time) and the same scan problems: then nothing else is
   * decoded. Null otherwise.
   */
  findingsIfUnchanged(scan: ScanResult): CheckFindings | null;
  /** What the last run kept, without decoding every note's facts; null when it cannot be trusted. */
  lastRun(): LastRun | null;
  /** The whole state; null when a line of it cannot be trusted. */
  state(): CheckState | null;
}

/**
 * The last run's findings and what patching them needs when a few notes were edited: every
 * note's facts and details stay in the file's bytes until asked for.
 */
export interface LastRun {
  notePaths: VaultPath[];
  attachments: VaultPath[];
  /** Each note's size and modification time, in turn. */
  files: number[];
  scanProblems: Problem[];
  suggestions: Map<string, VaultPath | null>;
  linkedBy: number[];
  spellings: Spellings;
  anchoredFrom: number[][];
  findings: CheckFindings;
  /** A note's facts, decoded from its line; throws DamagedState when the line cannot be read. */
  facts(place: number): NoteFacts;
  /** The facts lines of notes `from` to `to - 1` as the file holds them, newlines included. */
  factsSection(from: number, to: number): Iterable<Uint8Array>;
  /** Each path's place: its notes' in scan order, then its attachments'. Made once, on first use. */
  placeOf(): ReadonlyMap<VaultPath, number>;
  names: NamesStore;
  keys: KeysStore;
  details: DetailsStore;
}

/** A last run with some notes' facts and details made again, and the findings patched: the rest is written back as read. */
export interface StatePatch {
  files: number[];
  linkedBy: number[];
  spellings: Spellings;
  anchoredFrom: number[][];
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
    bytes = await readFile(file);
  } catch {
    return null;
  }
  const headerEnd = bytes.indexOf(10);
  const header = headerEnd === -1 ? undefined : parseJson(bytes.toString("utf8", 0, headerEnd));
  if (!sameHeader(header, expected) || !wellFormedHeader(header)) return null;
  let ends: number[] | undefined;
  const lineEnds = () => (ends ??= newlinesOf(bytes));
  return {
    findingsIfUnchanged(scan) {
      const findingsEnd = bytes.indexOf(10, headerEnd + 1);
      if (findingsEnd === -1 || !sameFilesAs(header, scan)) return null;
      const findings = parseJson(bytes.toString("utf8", headerEnd + 1, findingsEnd));
      return wellFormedFindings(findings) ? findings : null;
    },
    lastRun: () => lastRunOf(bytes, header, lineEnds()),
    state: () => decodedState(bytes, header, lineEnds()),
  };
}

/** The header, the findings, the names and the keys: every other line is a note's facts or details. */
const LINES_BESIDE_NOTES = 4;

function newlinesOf(bytes: Buffer): number[] {
  const ends: number[] = [];
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, end + 1)) ends.push(end);
  return ends;
}

/** Line 0 is the header, line 1 the findings, line 2 + i note i's facts, then the names and keys lines and a details line per note. */
function lastRunOf(bytes: Buffer, header: StateHeader, ends: readonly number[]): LastRun | null {
  const count = header.notes.length;
  if (ends.length !== 2 * count + LINES_BESIDE_NOTES || header.files.length !== 2 * count || header.linkedBy.length !== count || header.anchoredFrom.length !== count) return null;
  const findings = parseJson(bytes.toString("utf8", (ends[0] ?? 0) + 1, ends[1]));
  if (!wellFormedFindings(findings) || header.spellings.length !== findings.dangling.length) return null;
  const paths = [...header.notes, ...header.attachments];
  const start = (line: number) => (ends[line - 1] ?? 0) + 1;
  let places: ReadonlyMap<VaultPath, number> | undefined;
  return {
    notePaths: header.notes,
    attachments: header.attachments,
    files: header.files,
    scanProblems: header.scanProblems,
    suggestions: new Map(header.suggestions),
    linkedBy: header.linkedBy,
    spellings: header.spellings,
    anchoredFrom: header.anchoredFrom,
    findings,
    facts(place) {
      const line = place >= 0 && place < count ? parseJson(bytes.toString("utf8", start(place + 2), ends[place + 2])) : undefined;
      return (wellFormedFacts(line) ? decodeFacts(line, place, paths) : null) ?? damaged(place);
    },
    factsSection: (from, to) => (to > from ? [bytes.subarray(start(from + 2), start(to + 2))] : []),
    placeOf: () => (places ??= placesOf(header)),
    names: storedNames(bytes, start(count + 2), start(count + 3), count),
    keys: storedKeys(bytes, start(count + 3), start(count + 4), header),
    details: storedDetails(bytes, ends.slice(count + 3)),
  };
}

/** The state, or null when there is none or it cannot be trusted (another version or vault, a damaged line). */
export async function readCheckState(file: string, expected: CacheHeader): Promise<CheckState | null> {
  return (await openCheckState(file, expected))?.state() ?? null;
}

function decodedState(bytes: Buffer, header: StateHeader, ends: readonly number[]): CheckState | null {
  if (ends.length !== 2 * header.notes.length + LINES_BESIDE_NOTES) return null;
  const count = header.notes.length;
  const paths = [...header.notes, ...header.attachments];
  // Line i + 2 holds note i's facts.
  const lineAt = (line: number) => bytes.subarray((ends[line - 1] ?? 0) + 1, (ends[line] ?? 0) + 1);
  const notes: NoteFacts[] = [];
  for (let place = 0; place < count; place++) {
    const line = parseJson(bytes.toString("utf8", (ends[place + 1] ?? 0) + 1, ends[place + 2]));
    const decoded = wellFormedFacts(line) ? decodeFacts(line, place, paths) : null;
    if (decoded === null) return null;
    notes.push(decoded);
  }
  const read = [...notes];
  const storedFacts: StoredFacts = { line: (place, facts) => (read[place] === facts ? lineAt(place + 2) : undefined) };
  const start = (line: number) => (ends[line - 1] ?? 0) + 1;
  const names = storedNames(bytes, start(count + 2), start(count + 3), count);
  const keys = storedKeys(bytes, start(count + 3), start(count + 4), header);
  return { notePaths: header.notes, attachments: header.attachments, suggestions: new Map(header.suggestions), notes, names, keys, details: storedDetails(bytes, ends.slice(count + 3)), storedFacts };
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
    ...countsKeptWith(state.notes, last.findings),
    anchoredFrom: [],
  };
  const placeOf = placesOf(full);
  full.anchoredFrom = anchoredFromOf(state.notes, (path) => placeOf.get(path) ?? -1);
  await writeAtomically(file, stateLines(full, last.findings, factsLines(full, state), [state.names, state.keys], state.details));
}

/** Writes a last run with a patch over it, atomically: unchanged lines are copied as they were read. */
export async function writePatchedState(file: string, header: CacheHeader, run: LastRun, patch: StatePatch): Promise<void> {
  const { files, linkedBy, spellings, anchoredFrom, findings } = patch;
  const full: StateHeader = { ...header, notes: run.notePaths, attachments: run.attachments, files, scanProblems: run.scanProblems, suggestions: [...suggestionsOf(findings.dangling)], linkedBy, spellings, anchoredFrom };
  await writeAtomically(file, stateLines(full, findings, patchedFactsLines(run, patch.facts), [patch.names, run.keys], detailsOver(run.details, patch.details)));
}

function* stateLines(header: StateHeader, findings: CheckFindings, facts: Iterable<string | Uint8Array>, [names, keys]: [NamesStore, KeysStore], details: DetailsStore): Generator<string | Uint8Array> {
  yield `${JSON.stringify(header)}\n`;
  yield `${JSON.stringify(findings)}\n`;
  yield* facts;
  yield names.line();
  yield keys.line();
  yield* details.section(0, header.notes.length);
}

function* factsLines(header: StateHeader, state: CheckState): Generator<string | Uint8Array> {
  let placeOf: Map<VaultPath, number> | undefined;
  for (const [place, facts] of state.notes.entries()) {
    const stored = state.storedFacts?.line(place, facts);
    yield stored ?? factsLine(facts, (placeOf ??= placesOf(header)));
  }
}

function* patchedFactsLines(run: LastRun, facts: ReadonlyMap<number, NoteFacts>): Generator<string | Uint8Array> {
  let next = 0;
  for (const place of [...facts.keys()].sort((a, b) => a - b)) {
    yield* run.factsSection(next, place);
    yield factsLine(facts.get(place) as NoteFacts, run.placeOf());
    next = place + 1;
  }
  yield* run.factsSection(next, run.notePaths.length);
}

function factsLine(facts: NoteFacts, placeOf: ReadonlyMap<VaultPath, number>): string {
  return `${JSON.stringify(encodeFacts(facts, placeOf))}\n`;
}

function placesOf(header: Pick<StateHeader, "notes" | "attachments">): Map<VaultPath, number> {
  return new Map([...header.notes, ...header.attachments].map((path, at) => [path, at] as const));
}

function encodeFacts(f: NoteFacts, placeOf: ReadonlyMap<VaultPath, number>): FactsLine {
  const place = (path: VaultPath | null) => (path === null ? -1 : (placeOf.get(path) ?? -1));
  const notable = f.notable.map((l): NotableLine => [l.target, l.heading, l.block, l.line, l.column, l.raw, place(l.resolved), l.candidates.map(place), l.brokenAnchor]);
  const problems = f.problems.map((p): ProblemLine => (p.line === undefined ? [p.message] : [p.message, p.line]));
  return [f.size, f.mtimeMs, f.links, f.linksOut ? 1 : 0, f.linksTo, notable, problems];
}

/** The facts a line holds; null when a place points at no path. */
function decodeFacts([size, mtimeMs, links, linksOut, linksTo, notable, problems]: FactsLine, place: number, paths: readonly VaultPath[]): NoteFacts | null {
  const path = paths[place] as VaultPath;
  let lost = linksTo.some((to) => paths[to] === undefined);
  const pathAt = (at: number): VaultPath => {
    const found = paths[at];
    if (found === undefined) lost = true;
    return found as VaultPath;
  };
  const facts: NoteFacts = {
    path, size, mtimeMs, links, linksTo,
    linksOut: linksOut === 1,
    notable: notable.map(([target, heading, block, line, column, raw, resolved, candidates, brokenAnchor]) => ({
      source: path, target, heading, block, line, column, raw,
      resolved: resolved === -1 ? null : pathAt(resolved),
      candidates: candidates.map(pathAt),
      brokenAnchor,
    })),
    problems: problems.map(([message, line]): Problem => (line === undefined ? { path, message } : { path, message, line })),
  };
  return lost ? null : facts;
}

function wellFormedHeader(value: unknown): value is StateHeader {
  const header = value as Partial<StateHeader>;
  const lists = [header.notes, header.attachments, header.files, header.scanProblems, header.suggestions, header.linkedBy, header.spellings, header.anchoredFrom];
  return lists.every(Array.isArray) && [...(header.spellings ?? []), ...(header.anchoredFrom ?? [])].every(Array.isArray);
}

/** Enough shape checking that a damaged state is never handed to the findings. */
function wellFormedFacts(value: unknown): value is FactsLine {
  if (!Array.isArray(value) || value.length !== 7) return false;
  const [size, mtimeMs, links, linksOut, linksTo, notable, problems] = value as unknown[];
  return (
    typeof size === "number" && typeof mtimeMs === "number" && typeof links === "number" && (linksOut === 0 || linksOut === 1) &&
    Array.isArray(linksTo) && Array.isArray(problems) &&
    Array.isArray(notable) && notable.every((link) => Array.isArray(link) && link.length === 9 && Array.isArray(link[7]))
  );
}
