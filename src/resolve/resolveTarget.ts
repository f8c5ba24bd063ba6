import { posix } from "node:path";
import { baseName, compareCodeUnits, folderOf, lookupKey, stripMd } from "../keys.js";
import type { LinkRecord, VaultPath } from "../types.js";
import type { NameIndex } from "./nameIndex.js";

export interface TargetMatch {
  /** The chosen path, or null when nothing in the vault matches. */
  resolved: VaultPath | null;
  /** Every path that matched, sorted; more than one makes the link ambiguous. */
  candidates: VaultPath[];
}

const NONE: TargetMatch = { resolved: null, candidates: [] };

/** Finds what a link points at, by Obsidian's rules; never a path outside the vault. */
export function resolveTarget(link: Pick<LinkRecord, "target" | "pathLike">, source: VaultPath, index: NameIndex): TargetMatch {
  const target = link.target.normalize("NFC");
  if (target === "") return { resolved: source, candidates: [source] };
  const folder = folderOf(source);
  if (link.pathLike) return markdownTarget(target, folder, index);
  if (/^\.\.?\//.test(target)) return exactPath(inside(posix.join(folder, target)), index);
  if (target.startsWith("/")) return exactPath(inside(target.slice(1)), index);
  return byName(target, folder, index);
}

/** Markdown links: relative to the note's folder, then from the vault root, then by name. */
function markdownTarget(target: string, folder: string, index: NameIndex): TargetMatch {
  const relative = inside(posix.join(folder, target));
  if (relative === null) return NONE;
  const fromRoot = inside(target.replace(/^\/+/, ""));
  for (const path of [relative, fromRoot]) {
    const match = exactPath(path, index);
    if (match.resolved) return match;
  }
  return byName(target.replace(/^(\.\.?\/)+/, "").replace(/^\/+/, ""), folder, index);
}

/** `[[Name]]` by basename anywhere; `[[dir/Name]]` by path from the root, else by path ending. */
function byName(target: string, folder: string, index: NameIndex): TargetMatch {
  if (target.includes("/")) {
    const exact = exactPath(inside(target), index);
    if (exact.resolved) return exact;
  }
  const name = baseName(target);
  const suffix = target.includes("/") ? `/${lookupKey(target)}` : null;
  const keep = (path: VaultPath, key: string) => suffix === null || `/${lookupKey(key)}`.endsWith(suffix);
  const notes = (index.notesByName.get(lookupKey(stripMd(name))) ?? []).filter((p) => keep(p, stripMd(p)));
  if (notes.length > 0) return choose(notes, folder);
  const files = (index.attachmentsByName.get(lookupKey(name)) ?? []).filter((p) => keep(p, p));
  return files.length > 0 ? choose(files, folder) : NONE;
}

function exactPath(path: string | null, index: NameIndex): TargetMatch {
  if (path === null) return NONE;
  const note = index.notesByPath.get(lookupKey(stripMd(path)));
  const found = note ?? index.attachmentsByPath.get(lookupKey(path));
  return found ? { resolved: found, candidates: [found] } : NONE;
}

/** Two or more matches: the one in the linking note's folder, else the shortest path, else path order. */
function choose(paths: VaultPath[], folder: string): TargetMatch {
  const candidates = [...paths].sort(compareCodeUnits);
  const sameFolder = candidates.find((path) => folderOf(path) === folder);
  const shortest = [...candidates].sort((a, b) => a.length - b.length || compareCodeUnits(a, b))[0] ?? null;
  return { resolved: sameFolder ?? shortest, candidates };
}

/** A normalized vault-relative path, or null when it climbs out of the vault. */
function inside(path: string): string | null {
  const normal = posix.normalize(path);
  return normal === ".." || normal.startsWith("../") || posix.isAbsolute(normal) ? null : normal;
}
