import type { Heading as MdastHeading, Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { baseName, stripMd } from "../keys.js";
import type { Heading, LinkRecord, NoteRecord, ParsedNote, Problem, TextSegment, VaultPath } from "../types.js";
import { defuseMarkdown } from "./defuseMarkdown.js";
import { readFrontmatter, type Frontmatter } from "./frontmatter.js";
import { LineIndex } from "./lineIndex.js";
import { isExternalUrl, markdownLinkParts, wikiLinkParts, type LinkParts } from "./linkParts.js";
import { mayHoldTable, remarkGfmBlocks } from "./remarkGfmBlocks.js";
import { remarkWikiLink } from "./remarkWikiLink.js";

const markdown = (tables: boolean) => unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfmBlocks, { tables }).use(remarkWikiLink).freeze();
const processor = markdown(true);
const processorWithoutTables = markdown(false);

/** Inline `#tag`: letters, digits, `_`, `-`, `/`, not all digits, not inside a word. */
const INLINE_TAG = /(?<![\p{L}\p{N}_/&#])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;
/** `[[]]`, `[[ ]]`, `[[|alias]]`: brackets with no target, which Obsidian does not link either. */
const EMPTY_WIKILINK = /!?\[\[[ \t]*(?:\|[^[\]\n]*)?\]\]/g;
/** A block id `^id` ends its line. */
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$/gm;

export interface ParseOptions {
  /** Keep the plain text segments (`NoteRecord.text`). Default: false. */
  keepText?: boolean;
}

/** One note's text to its record: title, aliases, tags, headings, block ids and every link. */
export function parseNote(path: VaultPath, text: string, options: ParseOptions = {}): ParsedNote {
  // Same length and lines as `text`: positions found in the tree hold for both.
  const defused = defuseMarkdown(text);
  const tree = (mayHoldTable(defused.text) ? processor : processorWithoutTables).parse(defused.text);
  const lines = new LineIndex(text);
  const problems: Problem[] = defused.findings.map((found) => ({ path, ...found }));
  const frontmatter = frontmatterOf(tree, text, lines, problems, path);
  const body = readBody(tree, text, lines, options.keepText === true);
  const empty = body.emptyLinks[0];
  if (empty) problems.push({ path, line: empty.line, message: emptyLinkMessage(empty.raw, body.emptyLinks.length) });
  const note: NoteRecord = {
    path,
    title: frontmatter.title ?? body.firstH1 ?? stripMd(baseName(path)),
    aliases: unique(frontmatter.aliases),
    tags: unique([...frontmatter.tags, ...body.tags]),
    headings: body.headings,
    blockIds: unique(body.blockIds),
    links: [...frontmatter.links, ...body.links].sort((a, b) => a.line - b.line || a.column - b.column),
    words: body.words,
    ...(body.text ? { text: body.text } : {}),
  };
  return { note, problems };
}

interface FrontmatterRecord extends Omit<Frontmatter, "links" | "problems"> {
  links: LinkRecord[];
}

function frontmatterOf(tree: Root, text: string, lines: LineIndex, problems: Problem[], path: VaultPath): FrontmatterRecord {
  const node = tree.children[0];
  if (node?.type !== "yaml" || node.position?.start.offset === undefined) {
    if (/^---[ \t]*(\r\n|\r|\n)/.test(text)) problems.push({ path, message: "frontmatter has no closing ---; read as text", line: 1 });
    return { title: null, aliases: [], tags: [], links: [] };
  }
  const read = readFrontmatter(node.value);
  for (const message of read.problems) problems.push({ path, message, line: node.position.start.line });
  const valueStart = text.indexOf(node.value, node.position.start.offset);
  const links = read.links.map((found) =>
    wikiLinkRecord(wikiLinkParts(found.inner), found.raw, lines, valueStart + found.offset),
  );
  return { title: read.title, aliases: read.aliases, tags: read.tags, links };
}

interface Body {
  firstH1: string | null;
  headings: Heading[];
  tags: string[];
  blockIds: string[];
  links: LinkRecord[];
  words: number;
  text: TextSegment[] | null;
  emptyLinks: { raw: string; line: number }[];
}

function readBody(tree: Root, text: string, lines: LineIndex, keepText: boolean): Body {
  const body: Body = { firstH1: null, headings: [], tags: [], blockIds: [], links: [], words: 0, text: keepText ? [] : null, emptyLinks: [] };
  visit(tree, (node: Nodes) => {
    const offset = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (offset === undefined || end === undefined) return;
    if (node.type === "wikiLink") {
      const raw = text.slice(offset, end);
      const inner = raw.slice(raw.indexOf("[[") + 2, -2);
      body.links.push(wikiLinkRecord(wikiLinkParts(inner), raw, lines, offset));
    } else if (node.type === "heading") {
      readHeading(node, lines.placeOf(offset).line, body);
    } else if (node.type === "link" || node.type === "image" || node.type === "definition") {
      const label = node.type === "image" ? node.alt ?? null : node.type === "link" ? toString(node) : null;
      const link = markdownLinkRecord(node.url, label, node.type === "image", text.slice(offset, end), lines.placeOf(offset));
      if (link) body.links.push(link);
      if (node.type === "link") return SKIP;
    } else if (node.type === "text") {
      readText(node.value, body);
      if (node.value.includes("[[")) for (const empty of node.value.matchAll(EMPTY_WIKILINK)) body.emptyLinks.push({ raw: empty[0], line: lines.placeOf(offset + empty.index).line });
      body.text?.push({ value: node.value, ...lines.placeOf(offset) });
    }
    return undefined;
  });
  return body;
}

function emptyLinkMessage(raw: string, count: number): string {
  const more = count > 1 ? ` (and ${(count - 1).toLocaleString("en")} more like it)` : "";
  return `${raw} has no target, so it is not a link${more}`;
}

function readHeading(node: MdastHeading, line: number, body: Body): void {
  const text = toString(node).trim();
  body.headings.push({ depth: node.depth, text, line });
  if (node.depth === 1 && body.firstH1 === null && text !== "") body.firstH1 = text;
}

// matchAll copies its regular expression for each text node: text without the mark is not searched.
function readText(value: string, body: Body): void {
  if (value.includes("#")) for (const match of value.matchAll(INLINE_TAG)) if (match[1]) body.tags.push(match[1]);
  if (value.includes("^")) for (const match of value.matchAll(BLOCK_ID)) if (match[1]) body.blockIds.push(match[1]);
  body.words += wordCount(value);
}

/** Runs of anything but JavaScript's `\s`, as `split(/\s+/)` finds words, without making the list. */
export function wordCount(value: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const space = isSpace(value.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** ECMAScript's WhiteSpace and LineTerminator, what `\s` matches. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function wikiLinkRecord(parts: LinkParts, raw: string, lines: LineIndex, offset: number): LinkRecord {
  const embed = raw.startsWith("!");
  return { ...parts, kind: embed ? "embed" : "wikilink", embed, ...lines.placeOf(offset), raw };
}

function markdownLinkRecord(
  url: string,
  label: string | null,
  embed: boolean,
  raw: string,
  place: { line: number; column: number },
): LinkRecord | null {
  if (url.trim() === "" || isExternalUrl(url)) return null;
  return { ...markdownLinkParts(url, label), kind: "markdown", embed, ...place, raw, pathLike: true };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
