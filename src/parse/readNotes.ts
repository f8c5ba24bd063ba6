import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { NoteRecord, ParsedNote, Problem, VaultFile } from "../types.js";
import { decodeNote } from "./decodeNote.js";
import type { ParseCache } from "./parseCache.js";
import { parseNote, type ParseOptions } from "./parseNote.js";

/**
 * Reads and parses every note; a note that fails is a problem, and what could be read is kept.
 * With a cache, a note is parsed only when its size and modification time changed and its
 * content hash did too.
 */
export async function readNotes(files: readonly VaultFile[], options: ParseOptions = {}, cache?: ParseCache): Promise<{ notes: NoteRecord[]; problems: Problem[] }> {
  const notes: NoteRecord[] = [];
  const problems: Problem[] = [];
  const keepText = options.keepText === true;
  for (const file of files) {
    const parsed = cache?.get(file, keepText) ?? (await readAndCache(file, options, keepText, cache));
    notes.push(parsed.note);
    problems.push(...parsed.problems);
  }
  return { notes, problems };
}

async function readAndCache(file: VaultFile, options: ParseOptions, keepText: boolean, cache?: ParseCache): Promise<ParsedNote> {
  const bytes = await readBytes(file);
  if (!(bytes instanceof Uint8Array)) return bytes;
  if (!cache) return parseBytes(file, bytes, options);
  const hash = createHash("sha256").update(bytes).digest("base64url");
  const parsed = cache.getByHash?.(file, hash, keepText) ?? parseBytes(file, bytes, options);
  cache.set(file, keepText, parsed, hash);
  return parsed;
}

export async function readNote(file: VaultFile, options: ParseOptions = {}): Promise<ParsedNote> {
  const bytes = await readBytes(file);
  return bytes instanceof Uint8Array ? parseBytes(file, bytes, options) : bytes;
}

/** The note's bytes, or the record of a note that cannot be read. */
async function readBytes(file: VaultFile): Promise<Uint8Array | ParsedNote> {
  try {
    return await readFile(file.absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    return { note: parseNote(file.path, "").note, problems: [{ path: file.path, message: `cannot be read (${code})` }] };
  }
}

function parseBytes(file: VaultFile, bytes: Uint8Array, options: ParseOptions): ParsedNote {
  const decoded = decodeNote(bytes);
  const parsed = parseOrReport(file, decoded.text, options);
  const problems = decoded.problem === null ? parsed.problems : [{ path: file.path, message: decoded.problem }, ...parsed.problems];
  return { note: parsed.note, problems };
}

/** A note the parser cannot take (say, nesting deep enough to exhaust the stack) is a problem, not a crash. */
function parseOrReport(file: VaultFile, text: string, options: ParseOptions): ParsedNote {
  try {
    return parseNote(file.path, text, options);
  } catch (error) {
    const reason = error instanceof RangeError ? "nested too deeply to parse" : `cannot be parsed (${(error as Error).message})`;
    return { note: parseNote(file.path, "").note, problems: [{ path: file.path, message: `${reason}; its links are not read` }] };
  }
}
