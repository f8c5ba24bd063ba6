import { readFile } from "node:fs/promises";
import { cacheFileFor, defaultCacheFolder, parseJson, sameHeader, textLines, writeAtomically, type CacheHeader } from "../cacheFiles.js";
import type { ParsedNote, VaultFile } from "../types.js";
import { cacheOver, type CacheEntry, type ParseCache } from "./parseCache.js";

/** Bump when parsed records change shape: a cache of another format is never trusted. */
const FORMAT = 2;

export interface DiskParseCache extends ParseCache {
  /** Where the cache file lives. */
  file: string;
  /** Writes what this run parsed or reused (atomically); entries of vanished notes are dropped. */
  save(): Promise<void>;
}

/**
 * The file's first line is a CacheHeader; then one `[path, entry]` JSON line per note. Lines, not
 * one document: at 100,000 notes one JSON string of the whole cache (about 130 MB, twice in
 * UTF-16) took more memory than everything else a check holds.
 *
 * A parse cache kept outside the vault, in `$XDG_CACHE_HOME/notegraph` (or `~/.cache/notegraph`),
 * one file per vault keyed by the vault's real path, so a read-only vault works and git sees
 * nothing new. A cache from another notegraph version, or one that is corrupt, is ignored.
 */
export async function openDiskCache(vault: string, version: string, folder = defaultCacheFolder()): Promise<DiskParseCache> {
  const { root, file } = await cacheFileFor(vault, folder, ".json");
  const entries = await readCacheFile(file, { tool: "notegraph", format: FORMAT, version, root });
  const touched = new Set<string>();
  let changed = false;
  const lookups = cacheOver(entries, touched);
  return {
    ...lookups,
    file,
    set(noteFile, keepText, parsed, hash) {
      changed = true;
      lookups.set(noteFile, keepText, parsed, hash);
    },
    async save() {
      if (!changed && touched.size === entries.size) return;
      const header: CacheHeader = { tool: "notegraph", format: FORMAT, version, root };
      await writeAtomically(file, cacheLines(header, entries, touched));
    },
  };
}

/** The trusted entries of a cache file: none when its header is of another tool, format, version or vault. */
async function readCacheFile(file: string, expected: CacheHeader): Promise<Map<string, CacheEntry>> {
  const entries = new Map<string, CacheEntry>();
  try {
    let header = true;
    for (const line of textLines(await readFile(file))) {
      if (header && !sameHeader(parseJson(line), expected)) return new Map();
      const entry = header ? undefined : parseJson(line);
      header = false;
      if (Array.isArray(entry) && typeof entry[0] === "string" && wellFormed(entry[1])) entries.set(entry[0], entry[1]);
    }
    return entries;
  } catch {
    return new Map();
  }
}

function* cacheLines(header: CacheHeader, entries: ReadonlyMap<string, CacheEntry>, kept: ReadonlySet<string>): Generator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const [path, entry] of entries) if (kept.has(path)) yield `${JSON.stringify([path, entry])}\n`;
}

/** A parse cache's notes, each decoded only when asked for. */
export interface StoredParses {
  /** The note's parse (text not kept) and content hash, when the cache holds it at the file's size and time. */
  get(file: VaultFile): { parsed: ParsedNote; hash: string } | undefined;
}

/**
 * The notes a vault's parse cache holds, for a run that needs a few notes it did not change (a
 * check after files came or went, re-resolving the notes that link by their names): the file is
 * read and its lines found by path, but only the lines asked for are decoded, where opening the
 * cache decodes them all (10,000 notes: about 30 ms, reading the file most of it, against 130 ms;
 * 100,000 notes: 0.25 s). Empty when there is no cache or its header is of another tool, format,
 * version or vault.
 */
export async function storedParses(vault: string, version: string, folder: string): Promise<StoredParses> {
  const { root, file } = await cacheFileFor(vault, folder, ".json");
  const bytes = await readFile(file).catch(() => Buffer.alloc(0));
  const lines = linesByPath(bytes, { tool: "notegraph", format: FORMAT, version, root });
  return {
    get(note) {
      const [start, end] = lines.get(note.path) ?? [0, 0];
      const line = end > start ? parseJson(bytes.toString("utf8", start, end)) : undefined;
      const entry = Array.isArray(line) && line[0] === note.path && wellFormed(line[1]) ? line[1] : undefined;
      const current = entry && entry.size === note.size && entry.mtimeMs === note.mtimeMs && !entry.keepText && entry.hash !== null;
      return current ? { parsed: entry.parsed, hash: entry.hash as string } : undefined;
    },
  };
}

/** Where each note's `[path, entry]` line is, found from the path at its start without decoding the entry. */
function linesByPath(bytes: Buffer, expected: CacheHeader): Map<string, [number, number]> {
  const lines = new Map<string, [number, number]>();
  const headerEnd = bytes.indexOf(10);
  if (headerEnd === -1 || !sameHeader(parseJson(bytes.toString("utf8", 0, headerEnd)), expected)) return lines;
  for (let start = headerEnd + 1, end = bytes.indexOf(10, start); end !== -1; start = end + 1, end = bytes.indexOf(10, start)) {
    const path = pathAtStart(bytes, start, end);
    if (path !== undefined) lines.set(path, [start, end]);
  }
  return lines;
}

/** The path a line `["path",{...}]` starts with: the JSON string up to the first quote that no backslash escapes. */
function pathAtStart(bytes: Buffer, start: number, end: number): string | undefined {
  for (let quote = bytes.indexOf('",{', start + 2); quote !== -1 && quote < end; quote = bytes.indexOf('",{', quote + 1)) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === 0x5c) backslashes++;
    if (backslashes % 2 === 1) continue;
    const text = bytes.toString("utf8", start + 1, quote + 1);
    const path = text.includes("\\") ? parseJson(text) : text.slice(1, -1);
    return typeof path === "string" ? path : undefined;
  }
  return undefined;
}

/** Enough shape checking that a damaged entry is dropped rather than handed to the pipeline. */
function wellFormed(entry: unknown): entry is CacheEntry {
  const e = entry as Partial<CacheEntry> | null;
  const note = e?.parsed?.note;
  return (
    typeof e?.size === "number" &&
    typeof e.mtimeMs === "number" &&
    typeof e.keepText === "boolean" &&
    Array.isArray(e.parsed?.problems) &&
    typeof note?.path === "string" &&
    typeof note.title === "string" &&
    [note.links, note.headings, note.aliases, note.tags, note.blockIds].every(Array.isArray)
  );
}
