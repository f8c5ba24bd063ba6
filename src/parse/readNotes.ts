import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { NoteRecord, ParsedNote, Problem, VaultFile, VaultPath } from "../types.js";
import { version } from "../version.js";
import { compiledParser } from "./compiledParser.js";
import { decodeNote } from "./decodeNote.js";
import type { ParseCache } from "./parseCache.js";
import { BIG_NOTE_BYTES, parseOnThreads, POOL_THRESHOLD, type ParseBudget } from "./parsePool.js";
import type { parseNote as ParseNote, ParseOptions } from "./parseNote.js";
import { unreadNote } from "./unreadNote.js";

/** A note read on some thread: its content hash, and its record unless the hash was already known. */
export interface HashedNote {
  hash: string | null;
  parsed: ParsedNote | null;
}

export interface ReadOptions extends ParseOptions {
  /** How long one note may parse on a worker thread. Default: DEFAULT_PARSE_BUDGET. */
  parseBudget?: ParseBudget;
  /** Told how many notes are read so far, of how many, as reading goes (cached ones count at once). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads and parses every note; a note that fails is a problem, and what could be read is kept.
 * With a cache, a note is parsed only when its size and modification time changed and its
 * content hash did too. Many notes, or a big one, go to worker threads, where a note over its
 * time budget is stopped; the order stays the same.
 */
export async function readNotes(files: readonly VaultFile[], parseOptions: ReadOptions = {}, cache?: ParseCache): Promise<{ notes: NoteRecord[]; problems: Problem[] }> {
  const keepText = parseOptions.keepText === true;
  // Only the parse options travel to worker threads (callers may pass a wider options object).
  const options: ParseOptions = { keepText };
  const records = files.map((file) => cache?.get(file, keepText));
  const missing = files.filter((_file, i) => records[i] === undefined);
  const known = missing.map((file) => cache?.hashOf?.(file, keepText) ?? null);
  let done = files.length - missing.length;
  const progress = parseOptions.onProgress;
  const onNote = progress ? () => progress(++done, files.length) : undefined;
  progress?.(done, files.length);
  const onThreads = missing.length >= POOL_THRESHOLD || missing.some((file) => file.size >= BIG_NOTE_BYTES);
  const read = (onThreads ? await parseOnThreads(missing, known, options, parseOptions.parseBudget, onNote) : null) ?? (await readInTurn(missing, known, options, onNote));
  let k = 0;
  const notes: NoteRecord[] = [];
  const problems: Problem[] = [];
  for (const [i, file] of files.entries()) {
    let parsed = records[i];
    if (parsed === undefined) {
      const { hash, parsed: fresh } = read[k++] ?? { hash: null, parsed: null };
      parsed = fresh ?? (hash !== null ? cache?.getByHash?.(file, hash, keepText) : undefined) ?? (await readNote(file, options));
      if (cache && hash !== null) cache.set(file, keepText, parsed, hash);
    }
    notes.push(parsed.note);
    problems.push(...parsed.problems);
  }
  return { notes, problems };
}

async function readInTurn(files: readonly VaultFile[], known: readonly (string | null)[], options: ParseOptions, onNote?: () => void): Promise<HashedNote[]> {
  const results: HashedNote[] = [];
  for (const [i, file] of files.entries()) {
    results.push(await readAndHash(file, options, known[i] ?? null));
    onNote?.();
  }
  return results;
}

/**
 * Reads one note and hashes it; parses it unless its hash is `knownHash`. With `codeCache` (a
 * cache folder), the parser, when first loaded, is compiled through the code cache kept there.
 */
export async function readAndHash(file: VaultFile, options: ParseOptions, knownHash: string | null, codeCache: string | null = null): Promise<HashedNote> {
  const bytes = await readBytes(file);
  if (!(bytes instanceof Uint8Array)) return { hash: null, parsed: bytes };
  const hash = createHash("sha256").update(bytes).digest("base64url");
  return { hash, parsed: hash === knownHash ? null : parseBytes(file, bytes, options, await markdownParser(codeCache)) };
}

let loadedParser: typeof ParseNote | undefined;

/** The Markdown stack loads on first use: a run where no note changed never pays for it. A long-lived process may load it ahead. */
export async function markdownParser(codeCache: string | null = null): Promise<typeof ParseNote> {
  loadedParser ??= (codeCache === null ? null : compiledParser(codeCache, version())) ?? (await import("./parseNote.js")).parseNote;
  return loadedParser;
}

/** A short note of the common constructs: parsing it once compiles the parser's paths before a real note waits on them. */
const WARM_UP = `---
aliases: [Warm]
tags: [up]
---
# Warm up

Some *text* with [[Link]], [[Note#Part|shown]], [[#Heading]], ![[image.png]], [a link](other.md) and #tag.

- item [[Item]]
  1. sub ^block

> [!note] quote

| a | b |
|---|---|
| [[Cell]] | \`code\` |
`;

/** Loads the parser and parses a sample note (a long-lived process, ahead of its first real note). */
export async function warmParser(): Promise<void> {
  (await markdownParser())("Warm up.md" as VaultPath, WARM_UP);
}

export async function readNote(file: VaultFile, options: ParseOptions = {}): Promise<ParsedNote> {
  const bytes = await readBytes(file);
  return bytes instanceof Uint8Array ? parseBytes(file, bytes, options, await markdownParser()) : bytes;
}

/**
 * The note's bytes, or the record of a note that cannot be read. Read synchronously on purpose:
 * on a parse worker an awaited read took about 0.2 ms a note (opening a handle, fstat, read,
 * close, and the wait), several times the read itself.
 */
async function readBytes(file: VaultFile): Promise<Uint8Array | ParsedNote> {
  try {
    return readFileSync(file.absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    return unreadNote(file.path, `cannot be read (${code})`);
  }
}

function parseBytes(file: VaultFile, bytes: Uint8Array, options: ParseOptions, parseNote: typeof ParseNote): ParsedNote {
  const decoded = decodeNote(bytes);
  const parsed = parseOrReport(file, decoded.text, options, parseNote);
  const problems = decoded.problem === null ? parsed.problems : [{ path: file.path, message: decoded.problem }, ...parsed.problems];
  return { note: parsed.note, problems };
}

/** A note the parser cannot take (say, nesting deep enough to exhaust the stack) is a problem, not a crash. */
function parseOrReport(file: VaultFile, text: string, options: ParseOptions, parseNote: typeof ParseNote): ParsedNote {
  try {
    return parseNote(file.path, text, options);
  } catch (error) {
    const reason = error instanceof RangeError ? "nested too deeply to parse" : `cannot be parsed (${(error as Error).message})`;
    return unreadNote(file.path, `${reason}; its links are not read`);
  }
}
