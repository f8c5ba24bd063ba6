import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { cacheOver, type CacheEntry, type ParseCache } from "./parseCache.js";

/** Bump when parsed records change shape: a cache of another format is never trusted. */
const FORMAT = 1;

export interface DiskParseCache extends ParseCache {
  /** Where the cache file lives. */
  file: string;
  /** Writes what this run parsed or reused (atomically); entries of vanished notes are dropped. */
  save(): Promise<void>;
}

interface CacheFile {
  tool: "notegraph";
  format: number;
  version: string;
  root: string;
  entries: Record<string, CacheEntry>;
}

/**
 * A parse cache kept outside the vault, in `$XDG_CACHE_HOME/notegraph` (or `~/.cache/notegraph`),
 * one file per vault keyed by the vault's real path, so a read-only vault works and git sees
 * nothing new. A cache from another notegraph version, or one that is corrupt, is ignored.
 */
export async function openDiskCache(vault: string, version: string, folder = defaultCacheFolder()): Promise<DiskParseCache> {
  const root = await realpath(vault).catch(() => vault);
  const file = join(folder, `${createHash("sha256").update(root).digest("hex").slice(0, 24)}.json`);
  const entries = new Map(Object.entries(await readCacheFile(file, root, version)));
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
      const kept = Object.fromEntries([...entries].filter(([path]) => touched.has(path)));
      const content: CacheFile = { tool: "notegraph", format: FORMAT, version, root, entries: kept };
      await writeAtomically(folder, file, JSON.stringify(content));
    },
  };
}

export function defaultCacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "notegraph");
}

async function readCacheFile(file: string, root: string, version: string): Promise<Record<string, CacheEntry>> {
  try {
    const data = JSON.parse(await readFile(file, "utf8")) as Partial<CacheFile>;
    const trusted = data.tool === "notegraph" && data.format === FORMAT && data.version === version && data.root === root;
    if (!trusted || !data.entries || typeof data.entries !== "object") return {};
    return Object.fromEntries(Object.entries(data.entries).filter(([, entry]) => wellFormed(entry)));
  } catch {
    return {};
  }
}

/** A cache that cannot be written only costs speed next time: failures are swallowed. */
async function writeAtomically(folder: string, file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, content);
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
