import { readFile, realpath, stat } from "node:fs/promises";
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { join, sep } from "node:path";
import { NotegraphError } from "../errors.js";
import { compareCodeUnits, toVaultPath } from "../keys.js";
import type { FoundFile, Problem, ScanResult, VaultFile, VaultPath } from "../types.js";
import { anyRule, globRule, obsidianFilterRule, type IgnoreRule } from "./ignoreRules.js";

export interface ScanOptions {
  /** Globs of vault-relative paths to leave out, on top of Obsidian's own "Excluded files". Default: none. */
  ignore?: readonly string[];
}

/** Folders no vault wants in its graph, besides every dot-folder (`.obsidian`, `.git`, `.trash`). */
const SKIPPED_NAMES = new Set(["node_modules"]);

/** Walks a vault: every `.md` file is a note, any other file an attachment a link may point at. */
export async function scanVault(vault: string, options: ScanOptions = {}): Promise<ScanResult> {
  const root = await vaultRoot(vault);
  const problems: Problem[] = [];
  const ignored = await ignoreRule(root, options, problems);
  const { notes, attachments } = walk(root, ignored, problems);
  const byPath = (a: FoundFile, b: FoundFile) => compareCodeUnits(a.path, b.path);
  return { root, notes: notes.sort(byPath), attachments: attachments.sort(byPath), problems };
}

export async function ignoreRule(root: string, options: ScanOptions, problems: Problem[]): Promise<IgnoreRule> {
  const excluded = await readObsidianFilters(root, problems);
  return anyRule([obsidianFilterRule(excluded), globRule(options.ignore ?? [])]);
}

/** The config file whose "Excluded files" change what a scan finds. */
export const OBSIDIAN_CONFIG = ".obsidian/app.json";

export function isNotePath(path: string): boolean {
  return /\.md$/i.test(path);
}

async function vaultRoot(vault: string): Promise<string> {
  let info: Stats;
  try {
    info = await stat(vault);
  } catch {
    throw new NotegraphError(`${vault}: no such folder`);
  }
  if (!info.isDirectory()) throw new NotegraphError(`${vault}: not a folder (give the vault's folder)`);
  return realpath(vault);
}

async function readObsidianFilters(root: string, problems: Problem[]): Promise<string[]> {
  const configPath = OBSIDIAN_CONFIG;
  let text: string;
  try {
    text = await readFile(join(root, configPath), "utf8");
  } catch {
    return [];
  }
  try {
    const filters: unknown = (JSON.parse(text) as { userIgnoreFilters?: unknown }).userIgnoreFilters;
    if (filters === undefined) return [];
    if (Array.isArray(filters)) return filters.filter((f): f is string => typeof f === "string");
    problems.push({ path: configPath, message: "userIgnoreFilters is not a list; ignored" });
  } catch (error) {
    problems.push({ path: configPath, message: `not valid JSON (${(error as Error).message}); its excluded files are not applied` });
  }
  return [];
}

/** A file or folder name no scan enters: dot-files and dot-folders, and SKIPPED_NAMES. */
export function isSkippedName(name: string): boolean {
  return name.startsWith(".") || SKIPPED_NAMES.has(name);
}

/** Synchronous on purpose, as `inspect` is: awaiting each folder's listing cost more than the listing. */
function walk(root: string, ignored: IgnoreRule, problems: Problem[]): { notes: VaultFile[]; attachments: FoundFile[] } {
  const [notes, attachments]: [VaultFile[], FoundFile[]] = [[], []];
  const seenFolders = new Set<string>([root]);
  const pending: Folder[] = [{ absolute: root, path: "" }];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder.absolute, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: folder.path || ".", message: `folder cannot be read (${errorCode(error)})` });
      continue;
    }
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      // Paths are built by hand, not with path.relative: at 10,000 files that alone took 150 ms.
      const absolutePath = `${folder.absolute}${sep}${entry.name}`;
      const path = childPath(folder.path, entry.name);
      const found = inspect(root, absolutePath, path, entry);
      if ("problem" in found) {
        problems.push(found.problem);
      } else if (found.kind === "folder") {
        if (ignored(`${path}/`) || seenFolders.has(found.real)) continue;
        seenFolders.add(found.real);
        pending.push({ absolute: absolutePath, path });
      } else if (found.kind === "file" && !ignored(path)) {
        if (!isNotePath(path)) attachments.push({ path, absolutePath });
        else addNote(notes, problems, path, absolutePath, found.real);
      }
    }
  }
  return { notes, attachments };
}

/** A note with its size and time, which tell a cache whether it changed; a note that cannot be stat-ed is a problem instead. */
function addNote(notes: VaultFile[], problems: Problem[], path: VaultPath, absolutePath: string, real: string): void {
  try {
    const info = statSync(real);
    // A literal, not a spread of the found file: 10,000 spread objects cost a warm check 50 ms, in the scan and after it.
    notes.push({ path, absolutePath, size: info.size, mtimeMs: info.mtimeMs });
  } catch (error) {
    problems.push({ path, message: `cannot be read (${errorCode(error)})` });
  }
}

/** Printable ASCII but `\`: a name that needs no splitting or normalizing. */
const PLAIN_NAME = /^[\x20-\x5b\x5d-\x7e]*$/;

/** A folder's vault path joined with an entry's name; most names are plain, and toVaultPath cost 15 ms per 10,000. */
function childPath(folder: VaultPath | "", name: string): VaultPath {
  const joined = folder === "" ? name : `${folder}/${name}`;
  return PLAIN_NAME.test(name) ? (joined as VaultPath) : toVaultPath(joined);
}

interface Folder {
  absolute: string;
  /** Vault-relative; "" for the vault itself. */
  path: VaultPath | "";
}

type Entry = { kind: "folder" | "file" | "other"; real: string } | { problem: Problem };

/**
 * What an entry is, following a symlink only while it stays inside the vault. Anything else is
 * what the listing says, with no stat: at 10,000 files the stats were most of a scan (40 to 90 ms
 * of a warm check), and only notes need one. Synchronous on purpose: 10,000 stats take 40 ms this
 * way and 130 ms as promises (100,000: 0.5 s and 3 s).
 */
function inspect(root: string, absolutePath: string, path: VaultPath, entry: Dirent): Entry {
  // Anything but a symlink sits where the walk found it, inside the vault.
  if (!entry.isSymbolicLink()) return { kind: kindOf(entry), real: absolutePath };
  try {
    const real = realpathSync(absolutePath);
    if (real !== root && !real.startsWith(root + sep)) return { problem: { path, message: "symlink points outside the vault; not followed" } };
    return { kind: kindOf(statSync(real)), real };
  } catch (error) {
    return { problem: { path, message: `cannot be read (${errorCode(error)})` } };
  }
}

function kindOf(info: Dirent | Stats): "folder" | "file" | "other" {
  return info.isDirectory() ? "folder" : info.isFile() ? "file" : "other";
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? (error as Error).message;
}
