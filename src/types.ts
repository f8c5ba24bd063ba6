/**
 * The records passed from stage to stage: scan -> parse -> resolve -> graph -> analyze -> emit.
 */

/** A vault-relative POSIX path in Unicode NFC, e.g. `Compute/EC2.md`. */
export type VaultPath = string & { readonly __brand: "VaultPath" };

/** A note-name lookup key: trimmed, NFC, case-folded (see `lookupKey`). */
export type LookupKey = string & { readonly __brand: "LookupKey" };

/** Something wrong with one file; the rest of the vault still goes through. */
export interface Problem {
  path: VaultPath | string;
  message: string;
  line?: number;
}

/** A file found by the scan. */
export interface FoundFile {
  path: VaultPath;
  absolutePath: string;
}

/** A note found by the scan, with what tells whether it changed since it was last read. */
export interface VaultFile extends FoundFile {
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  /** The vault folder as an absolute, real path. */
  root: string;
  notes: VaultFile[];
  /** Only their paths matter to a graph (a link finds them), so they are not stat-ed: a real vault may hold as many as it has notes. */
  attachments: FoundFile[];
  problems: Problem[];
}

export interface Heading {
  depth: number;
  text: string;
  line: number;
}

export type LinkKind = "wikilink" | "embed" | "markdown";

/** A link as written in a note, before resolution. */
export interface LinkRecord {
  /** The name as written, trimmed, without `#heading` / `#^block`; `""` for the note itself. */
  target: string;
  /** `Heading` or `Heading#Sub` for `[[Note#Heading#Sub]]`; null when absent. */
  heading: string | null;
  block: string | null;
  /** Display text: the part after `|`, or a Markdown link's text; null when absent. */
  alias: string | null;
  kind: LinkKind;
  embed: boolean;
  /** 1-based; columns in UTF-16 code units, pointing at `[` or the `!` of an embed. */
  line: number;
  column: number;
  /** The link's source text, as written. */
  raw: string;
  /** Markdown links only: the destination is a path, tried relative to the note's folder first. */
  pathLike?: boolean;
}

/** A parsed note. */
export interface NoteRecord {
  path: VaultPath;
  title: string;
  aliases: string[];
  tags: string[];
  headings: Heading[];
  blockIds: string[];
  links: LinkRecord[];
  words: number;
  /** Plain text outside code and links, kept only when asked for (unlinked mentions). */
  text?: TextSegment[];
}

/** A run of a note's plain text and where it starts. */
export interface TextSegment {
  value: string;
  line: number;
  column: number;
}

export interface ParsedNote {
  note: NoteRecord;
  problems: Problem[];
}

/** A link after resolution against the vault. */
export interface ResolvedLink extends LinkRecord {
  source: VaultPath;
  /** The note or attachment it points at, or null when nothing in the vault matches. */
  resolved: VaultPath | null;
  /** Every path that matched, when more than one did. */
  candidates: VaultPath[];
  /** Why the anchor fails, or null when there is none or it matches. */
  brokenAnchor: "heading" | "block" | null;
}

/** Everything known about a vault after scan, parse and resolve. */
export interface Vault {
  root: string;
  notes: NoteRecord[];
  attachments: VaultPath[];
  links: ResolvedLink[];
  problems: Problem[];
}
