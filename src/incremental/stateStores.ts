import { parseJson } from "../cacheFiles.js";
import type { FileKeys } from "../resolve/nameIndex.js";
import type { NoteDetails } from "./noteFacts.js";

/*
 * The parts of the check state that are read only when a run needs them, and written back as
 * they were read otherwise: the names line, the keys line, and a details line per note.
 */

/** A line of the state decoded only when asked for, and written back as it was read. */
export interface StoredLine<T> {
  /** Throws DamagedState when what is stored cannot be read. */
  get(): T;
  /** The line as the state file holds it, newline included. */
  line(): string | Uint8Array;
}

export type NamesStore = StoredLine<readonly (readonly string[])[]>;
export type KeysStore = StoredLine<FileKeys>;

/** Each note's details, by its place in scan order. */
export interface DetailsStore {
  /** Decoded when first asked for; throws DamagedState when what is stored cannot be read. */
  get(place: number): NoteDetails;
  /** The lines of notes `from` to `to - 1` as the state file holds them, newlines included. */
  section(from: number, to: number): Iterable<string | Uint8Array>;
}

/** A line of the state that could not be read, found only when it was needed. */
export class DamagedState extends Error {}

type DetailsLine = [hash: string | null, title: string, aliases: string[], headings: (number | string)[], blockIds: string[]];

/** A line's value given whole. */
export function lineGiven<T>(value: T): StoredLine<T> {
  return lineMadeBy(() => value);
}

/** A line left in the file's bytes until asked for, and written back as it is. */
function storedLine<T>(bytes: Buffer, start: number, end: number, wellFormed: (value: unknown) => value is T, what: string): StoredLine<T> {
  let decoded: T | undefined;
  return {
    get() {
      if (decoded !== undefined) return decoded;
      const value = parseJson(bytes.toString("utf8", start, end - 1));
      if (!wellFormed(value)) throw new DamagedState(`the kept ${what} cannot be read`);
      return (decoded = value);
    },
    line: () => bytes.subarray(start, end),
  };
}

export function storedNames(bytes: Buffer, start: number, end: number, notes: number): NamesStore {
  const strings = (list: unknown) => Array.isArray(list) && list.every((name) => typeof name === "string");
  const wellFormed = (list: unknown): list is string[][] => Array.isArray(list) && list.length === notes && list.every(strings);
  return storedLine(bytes, start, end, wellFormed, "names of the notes");
}

export function storedKeys(bytes: Buffer, start: number, end: number, header: { notes: readonly unknown[]; attachments: readonly unknown[] }): KeysStore {
  const keys = (list: unknown, length: number) => Array.isArray(list) && list.length === length && list.every((key) => typeof key === "string");
  const wellFormed = (value: unknown): value is FileKeys => {
    const found = value as Partial<FileKeys> | null;
    const { notes, attachments } = header;
    return keys(found?.noteNames, notes.length) && keys(found?.notePaths, notes.length) && keys(found?.attachmentNames, attachments.length) && keys(found?.attachmentPaths, attachments.length);
  };
  return storedLine(bytes, start, end, wellFormed, "keys of the files");
}

/** Details given whole (a full check's). */
export function detailsGiven(list: readonly NoteDetails[]): DetailsStore {
  return {
    get: (place) => list[place] ?? damaged(place),
    *section(from, to) {
      for (let place = from; place < to; place++) yield detailsLine(list[place] ?? damaged(place));
    },
  };
}

/** `base`, with the details of the notes read again in this run. */
export function detailsOver(base: DetailsStore, changed: ReadonlyMap<number, NoteDetails>): DetailsStore {
  const places = [...changed.keys()].sort((a, b) => a - b);
  return {
    get: (place) => changed.get(place) ?? base.get(place),
    *section(from, to) {
      let next = from;
      for (const place of places.filter((p) => p >= from && p < to)) {
        yield* base.section(next, place);
        yield detailsLine(changed.get(place) as NoteDetails);
        next = place + 1;
      }
      yield* base.section(next, to);
    },
  };
}

/** `base` with its notes at new places: `oldPlace[place]` is a note's place in `base`, -1 for a new note (whose details must be given over it). */
export function detailsMoved(base: DetailsStore, oldPlace: Int32Array): DetailsStore {
  const from = (place: number) => oldPlace[place] ?? -1;
  return {
    get: (place) => (from(place) === -1 ? damaged(place) : base.get(from(place))),
    section: (start, end) => sectionsMoved(oldPlace, start, end, (first, last) => base.section(first, last)),
  };
}

/**
 * The lines of notes `start` to `end - 1` by their new places, from `section` of the old ones:
 * runs of notes that sat together are copied as one piece. A new note has none (its line must be
 * given over it).
 */
export function* sectionsMoved<T>(oldPlace: Int32Array, start: number, end: number, section: (from: number, to: number) => Iterable<T>): Generator<T> {
  const from = (place: number) => oldPlace[place] ?? -1;
  for (let place = start; place < end; ) {
    const first = from(place);
    if (first === -1) damaged(place);
    let next = place + 1;
    while (next < end && from(next) === first + (next - place)) next++;
    yield* section(first, first + (next - place));
    place = next;
  }
}

/** A line made only when first asked for. */
export function lineMadeBy<T>(make: () => T): StoredLine<T> {
  let made: T | undefined;
  const get = () => (made ??= make());
  return { get, line: () => `${JSON.stringify(get())}\n` };
}

/** Details left in the file's bytes until asked for, and written back as they are; `ends[i]` ends the line before note i's. */
export function storedDetails(bytes: Buffer, ends: readonly number[]): DetailsStore {
  const decoded = new Map<number, NoteDetails>();
  const start = (place: number) => (ends[place] ?? 0) + 1;
  return {
    get(place) {
      let details = decoded.get(place);
      if (details === undefined) {
        const line = parseJson(bytes.toString("utf8", start(place), ends[place + 1]));
        details = wellFormedDetails(line) ? decodeDetails(line) : damaged(place);
        decoded.set(place, details);
      }
      return details;
    },
    *section(from, to) {
      if (to > from) yield bytes.subarray(start(from), start(to));
    },
  };
}

function detailsLine(details: NoteDetails): string {
  return `${JSON.stringify(encodeDetails(details))}\n`;
}

export function damaged(place: number): never {
  throw new DamagedState(`the kept state of note ${place} cannot be read`);
}

function encodeDetails(d: NoteDetails): DetailsLine {
  return [d.hash, d.title, d.aliases, d.headings.flatMap(({ depth, text }) => [depth, text]), d.blockIds];
}

function decodeDetails([hash, title, aliases, flat, blockIds]: DetailsLine): NoteDetails {
  const headings: NoteDetails["headings"] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) headings.push({ depth: Number(flat[i]), text: String(flat[i + 1]) });
  return { hash, title, aliases, headings, blockIds };
}

function wellFormedDetails(value: unknown): value is DetailsLine {
  if (!Array.isArray(value) || value.length !== 5) return false;
  const [hash, title, aliases, headings, blockIds] = value as unknown[];
  return (typeof hash === "string" || hash === null) && typeof title === "string" && [aliases, headings, blockIds].every(Array.isArray);
}
