import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, realpath, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { inBatches } from "./pieces.js";

/** What the first line of every cache file says; a file whose header differs is never trusted. */
export interface CacheHeader {
  tool: "notegraph";
  format: number;
  version: string;
  /** The vault's real path. */
  root: string;
}

/** `$XDG_CACHE_HOME/notegraph`, or `~/.cache/notegraph`. */
export function defaultCacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "notegraph");
}

/** The vault's real path, and its cache file of this kind (one per vault, keyed by that path). */
export async function cacheFileFor(vault: string, folder: string, suffix: string): Promise<{ root: string; file: string }> {
  const root = await realpath(vault).catch(() => vault);
  return { root, file: join(folder, `${createHash("sha256").update(root).digest("hex").slice(0, 24)}${suffix}`) };
}

export function sameHeader(found: unknown, expected: CacheHeader): boolean {
  const header = found as Partial<CacheHeader> | null | undefined;
  return header?.tool === expected.tool && header.format === expected.format && header.version === expected.version && header.root === expected.root;
}

/** The file's lines, decoded one at a time: no string of the whole file is ever made. */
export function* textLines(bytes: Buffer): Generator<string> {
  let start = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
    yield bytes.toString("utf8", start, end);
    start = end + 1;
  }
  if (start < bytes.length) yield bytes.toString("utf8", start);
}

export function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Written a megabyte at a time to a temporary file renamed into place; a failure (a short write too) only costs speed next time. */
export async function writeAtomically(file: string, lines: Iterable<string | Uint8Array>): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await mkdir(join(file, ".."), { recursive: true });
    const handle = await open(temporary, "w");
    try {
      for (const batch of inBatches(lines)) {
        const { bytesWritten } = await handle.writev(batch);
        if (bytesWritten !== batch.reduce((sum, piece) => sum + piece.length, 0)) throw new Error(`${temporary}: short write`);
      }
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true });
  }
}
