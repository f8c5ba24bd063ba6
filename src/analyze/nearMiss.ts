import { distance } from "fastest-levenshtein";
import { compareCodeUnits, lookupKey, stripMd, baseName } from "../keys.js";
import type { NoteRecord, VaultPath } from "../types.js";

/** Finds the note a dangling link most likely meant, or null. */
export type NearMissFinder = (target: string) => VaultPath | null;

interface Entry {
  loose: string;
  path: VaultPath;
}

/**
 * Indexes every note's file name, title and aliases in a loose form (case, spaces, `-`, `_` and a
 * plural ending ignored) and by one-character deletions, so a lookup never compares every pair.
 */
export function nearMissFinder(notes: readonly NoteRecord[]): NearMissFinder {
  const entries: Entry[] = [];
  const byLoose = new Map<string, number[]>();
  const byDeletion = new Map<string, number[]>();
  for (const note of notes) {
    for (const name of new Set([stripMd(baseName(note.path)), note.title, ...note.aliases])) {
      const loose = looseForm(name);
      if (loose === "") continue;
      const id = entries.push({ loose, path: note.path }) - 1;
      add(byLoose, loose, id);
      if (loose.length >= 5) for (const variant of deletions(loose)) add(byDeletion, variant, id);
    }
  }
  return (target) => {
    const loose = looseForm(target);
    const exact = byLoose.get(loose);
    if (exact) return best(exact.map((id) => ({ entry: entries[id], cost: 0 })));
    if (loose.length < 5) return null;
    const ids = new Set<number>([...(byDeletion.get(loose) ?? []), ...deletions(loose).flatMap((v) => [...(byLoose.get(v) ?? []), ...(byDeletion.get(v) ?? [])])]);
    const limit = loose.length >= 10 ? 2 : 1;
    const near = [...ids].map((id) => ({ entry: entries[id], cost: distance(loose, entries[id]?.loose ?? "") })).filter((m) => m.cost <= limit);
    return best(near);
  };
}

/** `Disaster-Recovery`, `disaster recovery`, `Disaster_Recoveries`... all read `disasterrecovery`. */
export function looseForm(name: string): string {
  const squeezed = lookupKey(stripMd(name)).replace(/[\s_-]+/g, "");
  if (squeezed.length < 4) return squeezed;
  if (/(s|x|z|ch|sh)es$/.test(squeezed)) return squeezed.slice(0, -2);
  if (/ies$/.test(squeezed)) return `${squeezed.slice(0, -3)}y`;
  if (/[^s]s$/.test(squeezed)) return squeezed.slice(0, -1);
  return squeezed;
}

function best(matches: { entry: Entry | undefined; cost: number }[]): VaultPath | null {
  let winner: { path: VaultPath; cost: number } | null = null;
  for (const { entry, cost } of matches) {
    if (!entry) continue;
    const better = winner === null || cost < winner.cost || (cost === winner.cost && compareCodeUnits(entry.path, winner.path) < 0);
    if (better) winner = { path: entry.path, cost };
  }
  return winner?.path ?? null;
}

function deletions(word: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

function add(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
