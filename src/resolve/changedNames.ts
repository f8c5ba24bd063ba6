import { baseName, lookupKey, stripMd } from "../keys.js";
import { isNotePath } from "../scan/scanVault.js";
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

/** Whether a link's target may find a file by one of `keys`; a path climbing with `..` could end anywhere. */
function foundByChangedName(target: string, keys: ReadonlySet<string>): boolean {
  if (/(^|\/)\.\.?(\/|$)/.test(target)) return true;
  const name = baseName(target.normalize("NFC"));
  return keys.has(lookupKey(stripMd(name))) || keys.has(lookupKey(name));
}

/**
 * A test of whether a link may find another file now that files named `keys` came or went: whether
 * it goes by such a name. A link finds a file by its name or a path ending in it (an ambiguous
 * link's candidates all answer to its name, and a link to its own note has an empty target), so its
 * name alone tells. Each target is looked at once, however many links use it.
 */
export function changedNameTest(keys: ReadonlySet<string>): (target: string) => boolean {
  const seen = new Map<string, boolean>();
  return (target) => {
    if (keys.size === 0) return false;
    let found = seen.get(target);
    if (found === undefined) seen.set(target, (found = foundByChangedName(target, keys)));
    return found;
  };
}
