import { describe, expect, it } from "vitest";
import { defuseMarkdown, MARK_LIMIT, NESTING_COLUMN_LIMIT } from "../../src/parse/defuseMarkdown.js";
import { parseNote } from "../../src/parse/parseNote.js";

const INERT = "\u00a0";
/** A paragraph over the limit: each unit holds at least one mark outside whole links. */
const dense = (unit: string) => unit.repeat(MARK_LIMIT + 1);

describe("defuseMarkdown", () => {
  it("returns an ordinary note as it is", () => {
    const note = "---\ntags: [a, b]\n---\n# Title\n\n- **bold** [[A|a]] and [b](B.md)\n  > quote *em* <span>x</span>\n";
    expect(defuseMarkdown(note)).toEqual({ text: note, findings: [] });
  });

  it("keeps the length and every line ending, so positions hold", () => {
    const note = `a\r\n${dense("x [[A]] [b")}\r${"> ".repeat(200)}y\n`;
    const { text } = defuseMarkdown(note);
    expect(text).toHaveLength(note.length);
    expect(text.match(/\r\n|\r|\n/g)).toEqual(note.match(/\r\n|\r|\n/g));
  });

  it("makes the marks of a dense paragraph inert, but not its whole links", () => {
    const paragraph = dense("*a_ [[Keep|it]] ![img](Pic.png) [b](B.md) <x ");
    const { text, findings } = defuseMarkdown(paragraph);
    expect(text).not.toMatch(/[*_<]/);
    expect(text.match(/\[\[Keep\|it\]\]/g)).toHaveLength(paragraph.match(/\[\[Keep/g)?.length ?? -1);
    expect(text).toContain("![img](Pic.png) [b](B.md)");
    expect(findings).toHaveLength(1);
    const parsed = parseNote("Dense.md", paragraph).note.links.map((link) => link.target);
    expect(new Set(parsed)).toEqual(new Set(["Keep", "Pic.png", "B.md"]));
  });

  it("counts each paragraph apart: many modest paragraphs stay as written", () => {
    const modest = "*a_ [b ".repeat(MARK_LIMIT / 5);
    const note = Array.from({ length: 10 }, () => modest).join("\n\n");
    expect(defuseMarkdown(note).text).toBe(note);
  });

  it("leaves frontmatter and fenced code alone", () => {
    const note = `---\nlist: ${"[*a, ".repeat(MARK_LIMIT)}\n---\n\`\`\`\n${dense("[a*")}\n\`\`\`\n`;
    expect(defuseMarkdown(note).text).toBe(note);
  });

  it("does not let an indented fence, which a list item may close, hide a paragraph", () => {
    const note = `- item\n  \`\`\`\nout of the list\n\n${dense("[a](<b ")}`;
    expect(defuseMarkdown(note).findings.map((f) => f.line)).toEqual([5]);
  });

  it("keeps what starts a block: a thematic break, an HTML block, a reference definition", () => {
    const block = [dense("*a "), "***", "<div>x</div>", "[ref]: Target.md"].join("\n");
    const { text } = defuseMarkdown(block);
    expect(text.split("\n").slice(1)).toEqual(["***", `<div>x${INERT}/div>`, "[ref]: Target.md"]);
  });

  it("never indents a line into code: marks at the start become text, not spaces", () => {
    const note = `${"[".repeat(MARK_LIMIT + 1)}[[A]]`;
    expect(parseNote("Start.md", note).note.links.map((link) => link.target)).toEqual(["A"]);
  });

  it("reads container markers past the column limit as text", () => {
    const depth = NESTING_COLUMN_LIMIT / 2 + 10;
    const { text, findings } = defuseMarkdown(`${"> ".repeat(depth)}x`);
    expect(text.slice(0, NESTING_COLUMN_LIMIT)).toBe("> ".repeat(NESTING_COLUMN_LIMIT / 2));
    expect(text.slice(NESTING_COLUMN_LIMIT, NESTING_COLUMN_LIMIT + 1)).toBe(INERT);
    expect(findings).toEqual([{ line: 1, message: "a line nests quotes or lists 100+ columns deep; the deeper markers are read as text" }]);
  });

  it("caps lists nested line by line, and counts the lines", () => {
    const note = Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}- [[N${i}]]`).join("\n");
    const { findings } = defuseMarkdown(note);
    expect(findings).toEqual([{ line: 51, message: "10 lines nest quotes or lists 100+ columns deep; the deeper markers are read as text" }]);
    expect(parseNote("Deep.md", note).note.links).toHaveLength(60);
  });

  it("reports a fence at the margin that never closes, not one inside a list item", () => {
    expect(defuseMarkdown("a\n```js\n[[A]]").findings).toEqual([
      { line: 2, message: "a code fence opened here is never closed: the rest of the note is code, and its links are not read" },
    ]);
    expect(defuseMarkdown("- a\n  ```\n  code\n- b [[B]]").findings).toEqual([]);
  });
});
