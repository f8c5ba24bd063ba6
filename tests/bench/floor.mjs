// The floor notegraph is measured against: every note of a vault read and every [[...]] found by a
// regular expression, nothing parsed. Plain JavaScript, so that `node tests/bench/floor.mjs VAULT`
// is the floor as a whole command, Node's start included, as a user's `check` is timed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Reads every `.md` file below `vault` (dot-folders left out, as a scan does); the count of `[[...]]` found. */
export function floorScan(vault) {
  let found = 0;
  const pending = [vault];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.name.endsWith(".md")) found += readFileSync(path, "utf8").match(/\[\[[^\]\n]+\]\]/g)?.length ?? 0;
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(floorScan(process.argv[2] ?? "."));
