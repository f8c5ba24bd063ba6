import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNote, wordCount } from "../../src/parse/parseNote.js";
import type { LinkRecord, VaultPath } from "../../src/types.js";

const parse = (text: string, path = "Note.md") => parseNote(path as VaultPath, text);
const links = (text: string) => parse(text).note.links;
const only = (text: string): LinkRecord => {
  const found = links(text);
  expect(found).toHaveLength(1);
  return found[0] as LinkRecord;
};

describe("link forms", () => {
  const cases: [string, string, Partial<LinkRecord>][] = [
    ["plain wikilink", "[[Note]]", { target: "Note", heading: null, block: null, alias: null, kind: "wikilink", embed: false }],
    ["wikilink with alias", "[[Note|shown text]]", { target: "Note", alias: "shown text" }],
    ["heading", "[[Note#Heading]]", { target: "Note", heading: "Heading" }],
    ["nested heading", "[[Note#Heading#Sub]]", { target: "Note", heading: "Heading#Sub" }],
    ["heading in the same note", "[[#Heading]]", { target: "", heading: "Heading" }],
    ["block reference", "[[Note#^block-1]]", { target: "Note", heading: null, block: "block-1" }],
    ["embedded note", "![[Note]]", { target: "Note", kind: "embed", embed: true, column: 1 }],
    ["embedded image", "![[image.png]]", { target: "image.png", kind: "embed", embed: true }],
    ["folder path", "[[folder/Note]]", { target: "folder/Note" }],
    ["explicit .md", "[[Note.md]]", { target: "Note.md" }],
    ["padded with spaces", "[[ VPN ]]", { target: "VPN" }],
    ["padded target with alias", "[[ENI|Elastic Network Interfaces]]", { target: "ENI", alias: "Elastic Network Interfaces" }],
    ["empty alias", "[[Note|]]", { target: "Note", alias: null }],
    ["alias holding a pipe", "[[Note|a|b]]", { target: "Note", alias: "a|b" }],
    ["Markdown link with encoded space", "[text](Note%20Name.md)", { target: "Note Name.md", alias: "text", kind: "markdown", pathLike: true }],
    ["Markdown link with folder and heading", "[t](folder/Note.md#Some%20heading)", { target: "folder/Note.md", heading: "Some heading" }],
    ["Markdown link in angle brackets", "[t](<My Note.md>)", { target: "My Note.md" }],
    ["Markdown link to a heading here", "[t](#Heading)", { target: "", heading: "Heading" }],
    ["Markdown image", "![alt](pics/a.png)", { target: "pics/a.png", kind: "markdown", embed: true, alias: "alt" }],
  ];
  it.each(cases)("%s: %s", (_name, text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });

  it("reads a wikilink escaped inside a table as target and alias", () => {
    const text = "| a | b |\n| --- | --- |\n| [[Note\\|alias]] | x |\n";
    expect(only(text)).toMatchObject({ target: "Note", alias: "alias", line: 3, column: 3 });
  });

  it("keeps the raw text of each link", () => {
    expect(only("see ![[Note#H|x]] here").raw).toBe("![[Note#H|x]]");
  });
});

describe("what is not a link", () => {
  const cases: [string, string][] = [
    ["code span", "`[[Code]]`"],
    ["fenced code", "```\n[[Code]]\n```"],
    ["indented code", "    [[Code]]"],
    ["HTML comment block", "<!-- [[Hidden]] -->"],
    ["HTML comment inline", "text <!-- [[Hidden]] --> text"],
    ["external URL", "[site](https://example.com/Note.md)"],
    ["mail link", "[me](mailto:me@example.com)"],
    ["protocol-relative URL", "[x](//example.com/a)"],
    ["javascript URL", "[x](javascript:alert(1))"],
    ["empty brackets", "[[]]"],
    ["empty target with alias", "[[|b]]"],
    ["blank target", "[[   ]]"],
    ["link across lines", "[[Not\nA Link]]"],
    ["unclosed", "[[Open"],
  ];
  it.each(cases)("%s: %j", (_name, text) => {
    expect(links(text)).toEqual([]);
  });
});

describe("positions", () => {
  it("points at the first character with 1-based line and column", () => {
    expect(only("first line\n\nsome [[Note]] here")).toMatchObject({ line: 3, column: 6 });
  });

  it("counts columns in UTF-16 code units, as editors do", () => {
    expect(only("😀é [[Note]]")).toMatchObject({ line: 1, column: 5 });
  });

  it("counts a tab as one column", () => {
    expect(only("- item\n\t- [[Note]]")).toMatchObject({ line: 2, column: 4 });
  });

  it("handles CRLF and lone CR line endings", () => {
    expect(only("a\r\nb\r\n[[Note]]")).toMatchObject({ line: 3, column: 1 });
    expect(only("a\rb\r[[Note]]")).toMatchObject({ line: 3, column: 1 });
  });

  it("points links in frontmatter into the frontmatter", () => {
    const note = parse('---\ntitle: T\nrelated: "[[Other]]"\nlist:\n  - "[[Third|3]]"\n---\nbody [[Body]]\n').note;
    expect(note.links.map((l) => [l.target, l.alias, l.line, l.column])).toEqual([
      ["Other", null, 3, 11],
      ["Third", "3", 5, 6],
      ["Body", null, 7, 6],
    ]);
  });
});

describe("note record", () => {
  it("takes the title from frontmatter, else the first H1, else the file name", () => {
    expect(parse("---\ntitle: From YAML\n---\n# From H1\n").note.title).toBe("From YAML");
    expect(parse("## Not this\n# From H1\n").note.title).toBe("From H1");
    expect(parse("no heading", "folder/File Name.md").note.title).toBe("File Name");
    expect(parse("---\ntitle: 42\n---\nx", "N.md").note.title).toBe("42");
    expect(parse("---\ntitle: [a, b]\n---\nx", "N.md").note.title).toBe("N");
  });

  it("reads aliases and tags from frontmatter and inline #tags", () => {
    const note = parse("---\naliases: [Elastic Block Store, EBS volumes]\ntags: [storage, '#aws/ebs']\n---\nText #inline and #nested/tag, not#this or #123 or `#code`.\n").note;
    expect(note.aliases).toEqual(["Elastic Block Store", "EBS volumes"]);
    expect(note.tags).toEqual(["storage", "aws/ebs", "inline", "nested/tag"]);
  });

  it("accepts a single alias string and a comma-separated tag string", () => {
    const note = parse("---\nalias: One\ntags: a, b\n---\n").note;
    expect(note.aliases).toEqual(["One"]);
    expect(note.tags).toEqual(["a", "b"]);
  });

  it("lists headings with depth, text and line", () => {
    expect(parse("# Top\n\ntext\n\n## Volume **types**\n### Sub\n").note.headings).toEqual([
      { depth: 1, text: "Top", line: 1 },
      { depth: 2, text: "Volume types", line: 5 },
      { depth: 3, text: "Sub", line: 6 },
    ]);
  });

  it("finds block ids at the end of a block", () => {
    expect(parse("A paragraph. ^para-1\n\n- item ^item2\n\n> quote\n\n^after-quote\n\n`x ^code`\n").note.blockIds).toEqual([
      "para-1",
      "item2",
      "after-quote",
    ]);
  });

  it("counts words of the text", () => {
    expect(parse("# One two\n\nthree four five").note.words).toBe(5);
  });
});

describe("problems", () => {
  it("reports malformed frontmatter and still reads the body", () => {
    const parsed = parse("---\ntitle: Notes: Admin\n---\n# Body\n[[Link]]\n");
    expect(parsed.problems).toEqual([{ path: "Note.md", message: expect.stringMatching(/^frontmatter is not valid YAML/), line: 1 }]);
    expect(parsed.note.links.map((l) => l.target)).toEqual(["Link"]);
    expect(parsed.note.title).toBe("Body");
  });

  it("reports frontmatter fields of the wrong type", () => {
    const parsed = parse("---\ntags:\n  key: value\n---\n");
    expect(parsed.problems[0]?.message).toMatch(/frontmatter tags: expected text or a list of text, found a map/);
  });

  it("refuses a YAML alias bomb instead of expanding it", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)];
    const parsed = parse(`---\n${bomb.join("\n")}\n---\n[[Still]]\n`);
    expect(parsed.problems[0]?.message).toMatch(/^frontmatter/);
    expect(parsed.note.links.map((l) => l.target)).toEqual(["Still"]);
  });
});

describe("wordCount", () => {
  const bySplit = (text: string) => text.split(/\s+/).filter((word) => word !== "").length;

  it("splits where \\s does, at every UTF-16 code unit", () => {
    const mismatched: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      if (wordCount(text) !== bySplit(text)) mismatched.push(code);
    }
    expect(mismatched).toEqual([]);
  });

  it("counts as split(/\\s+/) does (property)", () => {
    const unit = fc.constantFrom("a", "é", " ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u200b", "#tag", "😀");
    fc.assert(fc.property(fc.array(unit, { maxLength: 30 }).map((units) => units.join("")), (text) => {
      expect(wordCount(text)).toBe(bySplit(text));
    }));
  });
});
