import type { ParsedNote, VaultFile } from "../types.js";

/** Parsed notes kept between runs, so only notes that changed are parsed again. */
export interface ParseCache {
  /** A hit when the file's size and modification time are as cached. */
  get(file: VaultFile, keepText: boolean): ParsedNote | undefined;
  /** A hit when the content is as cached though its time changed (a checkout, a copy). */
  getByHash?(file: VaultFile, hash: string, keepText: boolean): ParsedNote | undefined;
  /** The content hash cached for this path, to compare with the file's. */
  hashOf?(file: VaultFile, keepText: boolean): string | null;
  set(file: VaultFile, keepText: boolean, parsed: ParsedNote, hash?: string): void;
}

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string | null;
  keepText: boolean;
  parsed: ParsedNote;
}

/** The lookups every cache shares, over a map of entries by vault path. */
export function cacheOver(entries: Map<string, CacheEntry>, touched?: Set<string>): ParseCache {
  const found = (path: string, test: (entry: CacheEntry) => boolean) => {
    const entry = entries.get(path);
    if (!entry || !test(entry)) return undefined;
    touched?.add(path);
    return entry.parsed;
  };
  return {
    get: (file, keepText) => found(file.path, (e) => e.size === file.size && e.mtimeMs === file.mtimeMs && e.keepText === keepText),
    getByHash: (file, hash, keepText) => found(file.path, (e) => e.hash === hash && e.keepText === keepText),
    hashOf: (file, keepText) => {
      const entry = entries.get(file.path);
      return entry && entry.keepText === keepText ? entry.hash : null;
    },
    set(file, keepText, parsed, hash) {
      entries.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, hash: hash ?? null, keepText, parsed });
      touched?.add(file.path);
    },
  };
}

/** An in-memory cache (what `serve` keeps between saves). */
export function memoryParseCache(): ParseCache {
  return cacheOver(new Map());
}
