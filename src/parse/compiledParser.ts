import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type { parseNote as ParseNote } from "./parseNote.js";

/** The Markdown parser as one CommonJS bundle beside the CLI's (see `build:cli`). */
const BUNDLE = "markdown.cjs";
/** Another version's code cache not written for this long goes when a new one is kept: that version is likely gone. */
const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * The CLI's Markdown parser, compiled with V8's code cache when one was kept in `cacheFolder`:
 * a run that parses a single changed note spends most of that on compiling remark's code, and the
 * cache halves it. Null when there is no bundle (running from source, or the library's build):
 * then the parser is imported as usual. The cache file starts with the SHA-256 of the bundle it
 * was made from and of its own data: V8 checks its version and flags, but of the source only the
 * length, and not its data at all, so another bundle's cache or a damaged one is never handed to
 * it. A refused or missing cache is made after the first parse and written atomically, and a
 * failure to write it only costs the next run its speed.
 */
export function compiledParser(cacheFolder: string | null, version: string): typeof ParseNote | null {
  const bundle = join(dirname(fileURLToPath(import.meta.url)), BUNDLE);
  let source: string;
  try {
    source = readFileSync(bundle, "utf8");
  } catch {
    return null;
  }
  const cacheFile = cacheFolder === null ? null : join(cacheFolder, `${BUNDLE}-${version}-${process.version}-${process.arch}.v8`);
  const sourceHash = createHash("sha256").update(source).digest();
  const cachedData = cacheFile === null ? undefined : checkedCache(cacheFile, sourceHash);
  // Wrapped as Node wraps a CommonJS module, so the bundle runs as it would if required.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as { parseNote?: typeof ParseNote } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const parseNote = module.exports.parseNote;
  if (typeof parseNote !== "function") return null;
  if (cacheFile === null || (cachedData && !script.cachedDataRejected)) return parseNote;
  let kept = false;
  return (...args) => {
    const parsed = parseNote(...args);
    // After a parse, the cache holds the functions it compiled too, not only the bundle's top level.
    if (!kept) kept = keepCache(cacheFile, sourceHash, script.createCachedData());
    return parsed;
  };
}

/** The cached code, when the file was made from this bundle and is whole: it starts with the SHA-256 of the bundle, then of the rest. */
function checkedCache(file: string, sourceHash: Buffer): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    const data = bytes.subarray(64);
    const whole = bytes.length > 64 && bytes.subarray(0, 32).equals(sourceHash) && createHash("sha256").update(data).digest().equals(bytes.subarray(32, 64));
    return whole ? data : undefined;
  } catch {
    return undefined;
  }
}

function keepCache(file: string, sourceHash: Buffer, data: Buffer): true {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([sourceHash, createHash("sha256").update(data).digest(), data]));
    renameSync(temporary, file);
    removeStale(file);
  } catch {
    rmSync(temporary, { force: true });
  }
  return true;
}

/**
 * The code caches of other notegraph or Node versions beside `kept`, unwritten for a month: an
 * upgrade would otherwise leave one behind each time (about 0.4 MB). One still in use is only
 * made again, once.
 */
function removeStale(kept: string): void {
  const folder = dirname(kept);
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (!name.startsWith(`${BUNDLE}-`) || !name.endsWith(".v8") || file === kept) continue;
    try {
      if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Gone already, or another run's: it stays for the next.
    }
  }
}
