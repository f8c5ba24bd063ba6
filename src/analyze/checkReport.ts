import { compareCodeUnits } from "../keys.js";
import type { Heading, Problem, ResolvedLink, Vault, VaultPath } from "../types.js";
import { ambiguousLinks, brokenAnchors, danglingLinks, deadEnds, orphans, type AmbiguousLink, type BrokenAnchor, type DanglingTarget } from "./findings.js";
import { wantedTopics, type WantedTopic } from "./wanted.js";

/** The `check --format json` contract that scripts rely on. */
export interface CheckReport {
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
  notes: { path: VaultPath; title: string; aliases: string[]; tags: string[]; headings: Heading[] }[];
  links: Pick<ResolvedLink, "source" | "target" | "heading" | "block" | "alias" | "kind" | "embed" | "line" | "column" | "resolved">[];
  dangling: DanglingTarget[];
  /** Missing topics by how many distinct notes link to them, most wanted first. */
  wanted: WantedTopic[];
  brokenAnchors: BrokenAnchor[];
  ambiguous: AmbiguousLink[];
  orphans: VaultPath[];
  deadEnds: VaultPath[];
  problems: Problem[];
}

/** Every finding of `notegraph check`, in a stable order. */
export function checkReport(vault: Vault): CheckReport {
  const dangling = danglingLinks(vault);
  const anchors = brokenAnchors(vault);
  const ambiguous = ambiguousLinks(vault);
  const lonely = orphans(vault);
  const problems = [...vault.problems].sort((a, b) => compareCodeUnits(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));
  return {
    stats: {
      notes: vault.notes.length,
      attachments: vault.attachments.length,
      links: vault.links.length,
      dangling: dangling.length,
      danglingLinks: dangling.reduce((sum, group) => sum + group.references.length, 0),
      brokenAnchors: anchors.length,
      ambiguous: ambiguous.length,
      orphans: lonely.length,
      problems: problems.length,
    },
    notes: vault.notes.map(({ path, title, aliases, tags, headings }) => ({ path, title, aliases, tags, headings })),
    links: vault.links.map(({ source, target, heading, block, alias, kind, embed, line, column, resolved }) => ({
      source, target, heading, block, alias, kind, embed, line, column, resolved,
    })),
    dangling,
    wanted: wantedTopics(dangling),
    brokenAnchors: anchors,
    ambiguous,
    orphans: lonely,
    deadEnds: deadEnds(vault),
    problems,
  };
}
