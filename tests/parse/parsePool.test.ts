import { describe, expect, it } from "vitest";
import { loadVault } from "../../src/loadVault.js";
import { POOL_THRESHOLD } from "../../src/parse/parsePool.js";
import { readNotes } from "../../src/parse/readNotes.js";
import { scanVault } from "../../src/scan/scanVault.js";
import { makeVault } from "../helpers/vault.js";

describe("parsing on worker threads", () => {
  it("gives exactly what a single-threaded run gives, in the same order", async () => {
    const files: Record<string, string> = { "Broken.md": "---\ntitle: a: b\n---\n[[x]]" };
    const count = POOL_THRESHOLD + 50;
    for (let i = 0; i < count; i++) {
      files[`f${i % 7}/Note ${i}.md`] = `---\naliases: [N${i}]\n---\n# Note ${i}\n[[Note ${(i * 7) % count}]] [[Missing ${i % 13}]] #t${i % 5}\n`;
    }
    const scan = await scanVault(makeVault(files));
    const pooled = await readNotes(scan.notes, { keepText: true });
    // Below the threshold readNotes stays on this thread: read the same notes in small batches.
    const inTurn = { notes: [] as typeof pooled.notes, problems: [] as typeof pooled.problems };
    for (let i = 0; i < scan.notes.length; i += POOL_THRESHOLD - 1) {
      const batch = await readNotes(scan.notes.slice(i, i + POOL_THRESHOLD - 1), { keepText: true });
      inTurn.notes.push(...batch.notes);
      inTurn.problems.push(...batch.problems);
    }
    expect(pooled.notes).toHaveLength(count + 1);
    expect(pooled).toEqual(inTurn);
    expect(pooled.problems).toEqual([{ path: "Broken.md", message: expect.stringMatching(/^frontmatter is not valid YAML/), line: 1 }]);
  });

  it("stops a note over its time budget, says so, and goes on with a fresh worker", async () => {
    // 4 MB of lists, each line nested deeper: about 10 s of micromark's time even defused.
    const slow = Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}- [[S${i}]]`).join("\n");
    const root = makeVault({ "A.md": "[[Slow]]", "Slow.md": slow, "Z.md": "[[A]]" });
    const vault = await loadVault(root, { parseBudget: { baseMs: 3000, perMegabyteMs: 0 } });
    expect(vault.notes.map((note) => [note.path, note.links.length])).toEqual([["A.md", 1], ["Slow.md", 0], ["Z.md", 1]]);
    expect(vault.problems).toEqual([{ path: "Slow.md", message: "took over 3 s to parse and was stopped; its links are not read" }]);
  });
});
