import { compareCodeUnits, lookupKey, preferredSpelling } from "../keys.js";
import type { ResolvedLink, Vault, VaultPath } from "../types.js";
import { nearMissFinder, type NearMissFinder } from "./nearMiss.js";

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
export function danglingLinks(vault: Vault, nearMiss?: NearMissFinder): DanglingTarget[] {
  const groups = new Map<string, ResolvedLink[]>();
  for (const link of vault.links) {
    if (link.resolved !== null) continue;
    const key = lookupKey(link.target);
    const group = groups.get(key);
    if (group) group.push(link);
    else groups.set(key, [link]);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => compareCodeUnits(a, b));
  const targets = sorted.map(([, links]) => preferredSpelling(links.map((link) => link.target)));
  const suggest = nearMiss ?? nearMissFinder(vault.notes, targets);
  return sorted.map(([, links], i) => {
    const target = targets[i] as string;
    return { target, references: links.map(referenceOf), suggestion: suggest(target) };
  });
}

export function brokenAnchors(vault: Vault): BrokenAnchor[] {
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

export function ambiguousLinks(vault: Vault): AmbiguousLink[] {
  return vault.links.flatMap((link) =>
    link.candidates.length < 2 || link.resolved === null
      ? []
      : [{ source: link.source, raw: link.raw, target: link.target, line: link.line, column: link.column, candidates: link.candidates, resolved: link.resolved }],
  );
}

/** Notes with no links in or out (links to missing topics and attachments count; links to themselves do not). */
export function orphans(vault: Vault): VaultPath[] {
  const { linking, linked } = linkEnds(vault);
  return vault.notes.map((note) => note.path).filter((path) => !linking.has(path) && !linked.has(path)).sort(compareCodeUnits);
}

/** Notes that link nowhere (though others may link to them). */
export function deadEnds(vault: Vault): VaultPath[] {
  const { linking } = linkEnds(vault);
  return vault.notes.map((note) => note.path).filter((path) => !linking.has(path)).sort(compareCodeUnits);
}

/** The notes with a link out, and the paths with a link in: the graph's edges, read from the links (no graph needed). */
function linkEnds(vault: Vault): { linking: Set<VaultPath>; linked: Set<VaultPath> } {
  const linking = new Set<VaultPath>();
  const linked = new Set<VaultPath>();
  for (const link of vault.links) {
    if (link.resolved === link.source) continue;
    linking.add(link.source);
    if (link.resolved !== null) linked.add(link.resolved);
  }
  return { linking, linked };
}

function referenceOf(link: ResolvedLink): Reference {
  return { source: link.source, line: link.line, column: link.column, raw: link.raw };
}
