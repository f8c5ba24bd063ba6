import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/analyze/checkReport.js";
import { loadVault } from "../../src/loadVault.js";
import { makeVault } from "../helpers/vault.js";

/** Loads a vault of one hostile note `X.md` beside a healthy `Ok.md`, which must still go through. */
async function withHostile(content: string | Uint8Array) {
  const vault = await loadVault(makeVault({ "X.md": content, "Ok.md": "---\ntitle: Fine\n---\n[[X]] [[Gone]]" }));
  const report = checkReport(vault);
  const note = vault.notes.find((n) => n.path === "X.md");
  expect(vault.notes.find((n) => n.path === "Ok.md")?.title).toBe("Fine");
  expect(report.dangling.map((d) => d.target)).toContain("Gone");
  return { note, problems: report.problems.filter((p) => p.path === "X.md").map((p) => p.message) };
}

const utf16 = (text: string, bigEndian = false) => {
  const body = Buffer.from(text, "utf16le");
  if (bigEndian) body.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
};

describe("malformed and surprising frontmatter", () => {
  it.each([
    ["an unclosed ---", "---\ntitle: T\n[[A]]\n", /^frontmatter has no closing ---; read as text$/],
    ["a colon inside a plain value", "---\ntitle: Notes: Admin\n---\n[[A]]", /^frontmatter is not valid YAML: /],
    ["template syntax {{title}}", "---\ntitle: {{title}}\n---\n[[A]]", /^frontmatter title: expected text, found a map; using the first heading or the file name$/],
    ["template syntax {{date}} in a list", "---\ntags: [{{date}}]\n---\n[[A]]", /^frontmatter tags: expected text or a list of text, found a map$/],
    ["aliases as a map", "---\naliases:\n  a: 1\n---\n[[A]]", /^frontmatter aliases: expected text or a list of text, found a map$/],
    ["tags as a map", "---\ntags: {a: 1}\n---\n[[A]]", /^frontmatter tags: expected text or a list of text, found a map$/],
    ["a list at the top", "---\n- a\n- b\n---\n[[A]]", /^frontmatter is not a map of properties; ignored$/],
  ])("reports %s in one line and still reads the body", async (_name, content, message) => {
    const { note, problems } = await withHostile(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(note?.links.map((l) => l.target)).toContain("A");
  });

  it("takes template syntax that is valid YAML (<% %>) as text", async () => {
    const { note, problems } = await withHostile("---\ntitle: <% tp.file.title %>\n---\n");
    expect(problems).toEqual([]);
    expect(note?.title).toBe("<% tp.file.title %>");
  });

  it("reads aliases given as a number, and a date as a title", async () => {
    const { note, problems } = await withHostile("---\ntitle: 2024-01-31\naliases: 42\n---\n");
    expect(problems).toEqual([]);
    expect(note).toMatchObject({ title: "2024-01-31", aliases: ["42"] });
  });

  it("refuses a YAML alias bomb without expanding it", async () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 9; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const { problems } = await withHostile(`---\n${levels.join("\n")}\n---\n[[A]]`);
    expect(problems[0]).toMatch(/^frontmatter cannot be read: /);
  });

  it("reads a frontmatter block of a megabyte", async () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `key${i}: value number ${i}`).join("\n");
    const { note, problems } = await withHostile(`---\ntitle: Big\n${big}\n---\n[[A]]`);
    expect(problems).toEqual([]);
    expect(note?.title).toBe("Big");
  });

  it("reads a file of only frontmatter, and an empty file", async () => {
    expect((await withHostile("---\ntitle: Only\ntags: [t]\n---\n")).note).toMatchObject({ title: "Only", tags: ["t"], links: [] });
    expect((await withHostile("")).note).toMatchObject({ title: "X", links: [] });
  });
});

describe("bytes that are not plain UTF-8", () => {
  it("reports invalid UTF-8 and keeps the readable links", async () => {
    const { note, problems } = await withHostile(Buffer.concat([Buffer.from("[[A]] "), Buffer.from([0xc3, 0x28]), Buffer.from(" [[B]]")]));
    expect(problems).toEqual(["not valid UTF-8; unreadable bytes shown as U+FFFD"]);
    expect(note?.links.map((l) => l.target)).toEqual(["A", "B"]);
  });

  it.each([
    ["UTF-16 little-endian", utf16("# T\n[[A]]\n")],
    ["UTF-16 big-endian", utf16("# T\n[[A]]\n", true)],
    ["a UTF-8 byte-order mark", Buffer.from("\uFEFF---\ntitle: T\n---\n[[A]]")],
  ])("reads %s", async (_name, bytes) => {
    const { note, problems } = await withHostile(bytes);
    expect(problems).toEqual([]);
    expect(note?.title).toBe("T");
    expect(note?.links[0]).toMatchObject({ target: "A", column: 1 });
  });

  it("skips a binary file named .md, and NUL bytes", async () => {
    expect((await withHostile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).problems).toEqual(["binary file, not Markdown text; skipped"]);
    expect((await withHostile(Buffer.from("text\u0000[[A]]"))).problems).toEqual(["binary file, not Markdown text; skipped"]);
  });

  it("counts lines the same with CRLF and lone CR endings", async () => {
    for (const ending of ["\r\n", "\r"]) {
      const { note } = await withHostile(["# T", "", "text [[A]]"].join(ending));
      expect(note?.links[0]).toMatchObject({ line: 3, column: 6 });
    }
  });
});

describe("Markdown that breaks parsers", () => {
  it("reports a note nested thousands deep, still reads its links, and goes on", async () => {
    const { problems, note } = await withHostile(`${"- ".repeat(3000)}x [[A]]`);
    expect(problems).toEqual(["a line nests quotes or lists 100+ columns deep; the deeper markers are read as text"]);
    expect(note?.links.map((link) => link.target)).toEqual(["A"]);
  });
});

describe("links that try to leave", () => {
  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#74;avascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"])(
    "%s is never a note link",
    async (url) => {
      const { note } = await withHostile(`[x](${url})`);
      expect(note?.links).toEqual([]);
    },
  );
});
