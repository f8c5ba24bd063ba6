import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, realpath, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { inPieces } from "../pieces.js";
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
 * The file's first line; then one `[path, entry]` JSON line per note. Lines, not one document:
 * at 100,000 notes one JSON string of the whole cache (about 130 MB, twice in UTF-16) took more
 * memory than everything else a check holds.
 */
interface CacheHeader {
  tool: "notegraph";
  format: number;
  version: string;
  root: string;
}

/**
 * A parse cache kept outside the vault, in `$XDG_CACHE_HOME/notegraph` (or `~/.cache/notegraph`),
 * one file per vault keyed by the vault's real path, so a read-only vault works and git sees
 * nothing new. A cache from another notegraph version, or one that is corrupt, is ignored.
 */
export async function openDiskCache(vault: string, version: string, folder = defaultCacheFolder()): Promise<DiskParseCache> {
  const root = await realpath(vault).catch(() => vault);
  const file = join(folder, `${createHash("sha256").update(root).digest("hex").slice(0, 24)}.json`);
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
      await writeAtomically(folder, file, cacheLines(header, entries, touched));
    },
  };
}

export function defaultCacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "notegraph");
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

/** The file's lines, decoded one at a time: no string of the whole file is ever made. */
function* textLines(bytes: Buffer): Generator<string> {
  let start = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
    yield bytes.toString("utf8", start, end);
    start = end + 1;
  }
  if (start < bytes.length) yield bytes.toString("utf8", start);
}

function* cacheLines(header: CacheHeader, entries: ReadonlyMap<string, CacheEntry>, kept: ReadonlySet<string>): Generator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const [path, entry] of entries) if (kept.has(path)) yield `${JSON.stringify([path, entry])}\n`;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function sameHeader(found: unknown, expected: CacheHeader): boolean {
  const header = found as Partial<CacheHeader> | null | undefined;
  return header?.tool === expected.tool && header.format === expected.format && header.version === expected.version && header.root === expected.root;
}

/** Written a megabyte at a time to a temporary file renamed into place; a failure only costs speed next time. */
async function writeAtomically(folder: string, file: string, lines: Iterable<string>): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(temporary, "w");
    try {
      for (const piece of inPieces(lines)) await handle.write(piece);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true });
  }
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
