import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadVault } from "../../src/loadVault.js";
import { memoryParseCache, type ParseCache } from "../../src/parse/parseCache.js";
import { makeVault } from "../helpers/vault.js";

/** The memory cache, counting how many notes had to be parsed. */
function countingCache(): ParseCache & { misses: number } {
  const inner = memoryParseCache();
  const cache = {
    misses: 0,
    get: (...args: Parameters<ParseCache["get"]>) => {
      const hit = inner.get(...args);
      if (!hit) cache.misses++;
      return hit;
    },
    set: inner.set,
  };
  return cache;
}

describe("memoryParseCache", () => {
  it("parses only the notes that changed, with the same result as no cache", async () => {
    const root = makeVault({ "A.md": "[[B]]", "B.md": "# B", "C.md": "[[A]]" });
    const cache = countingCache();
    const first = await loadVault(root, { cache });
    expect(cache.misses).toBe(3);
    const again = await loadVault(root, { cache });
    expect(cache.misses).toBe(3);
    expect(again).toEqual(first);
    writeFileSync(join(root, "B.md"), "# B\n[[New topic]]");
    const changed = await loadVault(root, { cache });
    expect(cache.misses).toBe(4);
    expect(changed).toEqual(await loadVault(root));
    expect(changed.links.map((l) => l.target)).toContain("New topic");
  });

  it("keeps notes parsed with and without their text apart", async () => {
    const root = makeVault({ "A.md": "plain words" });
    const cache = memoryParseCache();
    await loadVault(root, { cache });
    expect((await loadVault(root, { cache, keepText: true })).notes[0]?.text).toEqual([{ value: "plain words", line: 1, column: 1 }]);
  });
});
