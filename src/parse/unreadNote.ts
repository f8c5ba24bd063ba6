import { baseName, stripMd } from "../keys.js";
import type { ParsedNote, VaultPath } from "../types.js";

/** The record of a note that could not be read or parsed: its name and the problem, no links. */
export function unreadNote(path: VaultPath, message: string): ParsedNote {
  const note = { path, title: stripMd(baseName(path)), aliases: [], tags: [], headings: [], blockIds: [], links: [], words: 0 };
  return { note, problems: [{ path, message }] };
}
