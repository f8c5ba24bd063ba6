import { lstatSync } from "node:fs";
import { sep } from "node:path";
import { compareCodeUnits, folderOf, toVaultPath } from "../keys.js";
import type { FoundFile, Problem, ScanResult, VaultFile } from "../types.js";
import { ignoreRule, isNotePath, isSkippedName, OBSIDIAN_CONFIG, type ScanOptions } from "./scanVault.js";

/**
 * An earlier scan brought up to date by looking only at the given paths (`serve`: the names the
 * file watcher reported), not the whole folder: a file changed, added or removed is handled; null
 * when a path is anything else (a folder, a symlink, a file the scan could not read, a folder it
 * never listed, or the Obsidian config), and then only a full scan will do.
 */
export async function rescanVault(previous: ScanResult, changed: Iterable<string>, options: ScanOptions = {}): Promise<ScanResult | null> {
  const paths = [...new Set([...changed].map(toVaultPath))];
  if (paths.some((path) => path === OBSIDIAN_CONFIG)) return null;
  const files = new Map<string, VaultFile | FoundFile>([...previous.notes, ...previous.attachments].map((file) => [file.path, file]));
  // Every folder the scan listed by these very paths (ancestors too): a file anywhere else came
  // through a symlink or a new folder, and a path among them is a folder, not a file.
  const folders = new Set([""]);
  for (const path of files.keys()) for (let folder = folderOf(path); folder !== "" && !folders.has(folder); folder = folderOf(folder)) folders.add(folder);
  const unreadable = new Set(previous.problems.map((problem) => problem.path));
  const ignored = await ignoreRule(previous.root, options, []);
  const leftOut = (path: string) => path.split("/").some(isSkippedName) || ignored(path) || ancestors(path).some((folder) => ignored(`${folder}/`));
  for (const path of paths) {
    if (leftOut(path)) continue;
    if (unreadable.has(path) || folders.has(path) || !folders.has(folderOf(path))) return null;
    const absolutePath = `${previous.root}${sep}${path.split("/").join(sep)}`;
    const found = inspectFile(absolutePath);
    if (found === "other") return null;
    if (found === "gone") files.delete(path);
    else files.set(path, isNotePath(path) ? { path, absolutePath, size: found.size, mtimeMs: found.mtimeMs } : { path, absolutePath });
  }
  const all = [...files.values()];
  const sorted = <T extends FoundFile>(list: T[]) => list.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { root: previous.root, notes: sorted(all.filter(isNote)), attachments: sorted(all.filter((f) => !isNotePath(f.path))), problems: previous.problems };
}

/** `a/b/c.md` -> `a`, `a/b`. */
function ancestors(path: string): string[] {
  const parts = path.split("/").slice(0, -1);
  return parts.map((_part, i) => parts.slice(0, i + 1).join("/"));
}

/** A plain file's size and time, "gone", or "other" for a folder, a symlink or an error. */
function inspectFile(absolutePath: string): { size: number; mtimeMs: number } | "gone" | "other" {
  try {
    const info = lstatSync(absolutePath);
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : "other";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : "other";
  }
}

function isNote(file: VaultFile | FoundFile): file is VaultFile {
  return isNotePath(file.path);
}

/** Whether two scans found the same files, the notes with the same sizes and times. */
export function sameScan(a: ScanResult, b: ScanResult): boolean {
  const samePaths = (x: readonly FoundFile[], y: readonly FoundFile[]) => x.length === y.length && x.every((file, i) => file.path === y[i]?.path);
  const sameTimes = (x: readonly VaultFile[], y: readonly VaultFile[]) => x.every((file, i) => file.size === y[i]?.size && file.mtimeMs === y[i]?.mtimeMs);
  return samePaths(a.notes, b.notes) && sameTimes(a.notes, b.notes) && samePaths(a.attachments, b.attachments) && sameProblems(a.problems, b.problems);
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && a.every((problem, i) => problem.path === b[i]?.path && problem.message === b[i]?.message);
}
