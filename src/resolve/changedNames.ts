import { baseName, lookupKey, stripMd } from "../keys.js";
import { isNotePath } from "../scan/scanVault.js";
import type { VaultPath } from "../types.js";
import { attachmentNameKey, noteNameKey } from "./nameIndex.js";

/*
 * When files come or go, only links by their names can resolve otherwise: a link finds a file by
 * its name or a path ending in it. What both `check` (from its kept state) and `serve` (between
 * saves) use to find the few notes whose links must be resolved again.
 */

/** The name a link finds a file by, as the name index keys it: `Sub/EC2.md` -> `ec2`, `img/Map.png` -> `map.png`. */
export function fileKey(path: string): string {
  return isNotePath(path) ? noteNameKey(path) : attachmentNameKey(path);
}

/** The name keys of the files in one list and not the other: added or removed. */
export function changedFileKeys(before: readonly VaultPath[], after: readonly VaultPath[]): Set<string> {
  const was = new Set(before);
  const is = new Set(after);
  return new Set([...after.filter((path) => !was.has(path)), ...before.filter((path) => !is.has(path))].map(fileKey));
}

/** Whether a link's target may find a file by one of `keys`; a path climbing with `..` could end anywhere. */
export function foundByChangedName(target: string, keys: ReadonlySet<string>): boolean {
  if (/(^|\/)\.\.?(\/|$)/.test(target)) return true;
  const name = baseName(target.normalize("NFC"));
  return keys.has(lookupKey(stripMd(name))) || keys.has(lookupKey(name));
}

/**
 * Whether a note's links may resolve otherwise now that files named `keys` came or went: whether
 * one goes by such a name. A link finds a file by its name or a path ending in it (an ambiguous
 * link's candidates all answer to its name, and a link to its own note has an empty target), so
 * its name alone tells.
 */
export function linksMayResolveOtherwise(links: Iterable<{ target: string }>, keys: ReadonlySet<string>): boolean {
  if (keys.size === 0) return false;
  for (const link of links) if (foundByChangedName(link.target, keys)) return true;
  return false;
}
