import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/analyze/checkReport.js";
import { loadVault } from "../../src/loadVault.js";
import { makeVault } from "../helpers/vault.js";

describe("file names", () => {
  it("resolves names with spaces, #, [, %, emoji and NFD letters", async () => {
    const vault = await loadVault(
      makeVault({
        "From.md": "[[My Note]] [[C sharp]] [[Rate 100%]] [[🚀 Launch]] [[Café]] [b](Rate%20100%25.md)",
        "My Note.md": "",
        "C# sharp.md": "",
        "C sharp.md": "",
        "Rate 100%.md": "",
        "🚀 Launch.md": "",
        "Cafe\u0301.md": "",
      }),
    );
    expect(vault.links.map((l) => l.resolved)).toEqual(["My Note.md", "C sharp.md", "Rate 100%.md", "🚀 Launch.md", "Café.md", "Rate 100%.md"]);
  });

  it("lists case-only twins as ambiguous and picks one the same way every time", async () => {
    const root = makeVault({ "From.md": "[[note]]", "a/Note.md": "", "b/note.md": "" });
    const report = checkReport(await loadVault(root));
    expect(report.ambiguous).toEqual([expect.objectContaining({ candidates: ["a/Note.md", "b/note.md"], resolved: "a/Note.md" })]);
  });

  it("reads a file whose name holds | and [ (Obsidian cannot link to it, but it is a note)", async () => {
    const vault = await loadVault(makeVault({ "A | B [1].md": "[[Other]]", "Other.md": "" }));
    expect(vault.notes.map((n) => n.path)).toContain("A | B [1].md");
    expect(vault.links[0]?.resolved).toBe("Other.md");
  });
});

describe("degenerate vaults", () => {
  it.each([
    ["empty", {}],
    ["one note", { "Only.md": "" }],
    ["every note isolated", { "A.md": "", "B.md": "", "C.md": "" }],
  ])("%s: a report with no NaN", async (_name, files) => {
    const report = checkReport(await loadVault(makeVault(files)));
    expect(JSON.stringify(report)).not.toMatch(/NaN|null,"orphans"/);
    expect(report.stats.notes).toBe(Object.keys(files).length);
  });
});
