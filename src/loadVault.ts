import type { ParseCache } from "./parse/parseCache.js";
import { readNotes, type ReadOptions } from "./parse/readNotes.js";
import { resolveLinks, resolveLinksAgain } from "./resolve/resolveLinks.js";
import { scanVault, type ScanOptions } from "./scan/scanVault.js";
import type { ScanResult, Vault } from "./types.js";

export interface LoadOptions extends ScanOptions, ReadOptions {
  /** Parsed notes from an earlier load; unchanged notes are not parsed again. Default: none. */
  cache?: ParseCache;
  /** The vault as an earlier load with the same cache gave it: links of unchanged notes are not resolved again. Default: none. */
  previous?: Vault;
}

/** Scan, parse and resolve: a vault folder to its notes and resolved links. */
export async function loadVault(folder: string, options: LoadOptions = {}): Promise<Vault> {
  return loadScanned(await scanVault(folder, options), options);
}

/** Parse and resolve what a scan found. The problems are the scan's, then each note's in turn. */
export async function loadScanned(scan: ScanResult, options: LoadOptions = {}): Promise<Vault> {
  const { notes, problems } = await readNotes(scan.notes, options, options.cache);
  const attachments = scan.attachments.map((file) => file.path);
  const links = options.previous ? resolveLinksAgain(options.previous, notes, attachments) : resolveLinks(notes, attachments);
  return { root: scan.root, notes, attachments, links, problems: [...scan.problems, ...problems] };
}
