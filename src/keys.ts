import type { LookupKey, VaultPath } from "./types.js";

/** Obsidian compares names case-insensitively, trimmed, in NFC. */
export function lookupKey(name: string): LookupKey {
  return name.trim().normalize("NFC").toLowerCase() as LookupKey;
}

/** Headings compare loosely: case, the characters links cannot hold, and runs of space. */
export function headingKey(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[#^|[\]:%\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toVaultPath(relative: string): VaultPath {
  return relative.split(/[\\/]+/).join("/").normalize("NFC") as VaultPath;
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function stripMd(path: string): string {
  return /\.md$/i.test(path) ? path.slice(0, -3) : path;
}

/** The spelling most links use; ties go to the first in code-unit order. */
export function preferredSpelling(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const spelling of spellings) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  return mostUsedSpelling(counts);
}

/** `preferredSpelling`, given how many links use each spelling (counts of 0 are not used). */
export function mostUsedSpelling(counts: Iterable<readonly [string, number]>): string {
  let best = "";
  let bestCount = 0;
  for (const [spelling, count] of [...counts].sort(([a], [b]) => compareCodeUnits(a, b))) {
    if (count > bestCount) [best, bestCount] = [spelling, count];
  }
  return best;
}

/** Whether two loads saw the same notes and attachments, in the same order (then names mean the same). */
export function sameFiles(before: { notes: readonly { path: string }[]; attachments: readonly string[] }, after: { notes: readonly { path: string }[]; attachments: readonly string[] }): boolean {
  return (
    before.notes.length === after.notes.length &&
    before.attachments.length === after.attachments.length &&
    after.notes.every((note, i) => note.path === before.notes[i]?.path) &&
    after.attachments.every((path, i) => path === before.attachments[i])
  );
}
