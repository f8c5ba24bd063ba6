import { compareProblems, findingsWithStats, type CheckFindings } from "../analyze/checkReport.js";
import { ambiguousLinks, brokenAnchors, type DanglingTarget, type FindingLink, type SuggestionsFor } from "../analyze/findings.js";
import { compareCodeUnits, lookupKey, mostUsedSpelling } from "../keys.js";
import type { Problem, VaultPath } from "../types.js";
import type { NoteFacts } from "./noteFacts.js";

/** A note read again: its facts as the last run kept them, and as they are now (a new note's before, and a removed note's after, have no links). */
export interface EditedNote {
  /** Its place now; -1 for a note removed. */
  place: number;
  before: NoteFacts;
  after: NoteFacts;
}

/** Per missing topic, `[spelling, links]` pairs: what its name is made from as links come and go. */
export type Spellings = [spelling: string, links: number][][];

/** What is kept with findings so that they can be patched. */
export interface FindingsCounts {
  /** For each note, how many other notes link to it. */
  linkedBy: number[];
  spellings: Spellings;
}

/** Over this many notes changed, added or removed, findings are made whole (a full check: on worker threads, with the parse cache) as quickly as patched. */
export const MOST_CHANGED = 200;

/** The last run's findings and what patching them needs. */
export interface KeptFindings extends Readonly<FindingsCounts> {
  findings: CheckFindings;
  /** The scan's own problems then (an unreadable folder, Obsidian's config). */
  scanProblems: readonly Problem[];
}

/** How many files there are now, and the scan's own problems now. */
export interface FilesNow {
  notes: number;
  attachments: number;
  scanProblems: readonly Problem[];
}

/** The counts kept with `findings`, made from every note's facts. */
export function countsKeptWith(notes: readonly NoteFacts[], findings: CheckFindings): FindingsCounts {
  const linkedBy = new Array<number>(notes.length).fill(0);
  const byKey = new Map<string, Map<string, number>>();
  for (const facts of notes) {
    for (const place of facts.linksTo) if (place < notes.length) linkedBy[place] = (linkedBy[place] ?? 0) + 1;
    for (const link of facts.notable) {
      if (link.resolved !== null) continue;
      const counts = byKey.get(lookupKey(link.target)) ?? new Map<string, number>();
      byKey.set(lookupKey(link.target), counts.set(link.target, (counts.get(link.target) ?? 0) + 1));
    }
  }
  return { linkedBy, spellings: findings.dangling.map((group) => [...(byKey.get(lookupKey(group.target)) ?? [])]) };
}

/** For each note, the notes with a link into it that has an anchor (`[[EC2#Pricing]]`): whose findings its headings and block ids decide. */
export function anchoredFromOf(notes: readonly NoteFacts[], placeOf: PlaceOf): number[][] {
  const lists = notes.map((): number[] => []);
  notes.forEach((facts, place) => {
    for (const to of anchoredTargets(facts, placeOf, notes.length)) lists[to]?.push(place);
  });
  return lists;
}

/** `anchoredFrom` after some notes were edited: their links with anchors taken out and put back. */
export function anchoredFromAfter(anchoredFrom: readonly (readonly number[])[], edited: readonly EditedNote[], placeOf: PlaceOf): number[][] {
  const next = anchoredFrom.map((list) => list as number[]);
  for (const { place, before, after } of edited) {
    for (const to of anchoredTargets(before, placeOf, next.length)) next[to] = (next[to] ?? []).filter((from) => from !== place);
    for (const to of anchoredTargets(after, placeOf, next.length)) next[to] = [...(next[to] ?? []), place].sort((a, b) => a - b);
  }
  return next;
}

/** The notes a note's links with anchors reach (itself included), once each. */
function anchoredTargets(facts: NoteFacts, placeOf: PlaceOf, notes: number): Set<number> {
  const targets = new Set<number>();
  for (const link of facts.notable) {
    const place = link.resolved === null || (link.heading === null && link.block === null) ? -1 : placeOf(link.resolved);
    if (place >= 0 && place < notes) targets.add(place);
  }
  return targets;
}

/** Where each path sits in scan order (notes, then attachments). */
export type PlaceOf = (path: VaultPath) => number;

/**
 * The findings after some notes were edited, made from the last ones without reading any other
 * note: the edited notes' own links, problems and link ends are taken out and put back as they
 * are now. `edited` must hold every note whose links resolve or check otherwise: those whose
 * text changed, those whose anchors into a note with other headings or block ids check otherwise,
 * and, when files came or went, the notes added and removed and those whose links find another
 * file now; `kept.linkedBy` and `placeOf` are by the places now. When a note's names changed, or
 * notes came or went (`namesChanged`), every missing topic's suggestion is asked of
 * `suggestionsFor` again. `now` counts the files now and holds the scan's problems now, which
 * take the place of the kept ones.
 */
export function patchFindings(kept: KeptFindings, edited: readonly EditedNote[], placeOf: PlaceOf, suggestionsFor: SuggestionsFor, namesChanged: boolean, now: FilesNow): FindingsCounts & { findings: CheckFindings } {
  const { findings } = kept;
  const paths = new Set(edited.map((note) => note.after.path));
  const bySource = (a: { source: VaultPath }, b: { source: VaultPath }) => placeOf(a.source) - placeOf(b.source);
  const newLinks = edited.flatMap((note) => note.after.notable);
  const { dangling, spellings } = patchDangling(kept, edited, placeOf, suggestionsFor, namesChanged);
  const { linkedBy, orphans, deadEnds } = patchLinkEnds(kept, edited, placeOf);
  const lists = {
    dangling,
    brokenAnchors: [...findings.brokenAnchors.filter((link) => !paths.has(link.source)), ...brokenAnchors({ links: newLinks })].sort(bySource),
    ambiguous: [...findings.ambiguous.filter((link) => !paths.has(link.source)), ...ambiguousLinks({ links: newLinks })].sort(bySource),
    orphans,
    deadEnds,
    problems: patchProblems(findings.problems, kept.scanProblems, now.scanProblems, edited),
  };
  const links = edited.reduce((sum, note) => sum + note.after.links - note.before.links, findings.stats.links);
  return { findings: findingsWithStats(lists, { notes: now.notes, attachments: now.attachments, links }), linkedBy, spellings };
}

interface Group {
  key: string;
  references: DanglingTarget["references"];
  spellings: Map<string, number>;
  suggestion: VaultPath | null;
  /** The name it was shown by; null for a new topic. */
  target: string | null;
}

/** Missing topics with the edited notes' links to them taken out and put back; a topic that gets another name (or every one, when names changed) has its suggestion asked again. */
function patchDangling(kept: KeptFindings, edited: readonly EditedNote[], placeOf: PlaceOf, suggestionsFor: SuggestionsFor, namesChanged: boolean): { dangling: DanglingTarget[]; spellings: Spellings } {
  const groups = new Map<string, Group>();
  kept.findings.dangling.forEach((group, i) => {
    const key = lookupKey(group.target);
    groups.set(key, { key, references: group.references, spellings: new Map(kept.spellings[i]), suggestion: group.suggestion, target: group.target });
  });
  const paths = new Set(edited.map((note) => note.after.path));
  const touched = new Set<Group>();
  const unresolved = (links: readonly FindingLink[]) => links.filter((link) => link.resolved === null);
  for (const link of edited.flatMap((note) => unresolved(note.before.notable))) {
    const group = groups.get(lookupKey(link.target));
    if (group === undefined) continue;
    group.spellings.set(link.target, (group.spellings.get(link.target) ?? 0) - 1);
    touched.add(group);
  }
  for (const group of touched) group.references = group.references.filter((ref) => !paths.has(ref.source));
  for (const link of edited.flatMap((note) => unresolved(note.after.notable))) {
    const key = lookupKey(link.target);
    const group = groups.get(key) ?? { key, references: [], spellings: new Map<string, number>(), suggestion: null, target: null };
    groups.set(key, group);
    group.references.push({ source: link.source, line: link.line, column: link.column, raw: link.raw });
    group.spellings.set(link.target, (group.spellings.get(link.target) ?? 0) + 1);
    touched.add(group);
  }
  const renamed: Group[] = [];
  for (const group of touched) {
    if (group.references.length === 0) {
      groups.delete(group.key);
      continue;
    }
    // Kept in note order, each note's links in their order: a stable sort by note.
    group.references = [...group.references].sort((a, b) => placeOf(a.source) - placeOf(b.source));
    for (const [spelling, count] of group.spellings) if (count <= 0) group.spellings.delete(spelling);
    const target = mostUsedSpelling(group.spellings);
    if (target !== group.target) renamed.push(Object.assign(group, { target }));
  }
  const asked = namesChanged ? [...groups.values()] : renamed;
  const suggest = asked.length > 0 ? suggestionsFor(asked.map((group) => group.target as string)) : undefined;
  for (const group of asked) group.suggestion = suggest?.(group.target as string) ?? null;
  const sorted = [...groups.values()].sort((a, b) => compareCodeUnits(a.key, b.key));
  return {
    dangling: sorted.map((group) => ({ target: group.target as string, references: group.references, suggestion: group.suggestion })),
    spellings: sorted.map((group) => [...group.spellings]),
  };
}

/**
 * Orphans and dead ends where an edited note's links changed them: the note itself, and the notes
 * it linked to before or links to now. Another note links out when it was no dead end.
 */
function patchLinkEnds(kept: KeptFindings, edited: readonly EditedNote[], placeOf: PlaceOf): { linkedBy: number[]; orphans: VaultPath[]; deadEnds: VaultPath[] } {
  const linkedBy = [...kept.linkedBy];
  const notes = linkedBy.length;
  const affected = new Set<number>();
  for (const { place, before, after } of edited) {
    for (const to of before.linksTo) if (to < notes) linkedBy[to] = (linkedBy[to] ?? 0) - 1;
    for (const to of after.linksTo) if (to < notes) linkedBy[to] = (linkedBy[to] ?? 0) + 1;
    for (const to of [place, ...before.linksTo, ...after.linksTo]) if (to >= 0 && to < notes) affected.add(to);
  }
  const orphans = new Set(kept.findings.orphans);
  const deadEnds = new Set(kept.findings.deadEnds);
  // A note removed is neither.
  for (const { place, after } of edited) if (place < 0) [orphans, deadEnds].forEach((set) => set.delete(after.path));
  const linksOut = new Map(edited.map((note) => [note.place, note.after.linksOut] as const));
  const pathAt = new Map<number, VaultPath>();
  for (const path of [...orphans, ...deadEnds, ...edited.map((note) => note.after.path)]) pathAt.set(placeOf(path), path);
  for (const place of affected) {
    // A note on neither list that was not edited links out: whatever links in, it stays off both.
    const path = pathAt.get(place);
    if (path === undefined) continue;
    const out = linksOut.get(place) ?? !deadEnds.has(path);
    setMember(deadEnds, path, !out);
    setMember(orphans, path, !out && linkedBy[place] === 0);
  }
  return { linkedBy, orphans: [...orphans].sort(compareCodeUnits), deadEnds: [...deadEnds].sort(compareCodeUnits) };
}

function setMember<T>(set: Set<T>, item: T, member: boolean): void {
  if (member) set.add(item);
  else set.delete(item);
}

/**
 * The scan's problems then and the edited notes' taken out, and the scan's now and the edited
 * notes' now put in, in the full check's order: by path and line, then the scan's before a
 * note's, each note's in the order found.
 */
function patchProblems(problems: readonly Problem[], scanBefore: readonly Problem[], scanNow: readonly Problem[], edited: readonly EditedNote[]): Problem[] {
  const paths = new Set<string>(edited.map((note) => note.after.path));
  // The scan's problems then, each taken out once: a note may have found one of the same path and text.
  const scanLeft = new Map<string, number>();
  for (const key of scanBefore.map(problemKey)) scanLeft.set(key, (scanLeft.get(key) ?? 0) + 1);
  const kept = problems.filter((problem) => {
    const key = problemKey(problem);
    const left = scanLeft.get(key) ?? 0;
    if (left > 0) scanLeft.set(key, left - 1);
    return left === 0 && !paths.has(problem.path);
  });
  return [...kept, ...scanNow, ...edited.flatMap((note) => note.after.problems)].sort(compareProblems);
}

function problemKey(problem: Problem): string {
  return JSON.stringify([problem.path, problem.line, problem.message]);
}
