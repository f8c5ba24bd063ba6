import { readFile } from "node:fs/promises";
import type { NoteRecord, ParsedNote, Problem, VaultFile } from "../types.js";
import { decodeNote } from "./decodeNote.js";
import type { ParseCache } from "./parseCache.js";
import { parseNote, type ParseOptions } from "./parseNote.js";

/** Reads and parses every note; a note that fails is a problem, and what could be read is kept. */
export async function readNotes(files: readonly VaultFile[], options: ParseOptions = {}, cache?: ParseCache): Promise<{ notes: NoteRecord[]; problems: Problem[] }> {
  const notes: NoteRecord[] = [];
  const problems: Problem[] = [];
  const keepText = options.keepText === true;
  for (const file of files) {
    let parsed = cache?.get(file, keepText);
    if (!parsed) {
      parsed = await readNote(file, options);
      cache?.set(file, keepText, parsed);
    }
    notes.push(parsed.note);
    problems.push(...parsed.problems);
  }
  return { notes, problems };
}

export async function readNote(file: VaultFile, options: ParseOptions = {}): Promise<ParsedNote> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    return { note: parseNote(file.path, "").note, problems: [{ path: file.path, message: `cannot be read (${code})` }] };
  }
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
