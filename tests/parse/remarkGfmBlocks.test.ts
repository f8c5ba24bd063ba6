import fc from "fast-check";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { mayHoldTable, remarkGfmBlocks } from "../../src/parse/remarkGfmBlocks.js";
import { remarkWikiLink } from "../../src/parse/remarkWikiLink.js";

const markdown = (tables: boolean) => unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfmBlocks, { tables }).use(remarkWikiLink).freeze();
const [withTables, withoutTables] = [markdown(true), markdown(false)];
const hasTable = (text: string) => JSON.stringify(withTables.parse(text)).includes('"type":"table"');

/** Lines that make tables, almost-tables and their neighbours: containers, thematic breaks, setext underlines, wikilinks with pipes. */
const line = fc.oneof(
  fc.constantFrom("| a | b |", "a | b", "|---|---|", "| :-: | --: |", ":-", "-:", ":--|", "a", "[[x|y]] | z", "| [[Tbl\\|alias]] |", "---", "***", "- -", "> | x |", "> |-|", "  - item", "   | - |", "\t| - |", "1. a | b", "    | - |", "| - | - | - |", "|", "-", ":", "", "x\u2028| - |"),
  fc.stringMatching(/^[ >|:\-ab\t]{0,8}$/),
);
const note = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom("\n", "\r\n", "\r")).map(([lines, end]) => lines.join(end));

describe("remarkGfmBlocks without tables", () => {
  it("parses every text mayHoldTable rejects exactly as with tables (property)", () => {
    fc.assert(
      fc.property(note, (text) => {
        if (!mayHoldTable(text)) expect(withoutTables.parse(text)).toEqual(withTables.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("lets through every table, the pipeless `:-` kind too", () => {
    const tables = ["| a |\n| - |", "a\n:-", "a | b\n--|--", "> | a |\n> | - |", "- item\n\n  | a |\n  | :-: |", "a\r\n-:"];
    for (const text of tables) expect([text, hasTable(text), mayHoldTable(text)]).toEqual([text, true, true]);
    // The property above is not empty: texts it makes hold tables.
    expect(fc.sample(note, { numRuns: 500, seed: 1 }).filter(hasTable).length).toBeGreaterThan(20);
  });

  it("leaves out notes with no delimiter row: prose, wikilinks with aliases, rules and setext headings", () => {
    for (const text of ["# Title\n\nSee [[EC2|instances]] | and [[EBS]].", "Heading\n---", "a\n***\n- - -", "| a | b |\n| c | d |", "time: 10:30 - 11:00"]) expect(mayHoldTable(text)).toBe(false);
  });
});
