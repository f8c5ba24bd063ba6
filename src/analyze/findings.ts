import { compareCodeUnits, lookupKey, preferredSpelling } from "../keys.js";
import type { NoteRecord, ResolvedLink, VaultPath } from "../types.js";
import { nearMissFinder, type NearMissFinder } from "./nearMiss.js";

/** The names a note is known by, which near-miss suggestions search. */
export type NoteNames = Pick<NoteRecord, "path" | "title" | "aliases">;

/** What findings read of a link. */
export type FindingLink = Pick<ResolvedLink, "source" | "target" | "heading" | "block" | "line" | "column" | "raw" | "resolved" | "candidates" | "brokenAnchor">;

/**
 * What the findings read of a vault. `links` may leave out resolved links with no anchor and one
 * candidate (they are never findings), provided `ends` still counts them; a Vault gives all.
 */
export interface FindingsInput {
  notes: readonly NoteNames[];
  links: readonly FindingLink[];
}

type NotesAndLinks = { notes: readonly { path: VaultPath }[]; links: readonly Pick<ResolvedLink, "source" | "resolved">[] };

/** The notes with a link out, and the paths with a link in (links to themselves do not count). */
export interface LinkEnds {
  linking: ReadonlySet<VaultPath>;
  linked: ReadonlySet<VaultPath>;
}

/** Finds suggestions for the given missing targets, in one pass. */
export type SuggestionsFor = (targets: readonly string[]) => NearMissFinder;

export interface Reference {
  source: VaultPath;
  line: number;
  column: number;
  /** The link as written. */
  raw: string;
}

/** Links to one missing topic, grouped by its trimmed, case-folded, NFC name. */
export interface DanglingTarget {
  target: string;
  references: Reference[];
  /** The existing note the links most likely meant, or null. */
  suggestion: VaultPath | null;
}

export interface BrokenAnchor {
  source: VaultPath;
  raw: string;
  target: string;
  resolved: VaultPath;
  anchor: string;
  kind: "heading" | "block";
  line: number;
  column: number;
}

export interface AmbiguousLink {
  source: VaultPath;
  raw: string;
  target: string;
  line: number;
  column: number;
  candidates: VaultPath[];
  resolved: VaultPath;
}

/** Missing targets with every link to them, and the note each most likely meant (by default: looked up in one pass). */
export function danglingLinks(vault: FindingsInput, nearMiss?: NearMissFinder): DanglingTarget[] {
  return danglingTargets(vault.links, (targets) => nearMiss ?? nearMissFinder(vault.notes, targets));
}

/** `danglingLinks`, with the suggestions found by `suggestionsFor` given every missing target at once. */
export function danglingTargets(links: readonly FindingLink[], suggestionsFor: SuggestionsFor): DanglingTarget[] {
  const groups = new Map<string, FindingLink[]>();
  for (const link of links) {
    if (link.resolved !== null) continue;
    const key = lookupKey(link.target);
    const group = groups.get(key);
    if (group) group.push(link);
    else groups.set(key, [link]);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => compareCodeUnits(a, b));
  const targets = sorted.map(([, group]) => preferredSpelling(group.map((link) => link.target)));
  const suggest = suggestionsFor(targets);
  return sorted.map(([, group], i) => {
    const target = targets[i] as string;
    return { target, references: group.map(referenceOf), suggestion: suggest(target) };
  });
}

export function brokenAnchors(vault: Pick<FindingsInput, "links">): BrokenAnchor[] {
  return vault.links.flatMap((link) =>
    link.brokenAnchor === null || link.resolved === null
      ? []
      : [{
          source: link.source,
          raw: link.raw,
          target: link.target,
          resolved: link.resolved,
          anchor: (link.brokenAnchor === "block" ? link.block : link.heading) ?? "",
          kind: link.brokenAnchor,
          line: link.line,
          column: link.column,
        }],
  );
}

export function ambiguousLinks(vault: Pick<FindingsInput, "links">): AmbiguousLink[] {
  return vault.links.flatMap((link) =>
    link.candidates.length < 2 || link.resolved === null
      ? []
      : [{ source: link.source, raw: link.raw, target: link.target, line: link.line, column: link.column, candidates: link.candidates, resolved: link.resolved }],
  );
}

/** Notes with no links in or out (links to missing topics and attachments count; links to themselves do not). */
export function orphans(vault: NotesAndLinks, ends: LinkEnds = linkEnds(vault.links)): VaultPath[] {
  return vault.notes.map((note) => note.path).filter((path) => !ends.linking.has(path) && !ends.linked.has(path)).sort(compareCodeUnits);
}

/** Notes that link nowhere (though others may link to them). */
export function deadEnds(vault: NotesAndLinks, ends: LinkEnds = linkEnds(vault.links)): VaultPath[] {
  return vault.notes.map((note) => note.path).filter((path) => !ends.linking.has(path)).sort(compareCodeUnits);
}

/** The graph's edges, read from the links (no graph needed). */
export function linkEnds(links: readonly Pick<ResolvedLink, "source" | "resolved">[]): LinkEnds {
  const linking = new Set<VaultPath>();
  const linked = new Set<VaultPath>();
  for (const link of links) {
    if (link.resolved === link.source) continue;
    linking.add(link.source);
    if (link.resolved !== null) linked.add(link.resolved);
  }
  return { linking, linked };
}

function referenceOf(link: FindingLink): Reference {
  return { source: link.source, line: link.line, column: link.column, raw: link.raw };
}
