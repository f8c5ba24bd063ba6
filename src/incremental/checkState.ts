import { readFile } from "node:fs/promises";
import { cacheFileFor, parseJson, sameHeader, textLines, writeAtomically, type CacheHeader } from "../cacheFiles.js";
import type { Problem, VaultPath } from "../types.js";
import type { NotableLink, NoteFacts } from "./noteFacts.js";

/** Bump when NoteFacts change shape: a state of another format is never trusted. */
const FORMAT = 1;

/** What `check` keeps between runs of a vault, beside its parse cache. */
export interface CheckState {
  attachments: VaultPath[];
  /** Near-miss suggestions by loose target name; good while no note's path, title or aliases change. */
  suggestions: Map<string, VaultPath | null>;
  /** In scan order. */
  notes: NoteFacts[];
}

interface StateHeader extends CacheHeader {
  attachments: VaultPath[];
  suggestions: [string, VaultPath | null][];
}

/**
 * A note's facts on disk: an array, not an object, and paths as numbers (the note's place in scan
 * order, or the attachment's after every note), which the state is only read with. About half the
 * size of the same facts as objects, and read in about half the time.
 */
type FactsLine = [
  path: VaultPath,
  size: number,
  mtimeMs: number,
  hash: string | null,
  title: string,
  aliases: string[],
  headings: (number | string)[],
  blockIds: string[],
  links: number,
  linksOut: 0 | 1,
  linksTo: number[],
  notable: NotableLine[],
  problems: ([string] | [string, number])[],
];

type NotableLine = [target: string, heading: string | null, block: string | null, line: number, column: number, raw: string, resolved: number, candidates: number[], brokenAnchor: NotableLink["brokenAnchor"]];

/** Each read note's line as it was on disk: a note whose facts did not change is written back unchanged, not serialized again. */
const linesRead = new WeakMap<NoteFacts, string>();

/** The state file of a vault: `<key>.check.json` in the cache folder. */
export async function checkStateFile(vault: string, folder: string, version: string): Promise<{ file: string; header: CacheHeader }> {
  const { root, file } = await cacheFileFor(vault, folder, ".check.json");
  return { file, header: { tool: "notegraph", format: FORMAT, version, root } };
}

/** The state, or null when there is none or it cannot be trusted whole (another version or vault, a damaged line). */
export async function readCheckState(file: string, expected: CacheHeader): Promise<CheckState | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  const lines = [...textLines(bytes)];
  const header = parseJson(lines[0] ?? "");
  if (!sameHeader(header, expected) || !wellFormedHeader(header)) return null;
  const encoded = lines.slice(1).map(parseJson);
  if (!encoded.every(wellFormedLine)) return null;
  const paths = [...encoded.map((line) => line[0]), ...header.attachments];
  const notes: NoteFacts[] = [];
  for (const [i, line] of encoded.entries()) {
    const facts = decodeFacts(line, paths);
    if (facts === null) return null;
    linesRead.set(facts, lines[i + 1] as string);
    notes.push(facts);
  }
  return { attachments: header.attachments, suggestions: new Map(header.suggestions), notes };
}

/** Writes the state atomically; a failure only costs speed next time. */
export async function writeCheckState(file: string, header: CacheHeader, state: CheckState): Promise<void> {
  const full: StateHeader = { ...header, attachments: state.attachments, suggestions: [...state.suggestions] };
  await writeAtomically(file, stateLines(full, state.notes));
}

function* stateLines(header: StateHeader, notes: readonly NoteFacts[]): Generator<string> {
  yield `${JSON.stringify(header)}\n`;
  const places = new Map<string, number>([...notes.map((facts) => facts.path), ...header.attachments].map((path, i) => [path, i]));
  for (const facts of notes) yield `${linesRead.get(facts) ?? JSON.stringify(encodeFacts(facts, places))}\n`;
}

function encodeFacts(f: NoteFacts, places: ReadonlyMap<string, number>): FactsLine {
  const place = (path: VaultPath | null) => (path === null ? -1 : (places.get(path) ?? -1));
  return [
    f.path, f.size, f.mtimeMs, f.hash, f.title, f.aliases,
    f.headings.flatMap(({ depth, text }) => [depth, text]),
    f.blockIds, f.links, f.linksOut ? 1 : 0, f.linksTo.map(place),
    f.notable.map((l) => [l.target, l.heading, l.block, l.line, l.column, l.raw, place(l.resolved), l.candidates.map(place), l.brokenAnchor]),
    f.problems.map((p) => (p.line === undefined ? [p.message] : [p.message, p.line])),
  ];
}

/** The facts a line holds; null when a number points at no path. */
function decodeFacts(line: FactsLine, paths: readonly VaultPath[]): NoteFacts | null {
  const [path, size, mtimeMs, hash, title, aliases, flatHeadings, blockIds, links, linksOut, linksTo, notable, problems] = line;
  let lost = false;
  const pathAt = (place: number): VaultPath => {
    const found = paths[place];
    if (found === undefined) lost = true;
    return found as VaultPath;
  };
  const headings: NoteFacts["headings"] = [];
  for (let i = 0; i + 1 < flatHeadings.length; i += 2) headings.push({ depth: Number(flatHeadings[i]), text: String(flatHeadings[i + 1]) });
  const facts: NoteFacts = {
    path, size, mtimeMs, hash, title, aliases, headings, blockIds, links,
    linksOut: linksOut === 1,
    linksTo: linksTo.map(pathAt),
    notable: notable.map(([target, heading, block, at, column, raw, resolved, candidates, brokenAnchor]) => ({
      target, heading, block, line: at, column, raw,
      resolved: resolved === -1 ? null : pathAt(resolved),
      candidates: candidates.map(pathAt),
      brokenAnchor,
    })),
    problems: problems.map(([message, at]): Problem => (at === undefined ? { path, message } : { path, message, line: at })),
  };
  return lost ? null : facts;
}

function wellFormedHeader(value: unknown): value is StateHeader {
  const header = value as Partial<StateHeader>;
  return Array.isArray(header.attachments) && Array.isArray(header.suggestions);
}

/** Enough shape checking that a damaged state is never handed to the findings. */
function wellFormedLine(value: unknown): value is FactsLine {
  if (!Array.isArray(value) || value.length !== 13) return false;
  const [path, size, mtimeMs, hash, title, ...lists] = value as unknown[];
  const [aliases, headings, blockIds, links, linksOut, linksTo, notable, problems] = lists;
  return (
    typeof path === "string" && typeof size === "number" && typeof mtimeMs === "number" &&
    (typeof hash === "string" || hash === null) && typeof title === "string" &&
    typeof links === "number" && (linksOut === 0 || linksOut === 1) &&
    [aliases, headings, blockIds, linksTo, problems].every(Array.isArray) &&
    Array.isArray(notable) && notable.every((link) => Array.isArray(link) && link.length === 9 && Array.isArray(link[7]))
  );
}
