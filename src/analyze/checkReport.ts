import { compareCodeUnits } from "../keys.js";
import type { Heading, Problem, ResolvedLink, Vault, VaultPath } from "../types.js";
import { nearMissFinder } from "./nearMiss.js";
import {
  ambiguousLinks,
  brokenAnchors,
  danglingTargets,
  deadEnds,
  linkEnds,
  orphans,
  type AmbiguousLink,
  type BrokenAnchor,
  type DanglingTarget,
  type FindingLink,
  type LinkEnds,
  type SuggestionsFor,
} from "./findings.js";
import { wantedTopics, type WantedTopic } from "./wanted.js";

/** What `notegraph check` finds: the report without the vault's notes and links. */
export interface CheckFindings {
  stats: {
    notes: number;
    attachments: number;
    links: number;
    /** Distinct missing targets. */
    dangling: number;
    danglingLinks: number;
    brokenAnchors: number;
    ambiguous: number;
    orphans: number;
    problems: number;
  };
  dangling: DanglingTarget[];
  /** Missing topics by how many distinct notes link to them, most wanted first. */
  wanted: WantedTopic[];
  brokenAnchors: BrokenAnchor[];
  ambiguous: AmbiguousLink[];
  orphans: VaultPath[];
  deadEnds: VaultPath[];
  problems: Problem[];
}

/** The findings alone, without a whole report's notes and links. */
export function findingsPart(report: CheckFindings): CheckFindings {
  const { stats, dangling, wanted, brokenAnchors, ambiguous, orphans, deadEnds, problems } = report;
  return { stats, dangling, wanted, brokenAnchors, ambiguous, orphans, deadEnds, problems };
}

/** The `check --format json` contract that scripts rely on. */
export interface CheckReport extends CheckFindings {
  notes: { path: VaultPath; title: string; aliases: string[]; tags: string[]; headings: Heading[] }[];
  links: Pick<ResolvedLink, "source" | "target" | "heading" | "block" | "alias" | "kind" | "embed" | "line" | "column" | "resolved">[];
}

/** Everything the findings are made from. */
export interface FindingsSource {
  notes: readonly { path: VaultPath }[];
  /** Every link that can be a finding (unresolved, ambiguous, with an anchor); others may be left out, as `ends` counts them. */
  links: readonly FindingLink[];
  attachments: number;
  /** How many links the vault has, all told. */
  linkCount: number;
  ends: LinkEnds;
  /** Problems in the order they were found: the scan's, then each note's. */
  problems: readonly Problem[];
  /** The near-miss search for the missing targets. */
  suggestionsFor: SuggestionsFor;
}

/** Every finding of `notegraph check`, in a stable order; `suggestionsFor` defaults to a near-miss search of every note. */
export function checkReport(vault: Vault, suggestionsFor: SuggestionsFor = (targets) => nearMissFinder(vault.notes, targets)): CheckReport {
  const findings = vaultFindings(vault, suggestionsFor);
  // Spelled out so the JSON keys keep their documented order.
  return {
    stats: findings.stats,
    notes: vault.notes.map(({ path, title, aliases, tags, headings }) => ({ path, title, aliases, tags, headings })),
    links: vault.links.map(({ source, target, heading, block, alias, kind, embed, line, column, resolved }) => ({
      source, target, heading, block, alias, kind, embed, line, column, resolved,
    })),
    dangling: findings.dangling,
    wanted: findings.wanted,
    brokenAnchors: findings.brokenAnchors,
    ambiguous: findings.ambiguous,
    orphans: findings.orphans,
    deadEnds: findings.deadEnds,
    problems: findings.problems,
  };
}

/** The findings alone of a loaded vault: `checkReport` without copying every note and link into the report. */
export function vaultFindings(vault: Vault, suggestionsFor: SuggestionsFor = (targets) => nearMissFinder(vault.notes, targets)): CheckFindings {
  return checkFindings({
    notes: vault.notes,
    links: vault.links,
    attachments: vault.attachments.length,
    linkCount: vault.links.length,
    ends: linkEnds(vault.links),
    problems: vault.problems,
    suggestionsFor,
  });
}

/** The findings alone, from the links that can be findings and every note's link ends. */
export function checkFindings(source: FindingsSource): CheckFindings {
  return findingsWithStats(
    {
      dangling: danglingTargets(source.links, source.suggestionsFor),
      brokenAnchors: brokenAnchors(source),
      ambiguous: ambiguousLinks(source),
      orphans: orphans(source, source.ends),
      deadEnds: deadEnds(source, source.ends),
      problems: [...source.problems].sort(compareProblems),
    },
    { notes: source.notes.length, attachments: source.attachments, links: source.linkCount },
  );
}

/** The findings' lists, each in its order: the stats and the wanted topics follow from them. */
export type FindingLists = Omit<CheckFindings, "stats" | "wanted">;

/** The findings with their stats and wanted topics, given the lists and the vault's counts. */
export function findingsWithStats(lists: FindingLists, counts: Pick<CheckFindings["stats"], "notes" | "attachments" | "links">): CheckFindings {
  const { dangling, brokenAnchors, ambiguous, orphans, deadEnds, problems } = lists;
  return {
    stats: {
      notes: counts.notes,
      attachments: counts.attachments,
      links: counts.links,
      dangling: dangling.length,
      danglingLinks: dangling.reduce((sum, group) => sum + group.references.length, 0),
      brokenAnchors: brokenAnchors.length,
      ambiguous: ambiguous.length,
      orphans: orphans.length,
      problems: problems.length,
    },
    dangling,
    wanted: wantedTopics(dangling),
    brokenAnchors,
    ambiguous,
    orphans,
    deadEnds,
    problems,
  };
}

/** Problems by path, then line; a stable sort keeps the order they were found in otherwise. */
export function compareProblems(a: Problem, b: Problem): number {
  return compareCodeUnits(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0);
}
