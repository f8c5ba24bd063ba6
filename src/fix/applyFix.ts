import { randomBytes } from "node:crypto";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { decodeNote, encodeNote, type NoteEncoding } from "../parse/decodeNote.js";
import { LineIndex } from "../parse/lineIndex.js";
import type { LinkEdit } from "./planFixes.js";

export interface FixedText {
  text: string;
  /** Each changed line before and after, for the diff. */
  changes: { line: number; before: string; after: string }[];
}

/**
 * Applies the edits to a note's text, each only where its link still stands as it was read.
 * Returns null when one does not match (the note changed since): nothing is applied then.
 */
export function applyEdits(text: string, edits: readonly LinkEdit[]): FixedText | null {
  const lines = new LineIndex(text);
  const placed = edits.map((edit) => ({ edit, offset: lines.offsetOf(edit.line, edit.column) }));
  if (placed.some(({ edit, offset }) => offset === null || text.slice(offset, offset + edit.raw.length) !== edit.raw)) return null;
  let result = text;
  for (const { edit, offset } of [...placed].sort((a, b) => (b.offset ?? 0) - (a.offset ?? 0))) {
    const at = offset ?? 0;
    result = result.slice(0, at) + edit.replacement + result.slice(at + edit.raw.length);
  }
  const before = text.split(/\r\n|\r|\n/);
  const after = result.split(/\r\n|\r|\n/);
  const changed = [...new Set(edits.map((e) => e.line))].sort((a, b) => a - b);
  return { text: result, changes: changed.map((line) => ({ line, before: before[line - 1] ?? "", after: after[line - 1] ?? "" })) };
}

/**
 * Rewrites one note in place, atomically: the new bytes go to a temporary file beside it, which
 * is then renamed over the note. Encoding, byte-order mark and line endings stay as they were.
 */
export async function writeFix(absolutePath: string, edits: readonly LinkEdit[]): Promise<FixedText> {
  const { fixed, encoding } = await readFixed(absolutePath, edits);
  const temporary = join(dirname(absolutePath), `.${basename(absolutePath)}.notegraph-${randomBytes(4).toString("hex")}`);
  try {
    await writeFile(temporary, encodeNote(fixed.text, encoding), { mode: (await stat(absolutePath)).mode });
    await rename(temporary, absolutePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return fixed;
}

/** What the note would become, without writing it. */
export async function previewFix(absolutePath: string, edits: readonly LinkEdit[]): Promise<FixedText> {
  return (await readFixed(absolutePath, edits)).fixed;
}

async function readFixed(absolutePath: string, edits: readonly LinkEdit[]): Promise<{ fixed: FixedText; encoding: NoteEncoding }> {
  const decoded = decodeNote(await readFile(absolutePath));
  if (decoded.encoding === null) throw new Error(`${decoded.problem ?? "cannot be decoded"}; left unchanged`);
  const fixed = applyEdits(decoded.text, edits);
  if (fixed === null) throw new Error("changed since it was read; left unchanged");
  return { fixed, encoding: decoded.encoding };
}
