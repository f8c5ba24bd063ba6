import { readFile } from "node:fs/promises";
import { cacheFileFor, defaultCacheFolder, parseJson, sameHeader, textLines, writeAtomically, type CacheHeader } from "../cacheFiles.js";
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
