import { parseJson } from "../cacheFiles.js";
import type { FindingLink } from "../analyze/findings.js";
import type { Problem, VaultPath } from "../types.js";
import type { NoteFacts } from "./noteFacts.js";
import type { PlaceIndex } from "./placeIndex.js";
import { placeListsJson, placeListsOf, placeListsOfFlat, placeListsWith, placesAt, type PlaceLists } from "./placeLists.js";
import { anchoredFromAfter, anchoredFromOf, type EditedNote, type PlaceOf } from "./patchFindings.js";

/*
 * How a note's facts and the links between files are written in the check state, and read back.
 * Facts name files by path, never by place, so that a kept facts line stays true when files come
 * or go and other notes' places shift; the links between files are by place, in one line that is
 * renumbered then.
 */

type FactsLine = [size: number, mtimeMs: number, links: number, linksOut: 0 | 1, notable: NotableLine[], problems: ProblemLine[]];
type NotableLine = [target: string, heading: string | null, block: string | null, line: number, column: number, raw: string, resolved: VaultPath | null, candidates: VaultPath[], brokenAnchor: FindingLink["brokenAnchor"]];
type ProblemLine = [message: string] | [message: string, line: number];

/** The links between files by place (a note's in scan order, an attachment's after every note). */
export interface FileLinks {
  /**
   * For each note, the files its links resolve to (itself left out), each once: its facts'
   * `linksTo`, kept here so that its facts line stays true when places shift. Whether a note is an
   * orphan, and which notes' links may find another file when files by its name come or go, are
   * read from these without decoding any note's facts.
   */
  linksTo: PlaceLists;
  /** For each note, the notes with a link into it that has an anchor: checked again when its headings change. */
  anchoredFrom: number[][];
  /** The line these were read from, newline included: written back as read while they stay the same. */
  line?: Uint8Array;
}

/** A note's facts as a line of the state, newline included; what it links to is kept in the links line instead. */
export function factsLine(f: NoteFacts): string {
  const notable = f.notable.map((l): NotableLine => [l.target, l.heading, l.block, l.line, l.column, l.raw, l.resolved, l.candidates, l.brokenAnchor]);
  const problems = f.problems.map((p): ProblemLine => (p.line === undefined ? [p.message] : [p.message, p.line]));
  const line: FactsLine = [f.size, f.mtimeMs, f.links, f.linksOut ? 1 : 0, notable, problems];
  return `${JSON.stringify(line)}\n`;
}

/** The facts a line holds; null when it cannot be read or names a file the state does not know. */
export function factsOfLine(text: string, path: VaultPath, linksTo: number[], known: PlaceIndex): NoteFacts | null {
  const line = parseJson(text);
  if (!wellFormedFacts(line)) return null;
  const [size, mtimeMs, links, linksOut, notable, problems] = line;
  const facts: NoteFacts = {
    path, size, mtimeMs, links, linksTo,
    linksOut: linksOut === 1,
    notable: notable.map(([target, heading, block, line, column, raw, resolved, candidates, brokenAnchor]) => ({ source: path, target, heading, block, line, column, raw, resolved, candidates, brokenAnchor })),
    problems: problems.map(([message, line]): Problem => (line === undefined ? { path, message } : { path, message, line })),
  };
  const unknown = (to: VaultPath | null) => to !== null && known.get(to) === undefined;
  return facts.notable.some((link) => unknown(link.resolved) || link.candidates.some(unknown)) ? null : facts;
}

/** Enough shape checking that a damaged state is never handed to the findings. */
function wellFormedFacts(value: unknown): value is FactsLine {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [size, mtimeMs, links, linksOut, notable, problems] = value as unknown[];
  return (
    typeof size === "number" && typeof mtimeMs === "number" && typeof links === "number" && (linksOut === 0 || linksOut === 1) &&
    Array.isArray(problems) &&
    Array.isArray(notable) && notable.every((link) => Array.isArray(link) && link.length === 9 && Array.isArray(link[7]))
  );
}

/** The links between every note's facts and the files, by place. */
export function fileLinksOf(notes: readonly NoteFacts[], placeOf: PlaceIndex): FileLinks {
  return { linksTo: placeListsOf(notes.map((facts) => facts.linksTo)), anchoredFrom: anchoredFromOf(notes, (path) => placeOf.get(path) ?? -1) };
}

/** The links line, newline included. */
export function fileLinksLine(links: FileLinks): string | Uint8Array {
  return links.line ?? `[${placeListsJson(links.linksTo)},${JSON.stringify(links.anchoredFrom)}]\n`;
}

/** The links a line (newline included) holds for `notes` notes and `files` files in all; null when it cannot be trusted. */
export function fileLinksOfLine(line: Buffer, notes: number, files: number): FileLinks | null {
  const value = parseJson(line.toString("utf8", 0, line.length - 1));
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [linksTo, anchoredFrom] = value as unknown[];
  const lists = placeListsOfFlat(linksTo, notes, files);
  return lists && placeLists(anchoredFrom, notes, notes) ? { linksTo: lists, anchoredFrom, line } : null;
}

/** Whether `value` is `length` lists of places below `end`. */
function placeLists(value: unknown, length: number, end: number): value is number[][] {
  if (!Array.isArray(value) || value.length !== length) return false;
  for (const list of value) {
    if (!Array.isArray(list)) return false;
    for (const place of list) if (!Number.isInteger(place) || place < 0 || place >= end) return false;
  }
  return true;
}

/** The links after some notes were edited: theirs as they are now (a removed note's are gone already). */
export function fileLinksAfter(links: FileLinks, edited: readonly EditedNote[], placeOf: PlaceOf): FileLinks {
  const given = new Map(edited.flatMap(({ place, after }) => (place >= 0 ? [[place, after.linksTo] as const] : [])));
  const anchoredFrom = anchoredFromAfter(links.anchoredFrom, edited, placeOf);
  // Most edits change no link's end: then the line is written back as read.
  const same = [...given].every(([place, list]) => sameList(placesAt(links.linksTo, place), list)) && anchoredFrom.every((list, note) => sameList(list, links.anchoredFrom[note] ?? []));
  return same ? links : { linksTo: placeListsWith(links.linksTo, given), anchoredFrom };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

/** For each note, how many notes link to it, counting the notes removed (whose links the patch takes out). */
export function linkedByOf(links: FileLinks, removed: readonly EditedNote[]): number[] {
  const { flat, starts } = links.linksTo;
  const notes = starts.length;
  const linkedBy = new Array<number>(notes).fill(0);
  const count = (to: number) => {
    if (to < notes) linkedBy[to] = (linkedBy[to] as number) + 1;
  };
  // Every place in the flat lists but the counts.
  for (let at = 0; at < flat.length; at += 1 + (flat[at] as number)) for (let i = 1; i <= (flat[at] as number); i++) count(flat[at + i] as number);
  for (const { before } of removed) before.linksTo.forEach(count);
  return linkedBy;
}
