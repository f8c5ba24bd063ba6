import type { CheckReport } from "../analyze/checkReport.js";
import { baseName, compareCodeUnits, lookupKey, stripMd } from "../keys.js";
import type { VaultPath } from "../types.js";

/** One link to rewrite: where it is, what it says, and what it should say. */
export interface LinkEdit {
  line: number;
  column: number;
  raw: string;
  replacement: string;
}

export interface NoteFix {
  path: VaultPath;
  edits: LinkEdit[];
}

/**
 * The rewrites for near-miss links: `[[Firewall]]` becomes `[[Firewalls|Firewall]]`, keeping the
 * text the reader sees. Only wikilinks and embeds; a Markdown link is left for a person.
 */
export function nearMissFixes(report: CheckReport): NoteFix[] {
  const nameOf = linkNamer(report.notes.map((note) => note.path));
  const byFile = new Map<VaultPath, LinkEdit[]>();
  for (const group of report.dangling) {
    if (group.suggestion === null) continue;
    const name = nameOf(group.suggestion);
    for (const ref of group.references) {
      const replacement = rewriteWikiLink(ref.raw, name);
      if (replacement === null || replacement === ref.raw) continue;
      const edits = byFile.get(ref.source) ?? [];
      edits.push({ line: ref.line, column: ref.column, raw: ref.raw, replacement });
      byFile.set(ref.source, edits);
    }
  }
  return [...byFile]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([path, edits]) => ({ path, edits: edits.sort((a, b) => a.line - b.line || a.column - b.column) }));
}

/** The shortest name that links to the note: its file name, or its path when that name is shared. */
export function linkName(path: VaultPath, allNotes: readonly VaultPath[]): string {
  return linkNamer(allNotes)(path);
}

/** `linkName` for many notes: the file names are counted once, not per link. */
function linkNamer(allNotes: readonly VaultPath[]): (path: VaultPath) => string {
  const counts = new Map<string, number>();
  for (const note of allNotes) {
    const key = lookupKey(stripMd(baseName(note)));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (path) => stripMd((counts.get(lookupKey(stripMd(baseName(path)))) ?? 0) > 1 ? path : baseName(path));
}

/** `[[Old#H]]` -> `[[New#H|Old#H]]`; an alias stays; an embed needs none; `\|` in tables stays escaped. */
export function rewriteWikiLink(raw: string, name: string): string | null {
  const match = /^(!?)\[\[([\s\S]*)\]\]$/.exec(raw);
  if (!match) return null;
  const [, bang = "", inner = ""] = match;
  const pipe = inner.search(/\\?\|/);
  const divider = pipe === -1 ? "|" : inner[pipe] === "\\" ? "\\|" : "|";
  const destination = pipe === -1 ? inner : inner.slice(0, pipe);
  const alias = pipe === -1 ? null : inner.slice(pipe + divider.length);
  const hash = destination.indexOf("#");
  const fragment = hash === -1 ? "" : destination.slice(hash).trim();
  const shown = alias ?? (bang ? null : destination.trim());
  return `${bang}[[${name}${fragment}${shown === null ? "" : `${divider}${shown}`}]]`;
}
