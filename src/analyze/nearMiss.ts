import { distance } from "fastest-levenshtein";
import { compareCodeUnits, lookupKey, stripMd, baseName } from "../keys.js";
import type { NoteRecord, VaultPath } from "../types.js";

/** Finds the note a dangling link most likely meant, or null. */
export type NearMissFinder = (target: string) => VaultPath | null;

interface Entry {
  loose: string;
  path: VaultPath;
}

interface Candidate {
  entry: Entry;
  cost: number;
}

/** A note as near-miss suggestions know it: its path and the names it answers to. */
export type NamedNote = Pick<NoteRecord, "path" | "title" | "aliases">;

/**
 * Every note's file name, title and aliases in a loose form (case, spaces, `-`, `_` and a plural
 * ending ignored), indexed: what a near-miss search reads. Still good while no note is added,
 * removed or renamed and none changes its title or aliases (`serve` keeps it between saves).
 */
export interface NearMissNames {
  readonly entries: readonly Entry[];
  readonly byLoose: ReadonlyMap<string, Entry[]>;
}

export function nearMissNames(notes: readonly NamedNote[]): NearMissNames {
  return nearMissNamesOf(notes.map((note) => note.path), notes.map(looseNamesOf));
}

/** A note's file name, title and aliases in loose form, each once, none empty: what it is searched by. */
export function looseNamesOf(note: NamedNote): string[] {
  return [...new Set([stripMd(baseName(note.path)), note.title, ...note.aliases].map(looseForm))].filter((loose) => loose !== "");
}

/** The index from each note's path and loose names (`looseNamesOf`), as a check keeps them. */
export function nearMissNamesOf(paths: readonly VaultPath[], looseNames: readonly (readonly string[])[]): NearMissNames {
  const entries: Entry[] = [];
  const byLoose = new Map<string, Entry[]>();
  for (const [i, path] of paths.entries()) {
    for (const loose of looseNames[i] ?? []) {
      const entry = { loose, path };
      entries.push(entry);
      add(byLoose, loose, entry);
    }
  }
  return { entries, byLoose };
}

/**
 * Finds the note a dangling link most likely meant. Names one edit apart are found through
 * one-character deletions, so a lookup never compares every pair. Deletions are indexed for the
 * targets only (few) and made for each note name in passing, never stored: at 100,000 notes an
 * index of every name's deletions took about 800 MB. Give the `targets` to look up in one pass;
 * others cost a pass each.
 */
export function nearMissFinder(notes: readonly NamedNote[] | NearMissNames, targets: Iterable<string> = []): NearMissFinder {
  const { entries, byLoose } = "byLoose" in notes ? notes : nearMissNames(notes);
  const known = nearestByPass(entries, byLoose, [...targets].map(looseForm));
  return (target) => {
    const loose = looseForm(target);
    const found = known.has(loose) ? known.get(loose) : nearestByPass(entries, byLoose, [loose]).get(loose);
    return found ?? null;
  };
}

/** The best note for each loose target: an exact loose match, else the closest within one or two edits. */
function nearestByPass(entries: readonly Entry[], byLoose: ReadonlyMap<string, Entry[]>, targets: string[]): Map<string, VaultPath | null> {
  const found = new Map<string, VaultPath | null>();
  const fuzzy = new Map<string, Candidate[]>();
  for (const loose of targets) {
    const exact = byLoose.get(loose);
    if (exact) found.set(loose, best(exact.map((entry) => ({ entry, cost: 0 }))));
    else if (loose.length >= 5) fuzzy.set(loose, []);
    else found.set(loose, null);
  }
  if (fuzzy.size > 0) collectNearby(entries, fuzzy);
  for (const [loose, candidates] of fuzzy) {
    const limit = loose.length >= 10 ? 2 : 1;
    found.set(loose, best(candidates.map(({ entry }) => ({ entry, cost: distance(loose, entry.loose) })).filter((m) => m.cost <= limit)));
  }
  return found;
}

/** Adds to each target the names one deletion away on either side (so at most one edit, or two deletions). */
function collectNearby(entries: readonly Entry[], fuzzy: Map<string, Candidate[]>): void {
  const byDeletion = new Map<string, string[]>();
  for (const loose of fuzzy.keys()) for (const variant of new Set(deletions(loose))) add(byDeletion, variant, loose);
  // One deletion on either side never bridges more than one character of length: names out of
  // that window cannot match, and making their deletions was most of a lookup's cost.
  let [shortest, longest] = [Infinity, -Infinity];
  for (const loose of fuzzy.keys()) [shortest, longest] = [Math.min(shortest, loose.length - 1), Math.max(longest, loose.length + 1)];
  for (const entry of entries) {
    if (entry.loose.length < shortest || entry.loose.length > longest) continue;
    const near = new Set<string>(byDeletion.get(entry.loose) ?? []);
    if (entry.loose.length >= 5) {
      for (const variant of deletions(entry.loose)) {
        if (fuzzy.has(variant)) near.add(variant);
        for (const target of byDeletion.get(variant) ?? []) near.add(target);
      }
    }
    for (const target of near) fuzzy.get(target)?.push({ entry, cost: 0 });
  }
}

/** What a run suggested for each missing target, by its loose form: to keep for the next run while no note's names change. */
export function suggestionsOf(dangling: readonly { target: string; suggestion: VaultPath | null }[]): Map<string, VaultPath | null> {
  return new Map(dangling.map((group) => [looseForm(group.target), group.suggestion] as const));
}

/**
 * Suggestions still good after some notes came, went or changed their names, without searching
 * every note again: a target whose suggestion was one of `changed` is left out (to be searched
 * anew); any other keeps its suggestion unless one of `renamed` (the new and renamed notes, by
 * their names now) is at least as near. `namesOf` gives a kept suggestion's names, to compare.
 */
export function suggestionsAfter(known: ReadonlyMap<string, VaultPath | null>, changed: ReadonlySet<VaultPath>, renamed: readonly NamedNote[], namesOf: (path: VaultPath) => NamedNote): Map<string, VaultPath | null> {
  const kept = new Map([...known].filter(([, suggestion]) => suggestion === null || !changed.has(suggestion)));
  if (renamed.length === 0 || kept.size === 0) return kept;
  const { entries, byLoose } = nearMissNames(renamed);
  for (const [loose, found] of nearestByPass(entries, byLoose, [...kept.keys()])) {
    const before = kept.get(loose);
    if (found === null || before === undefined) continue;
    // The better of the two by the search's own rules: nearer, then first in path order.
    const both = nearMissNames([...(before === null ? [] : [namesOf(before)]), ...renamed.filter((note) => note.path === found)]);
    kept.set(loose, nearestByPass(both.entries, both.byLoose, [loose]).get(loose) ?? null);
  }
  return kept;
}

/** Whether a note is known by the same title and aliases as before: what suggestions search besides its path. */
export function sameNames(before: Pick<NoteRecord, "title" | "aliases">, after: Pick<NoteRecord, "title" | "aliases">): boolean {
  return before.title === after.title && before.aliases.length === after.aliases.length && before.aliases.every((alias, i) => alias === after.aliases[i]);
}

/** Suggestions kept from an earlier run where still good; the rest searched for in one pass, the notes' `names` read only then. */
export function keptSuggestions(names: () => readonly NamedNote[] | NearMissNames, known: ReadonlyMap<string, VaultPath | null>): (targets: readonly string[]) => NearMissFinder {
  return (targets) => {
    const unknown = targets.filter((target) => !known.has(looseForm(target)));
    let finder = unknown.length > 0 ? nearMissFinder(names(), unknown) : undefined;
    return (target) => {
      const loose = looseForm(target);
      if (known.has(loose)) return known.get(loose) ?? null;
      finder ??= nearMissFinder(names());
      return finder(target);
    };
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

function best(matches: Candidate[]): VaultPath | null {
  let winner: { path: VaultPath; cost: number } | null = null;
  for (const { entry, cost } of matches) {
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

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
