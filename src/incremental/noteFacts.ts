import type { FindingLink } from "../analyze/findings.js";
import type { Heading, NoteRecord, Problem, ResolvedLink, VaultFile, VaultPath } from "../types.js";
import type { PlaceIndex } from "./placeIndex.js";

/**
 * What a check keeps of a note between runs and reads on every run: enough to redo every
 * finding without parsing the note again.
 */
export interface NoteFacts {
  path: VaultPath;
  size: number;
  mtimeMs: number;
  /** How many links the note has. */
  links: number;
  /** Whether a link points anywhere but the note itself (a missing topic counts). */
  linksOut: boolean;
  /** What its links resolve to, itself left out, each once: places in the vault's paths (its notes in scan order, then its attachments). */
  linksTo: number[];
  /** Its links that can be findings: unresolved, ambiguous, or with an anchor. */
  notable: FindingLink[];
  problems: Problem[];
}

/**
 * What a check keeps of a note and reads only when needed: to tell whether its content changed,
 * to check anchors of links into it, and to search its names for a new missing topic.
 */
export interface NoteDetails {
  hash: string | null;
  title: string;
  aliases: string[];
  /** Their depth and text: what a link's `#Heading#Sub` is checked against. */
  headings: Pick<Heading, "depth" | "text">[];
  blockIds: string[];
}

/** Whether a resolved link can ever be a finding; the others only count as edges. */
export function isNotable(link: Pick<ResolvedLink, "resolved" | "candidates" | "heading" | "block">): boolean {
  return link.resolved === null || link.candidates.length > 1 || link.heading !== null || link.block !== null;
}

/** `hash` is null for a note that could not be read: its facts are then never taken as current, so it is read again next time. */
export function noteFacts(file: Pick<VaultFile, "size" | "mtimeMs">, hash: string | null, note: NoteRecord, links: readonly ResolvedLink[], problems: Problem[], placeOf: PlaceIndex): NoteFacts {
  const linksTo = new Set<number>();
  for (const link of links) {
    const place = link.resolved === null || link.resolved === note.path ? undefined : placeOf.get(link.resolved);
    if (place !== undefined) linksTo.add(place);
  }
  return {
    path: note.path,
    size: hash === null ? -1 : file.size,
    mtimeMs: file.mtimeMs,
    links: links.length,
    linksOut: links.some((link) => link.resolved !== note.path),
    linksTo: [...linksTo],
    // The resolved links themselves, not copies: at 100,000 notes copies cost memory a full check has little of.
    notable: links.filter(isNotable),
    problems,
  };
}

/** The facts of a note with no links and no problems: what a new note was before, and a removed one is after. */
export function withoutLinks(path: VaultPath): NoteFacts {
  return { path, size: 0, mtimeMs: 0, links: 0, linksOut: false, linksTo: [], notable: [], problems: [] };
}

export function noteDetails(note: NoteRecord, hash: string | null): NoteDetails {
  return { hash, title: note.title, aliases: note.aliases, headings: note.headings, blockIds: note.blockIds };
}
