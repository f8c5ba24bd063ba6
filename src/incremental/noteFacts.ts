import type { FindingLink, SuggestionsFor } from "../analyze/findings.js";
import type { FindingsSource } from "../analyze/checkReport.js";
import type { Heading, NoteRecord, Problem, ResolvedLink, VaultFile, VaultPath } from "../types.js";

/** A link that can be a finding, kept without its source (the note it is kept under). */
export type NotableLink = Omit<FindingLink, "source">;

/**
 * What a check keeps of a note between runs: enough to redo every finding, and to resolve other
 * notes' links into it, without parsing it again.
 */
export interface NoteFacts {
  path: VaultPath;
  size: number;
  mtimeMs: number;
  hash: string | null;
  title: string;
  aliases: string[];
  /** Their depth and text: what a link's `#Heading#Sub` is checked against. */
  headings: Pick<Heading, "depth" | "text">[];
  blockIds: string[];
  /** How many links the note has. */
  links: number;
  /** Whether a link points anywhere but the note itself (a missing topic counts). */
  linksOut: boolean;
  /** What its links resolve to, itself left out, each once. */
  linksTo: VaultPath[];
  /** Its links that can be findings: unresolved, ambiguous, or with an anchor. */
  notable: NotableLink[];
  problems: Problem[];
}

/** Whether a resolved link can ever be a finding; the others only count as edges. */
export function isNotable(link: Pick<ResolvedLink, "resolved" | "candidates" | "heading" | "block">): boolean {
  return link.resolved === null || link.candidates.length > 1 || link.heading !== null || link.block !== null;
}

export function noteFacts(file: Pick<VaultFile, "size" | "mtimeMs">, hash: string | null, note: NoteRecord, links: readonly ResolvedLink[], problems: Problem[]): NoteFacts {
  const linksTo = new Set<VaultPath>();
  for (const link of links) if (link.resolved !== null && link.resolved !== note.path) linksTo.add(link.resolved);
  return {
    path: note.path,
    size: file.size,
    mtimeMs: file.mtimeMs,
    hash,
    title: note.title,
    aliases: note.aliases,
    headings: note.headings.map(({ depth, text }) => ({ depth, text })),
    blockIds: note.blockIds,
    links: links.length,
    linksOut: links.some((link) => link.resolved !== note.path),
    linksTo: [...linksTo],
    notable: links.filter(isNotable).map(notableLink),
    problems,
  };
}

function notableLink(link: ResolvedLink): NotableLink {
  const { target, heading, block, line, column, raw, resolved, candidates, brokenAnchor } = link;
  return { target, heading, block, line, column, raw, resolved, candidates, brokenAnchor };
}

/** The findings' input from every note's facts: the same findings a full check makes. */
export function findingsSourceOf(notes: readonly NoteFacts[], attachments: number, scanProblems: readonly Problem[], suggestionsFor?: SuggestionsFor): FindingsSource {
  const linking = new Set<VaultPath>();
  const linked = new Set<VaultPath>();
  const links: FindingLink[] = [];
  let linkCount = 0;
  for (const note of notes) {
    linkCount += note.links;
    if (note.linksOut) linking.add(note.path);
    for (const path of note.linksTo) linked.add(path);
    for (const link of note.notable) links.push({ ...link, source: note.path });
  }
  return {
    notes,
    links,
    attachments,
    linkCount,
    ends: { linking, linked },
    problems: [...scanProblems, ...notes.flatMap((note) => note.problems)],
    ...(suggestionsFor ? { suggestionsFor } : {}),
  };
}
