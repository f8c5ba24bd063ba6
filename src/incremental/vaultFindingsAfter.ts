import { vaultFindings, type CheckFindings } from "../analyze/checkReport.js";
import type { SuggestionsFor } from "../analyze/findings.js";
import { sameNames } from "../analyze/nearMiss.js";
import { sameFiles } from "../keys.js";
import { changedNotes, noteMoves, type NoteMoves } from "../noteMoves.js";
import { sameAnchors } from "../resolve/anchors.js";
import type { NoteRecord, Problem, Vault, VaultPath } from "../types.js";
import { noteFacts, withoutLinks, type NoteFacts } from "./noteFacts.js";
import { countsKeptWith, MOST_CHANGED, patchFindings, type EditedNote, type FindingsCounts } from "./patchFindings.js";
import type { PlaceIndex } from "./placeIndex.js";

/** A vault loaded before, with its findings. */
export interface FoundVault {
  vault: Vault;
  /** The scan's own problems: the first of the vault's. */
  scanProblems: readonly Problem[];
  findings: CheckFindings;
}

/** What patching a vault's findings needs besides them, kept for each findings object this module made or patched. */
const kept = new WeakMap<CheckFindings, FindingsCounts & { placeOf: PlaceIndex }>();

/** The findings of `now`, patched from `before`'s where `patchedVaultFindings` can, else made whole. */
export function vaultFindingsAfter(before: FoundVault | undefined, now: Omit<FoundVault, "findings">, suggestionsFor: SuggestionsFor): CheckFindings {
  return (before && patchedVaultFindings(before, now, suggestionsFor)) ?? vaultFindings(now.vault, suggestionsFor);
}

/**
 * The findings of a vault reloaded after a save (`serve`, between saves), made by patching the
 * earlier findings: only the notes whose records or links changed (`changedNotes`), and the notes
 * added or removed, are looked at; when one changed its title or aliases, or notes came or went,
 * every missing topic's suggestion is asked of `suggestionsFor` again; the scan's own problems
 * are replaced. Null when a note there before changed its headings or block ids (links into it
 * check otherwise), or too many notes changed.
 */
export function patchedVaultFindings(before: FoundVault, now: Omit<FoundVault, "findings">, suggestionsFor: SuggestionsFor): CheckFindings | null {
  const { vault } = now;
  const moves = noteMoves(before.vault.notes, vault.notes);
  const changed = changedNotes(before.vault, vault);
  if (changed.size + moves.removed.length > MOST_CHANGED) return null;
  const places = vault.notes.flatMap((note, place) => (changed.has(note.path) ? [place] : []));
  const earlier = (place: number) => before.vault.notes[moves.oldPlace[place] ?? -1];
  const pairs = places.flatMap((place) => (earlier(place) ? [[earlier(place), vault.notes[place]] as [NoteRecord, NoteRecord]] : []));
  if (pairs.some(([was, is]) => !sameAnchors(was, is))) return null;
  const counts = kept.get(before.findings) ?? countsOf(before);
  const same = sameFiles(before.vault, vault);
  // Places are those of now: the counts kept by the earlier places are carried over.
  const placeOf = same ? counts.placeOf : placesOf(vault);
  const linkedBy = same ? counts.linkedBy : Array.from(vault.notes, (_note, place) => counts.linkedBy[moves.oldPlace[place] ?? -1] ?? 0);
  const edited = editedSince(before, now, places, moves, placeOf);
  const namesChanged = !moves.same || pairs.some(([was, is]) => !sameNames(was, is));
  const files = { notes: vault.notes.length, attachments: vault.attachments.length, scanProblems: now.scanProblems };
  const patched = patchFindings({ linkedBy, spellings: counts.spellings, findings: before.findings, scanProblems: before.scanProblems }, edited, (path) => placeOf.get(path) ?? -1, suggestionsFor, namesChanged, files);
  kept.set(patched.findings, { linkedBy: patched.linkedBy, spellings: patched.spellings, placeOf });
  return patched.findings;
}

/** The notes at `places` now, with their facts before and now (a new note had no links), and the notes removed (left with none). */
function editedSince(before: FoundVault, now: Omit<FoundVault, "findings">, places: readonly number[], moves: NoteMoves, placeOf: PlaceIndex): EditedNote[] {
  const oldPlaces = places.map((place) => moves.oldPlace[place] ?? -1).filter((old) => old !== -1);
  const factsBefore = factsAt(before.vault, [...oldPlaces, ...moves.removedPlaces], placeOf, before.scanProblems.length);
  const factsNow = factsAt(now.vault, places, placeOf, now.scanProblems.length);
  const beforeOf = new Map(factsBefore.map((facts) => [facts.path, facts] as const));
  return [
    ...places.map((place, i): EditedNote => {
      const after = factsNow[i] as NoteFacts;
      return { place, before: beforeOf.get(after.path) ?? withoutLinks(after.path), after };
    }),
    ...moves.removed.map((path): EditedNote => ({ place: -1, before: beforeOf.get(path) as NoteFacts, after: withoutLinks(path) })),
  ];
}

function placesOf(vault: Vault): Map<VaultPath, number> {
  return new Map([...vault.notes.map((note) => note.path), ...vault.attachments].map((path, place) => [path, place] as const));
}

/** Counts what patching `found`'s findings needs ahead of the first save that patches them (`serve`, when idle after start). */
export function prepareFindingsPatch(found: FoundVault): void {
  if (!kept.has(found.findings)) kept.set(found.findings, countsOf(found));
}

/** The counts of findings this module did not make: from every note's facts, once. */
function countsOf(found: FoundVault): FindingsCounts & { placeOf: PlaceIndex } {
  const placeOf = placesOf(found.vault);
  const facts = factsAt(found.vault, found.vault.notes.map((_note, place) => place), placeOf, null);
  return { ...countsKeptWith(facts, found.findings), placeOf };
}

/**
 * The facts of the notes at `places` (in order), their links found by counting each note's
 * before them; with their problems unless `scanProblems` (how many of the vault's come first from
 * its scan) is null.
 */
function factsAt(vault: Vault, places: readonly number[], placeOf: PlaceIndex, scanProblems: number | null): NoteFacts[] {
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
