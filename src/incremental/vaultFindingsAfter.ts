import { vaultFindings, type CheckFindings } from "../analyze/checkReport.js";
import type { SuggestionsFor } from "../analyze/findings.js";
import { sameNames } from "../analyze/nearMiss.js";
import { sameFiles } from "../keys.js";
import { sameAnchors } from "../resolve/anchors.js";
import type { NoteRecord, Problem, Vault, VaultPath } from "../types.js";
import { noteFacts, type NoteFacts } from "./noteFacts.js";
import { countsKeptWith, patchFindings, type EditedNote, type FindingsCounts } from "./patchFindings.js";
import { MOST_CHANGED } from "./updateFindings.js";

/** A vault loaded before, with its findings. */
export interface FoundVault {
  vault: Vault;
  /** The scan's own problems: the first of the vault's. */
  scanProblems: readonly Problem[];
  findings: CheckFindings;
}

/** What patching a vault's findings needs besides them, kept for each findings object this module made or patched. */
const kept = new WeakMap<CheckFindings, FindingsCounts & { placeOf: ReadonlyMap<VaultPath, number> }>();

/** The findings of `now`, patched from `before`'s where `patchedVaultFindings` can, else made whole. */
export function vaultFindingsAfter(before: FoundVault | undefined, now: Omit<FoundVault, "findings">, suggestionsFor: SuggestionsFor): CheckFindings {
  return (before && patchedVaultFindings(before, now, suggestionsFor)) ?? vaultFindings(now.vault, suggestionsFor);
}

/**
 * The findings of a vault reloaded after some notes were edited (`serve`, between saves), made by
 * patching the earlier findings: only the notes whose records changed are looked at (and, when
 * one changed its title or aliases, every missing topic's suggestion is asked of `suggestionsFor`
 * again). Null when files came or went, the scan's problems changed, an edited note changed its
 * headings or block ids, or too many notes changed.
 */
export function patchedVaultFindings(before: FoundVault, now: Omit<FoundVault, "findings">, suggestionsFor: SuggestionsFor): CheckFindings | null {
  const { vault } = now;
  if (!sameFiles(before.vault, vault) || JSON.stringify(before.scanProblems) !== JSON.stringify(now.scanProblems)) return null;
  const places = vault.notes.flatMap((note, place) => (note === before.vault.notes[place] ? [] : [place]));
  if (places.length > MOST_CHANGED) return null;
  const pairs = places.map((place) => [before.vault.notes[place], vault.notes[place]] as [NoteRecord, NoteRecord]);
  if (pairs.some(([was, is]) => !sameAnchors(was, is))) return null;
  const counts = kept.get(before.findings) ?? countsOf(before);
  const factsBefore = factsAt(before.vault, places, counts.placeOf, before.scanProblems.length);
  const factsNow = factsAt(vault, places, counts.placeOf, now.scanProblems.length);
  const edited = places.map((place, i): EditedNote => ({ place, before: factsBefore[i] as NoteFacts, after: factsNow[i] as NoteFacts }));
  const { placeOf } = counts;
  const namesChanged = pairs.some(([was, is]) => !sameNames(was, is));
  const patched = patchFindings({ ...counts, findings: before.findings, scanProblems: now.scanProblems }, edited, (path) => placeOf.get(path) ?? -1, suggestionsFor, namesChanged);
  kept.set(patched.findings, { linkedBy: patched.linkedBy, spellings: patched.spellings, placeOf });
  return patched.findings;
}

/** Counts what patching `found`'s findings needs ahead of the first save that patches them (`serve`, when idle after start). */
export function prepareFindingsPatch(found: FoundVault): void {
  if (!kept.has(found.findings)) kept.set(found.findings, countsOf(found));
}

/** The counts of findings this module did not make: from every note's facts, once. */
function countsOf(found: FoundVault): FindingsCounts & { placeOf: ReadonlyMap<VaultPath, number> } {
  const { notes, attachments } = found.vault;
  const placeOf = new Map([...notes.map((note) => note.path), ...attachments].map((path, place) => [path, place] as const));
  const facts = factsAt(found.vault, notes.map((_note, place) => place), placeOf, null);
  return { ...countsKeptWith(facts, found.findings), placeOf };
}

/**
 * The facts of the notes at `places` (in order), their links found by counting each note's
 * before them; with their problems unless `scanProblems` (how many of the vault's come first from
 * its scan) is null.
 */
function factsAt(vault: Vault, places: readonly number[], placeOf: ReadonlyMap<VaultPath, number>, scanProblems: number | null): NoteFacts[] {
  const wanted = new Set(places);
  const problems = scanProblems === null ? [] : vault.problems.slice(scanProblems);
  const facts: NoteFacts[] = [];
  let first = 0;
  for (const [place, note] of vault.notes.entries()) {
    const end = first + note.links.length;
    if (wanted.has(place)) {
      const own = problems.filter((problem) => problem.path === note.path);
      facts.push(noteFacts({ size: 0, mtimeMs: 0 }, "", note, vault.links.slice(first, end), own, placeOf));
    }
    first = end;
  }
  return facts;
}
