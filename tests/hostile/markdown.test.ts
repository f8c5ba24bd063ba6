import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/parse/parseNote.js";
import { PATHOLOGICAL_CASES } from "./pathologicalMarkdown.js";

// Whether each grows linearly is `npm run bench:hostile`'s to show; here each must finish,
// find its links, and say what it did to the note.
describe("pathological Markdown", () => {
  it.each(PATHOLOGICAL_CASES.map((input) => [input.name, input] as const))("reads %s", (_name, input) => {
    // Lines that each nest deeper grow as the square of n: a quarter is deep enough.
    const n = input.name.includes("deeper") ? input.n / 4 : input.n;
    const { note, problems } = parseNote("Hostile.md", input.make(n));
    expect(note.links).toHaveLength(input.links(n));
    const healthy = input.name.includes("links in one paragraph") || input.name.includes("2 MB line");
    expect(problems.map((p) => p.path)).toEqual(healthy ? [] : ["Hostile.md"]);
  });

  it("says which line and why, one problem per kind", () => {
    const note = ["# Fine [[A]]", "", "x [a](<b".repeat(500), "", `${"> ".repeat(80)}[[B]]`, "", "```", "[[C]]"].join("\n");
    const { note: record, problems } = parseNote("Mixed.md", note);
    expect(record.links.map((link) => link.target)).toEqual(["A", "B"]);
    expect(problems).toEqual([
      { path: "Mixed.md", line: 7, message: "a code fence opened here is never closed: the rest of the note is code, and its links are not read" },
      { path: "Mixed.md", line: 5, message: "a line nests quotes or lists 100+ columns deep; the deeper markers are read as text" },
      {
        path: "Mixed.md",
        line: 3,
        message: "a paragraph with 1,500 brackets and emphasis marks (over 1,000) read as plain text; whole links in them are still read",
      },
    ]);
  });

  it("reports brackets with no target once, with a count", () => {
    const { note, problems } = parseNote("Empty.md", "[[a|]] [[|b]] [[]]\n\n[[ ]]");
    expect(note.links.map((link) => link.target)).toEqual(["a"]);
    expect(problems).toEqual([{ path: "Empty.md", line: 1, message: "[[|b]] has no target, so it is not a link (and 2 more like it)" }]);
  });
});
