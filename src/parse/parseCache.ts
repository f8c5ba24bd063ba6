import type { ParsedNote, VaultFile } from "../types.js";

/** Parsed notes kept between runs, so only notes that changed are parsed again. */
export interface ParseCache {
  get(file: VaultFile, keepText: boolean): ParsedNote | undefined;
  set(file: VaultFile, keepText: boolean, parsed: ParsedNote): void;
}

interface Entry {
  size: number;
  mtimeMs: number;
  keepText: boolean;
  parsed: ParsedNote;
}

/**
 * An in-memory cache keyed by path and trusted while the file's size and modification time
 * stay the same (what `serve` keeps between saves).
 */
export function memoryParseCache(): ParseCache {
  const entries = new Map<string, Entry>();
  return {
    get(file, keepText) {
      const entry = entries.get(file.path);
      const fresh = entry && entry.size === file.size && entry.mtimeMs === file.mtimeMs && entry.keepText === keepText;
      return fresh ? entry.parsed : undefined;
    },
    set(file, keepText, parsed) {
      entries.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, keepText, parsed });
    },
  };
}
