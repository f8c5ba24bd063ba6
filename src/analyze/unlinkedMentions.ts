import { baseName, compareCodeUnits, stripMd } from "../keys.js";
import type { NoteRecord, ResolvedLink, VaultPath } from "../types.js";

/** Text in one note that names another note without linking it. */
export interface UnlinkedMention {
  source: VaultPath;
  target: VaultPath;
  /** The words as they stand in the text. */
  text: string;
  line: number;
  column: number;
  /** How many times the note names it. */
  count: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}_'’-]*/gu;
const MAX_WORDS = 6;

/**
 * Finds notes named in others' plain text (title, file name or alias; whole words, any case; code
 * and links are not plain text) where the naming note does not link to them yet. Names of two
 * characters must match exactly (`S3`, `AZ`), to keep words like "dr" out.
 */
export function unlinkedMentions(notes: readonly NoteRecord[], links: readonly ResolvedLink[]): UnlinkedMention[] {
  const names = nameTable(notes);
  const linked = new Set(links.filter((l) => l.resolved !== null).map((l) => `${l.source}\u0000${l.resolved}`));
  const found = new Map<string, UnlinkedMention>();
  for (const note of notes) {
    for (const segment of note.text ?? []) {
      const words = [...segment.value.matchAll(WORD)].map((m) => ({ word: m[0], at: m.index ?? 0 }));
      for (let i = 0; i < words.length; i++) {
        for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
          const slice = words.slice(i, i + n);
          const first = slice[0];
          const last = slice[slice.length - 1];
          if (!first || !last) continue;
          const text = segment.value.slice(first.at, last.at + last.word.length);
          const target = lookup(names, text);
          if (target === null) continue;
          i += n - 1;
          if (target !== note.path && !linked.has(`${note.path}\u0000${target}`)) {
            const key = `${note.path}\u0000${target}`;
            const seen = found.get(key);
            if (seen) seen.count++;
            else found.set(key, { source: note.path, target, text, line: segment.line, column: segment.column + first.at, count: 1 });
          }
          break;
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => compareCodeUnits(a.source, b.source) || a.line - b.line || a.column - b.column);
}

interface NameTable {
  loose: Map<string, VaultPath>;
  exact: Map<string, VaultPath>;
}

function nameTable(notes: readonly NoteRecord[]): NameTable {
  const table: NameTable = { loose: new Map(), exact: new Map() };
  for (const note of notes) {
    for (const name of [note.title, stripMd(baseName(note.path)), ...note.aliases]) {
      const words = name.match(WORD);
      if (!words || words.length > MAX_WORDS) continue;
      const normal = words.join(" ");
      if (normal.length <= 2) {
        if (!table.exact.has(normal)) table.exact.set(normal, note.path);
      } else if (!table.loose.has(normal.toLowerCase())) {
        table.loose.set(normal.toLowerCase(), note.path);
      }
    }
  }
  return table;
}

function lookup(table: NameTable, text: string): VaultPath | null {
  const normal = (text.match(WORD) ?? []).join(" ");
  if (normal.length <= 2) return table.exact.get(normal) ?? null;
  return table.loose.get(normal.toLowerCase()) ?? null;
}
