/**
 * Defuses the Markdown that makes micromark (and so remark) slow: paragraphs full of unmatched
 * brackets, emphasis marks or `<`, and containers nested thousands deep. micromark's cost grows
 * with the square (or worse) of those counts; this pass, linear in the text, caps them before the
 * parse. It only ever replaces one UTF-16 unit by another, so every line and column stays exact.
 */

/** Brackets, emphasis marks and `<` one paragraph may hold outside whole links before it is read as plain text. */
export const MARK_LIMIT = 1000;
/**
 * A container marker (`>`, `-`, `1.`) this many columns in or further is read as text, so nesting
 * stays under 100 levels (50 lists indented by two). micromark pays about 10 µs per open
 * container on every line.
 */
export const NESTING_COLUMN_LIMIT = 100;

export interface DefusedMarkdown {
  /** The text to parse: the note itself when nothing needed defusing. */
  text: string;
  /** What was changed, or will read other than the writer likely meant: one per kind, at its first line (1-based). */
  findings: { line: number; message: string }[];
}

interface Line {
  start: number;
  /** Where the line's content starts, after indentation and container markers. */
  content: number;
  end: number;
}

// A whole wikilink (as wikiLinkSyntax takes it: a target before any `|`), Markdown link or reference definition (kept as is), or one mark that can
// start or end inline syntax. Bounded, bracket-free runs keep each attempt short: the scan is linear.
const LINK_OR_MARK = /!?\[\[(?=[ \t]*(?!\\\|)[^[\]\n\r| \t])[^[\]\n\r]{1,1000}\]\]|!?\[[^[\]\n\r]{0,1000}\]\([^()\n\r]{0,2000}\)|^\[[^[\]\n\r]{1,1000}\]:[^\n\r]{0,2000}|[[\]*_<]/g;
/** A line that is a thematic break (`***`, `_ _ _`) stays one. */
const THEMATIC_BREAK = /^([*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A `<` that starts a line may open an HTML block, which is not read for links: it stays. */
const HTML_BLOCK_START = /^<[A-Za-z/!?]/;
/**
 * A fence at the margin: its code is not Markdown, so it is neither counted nor changed. An
 * indented one may sit in a list item, which ends it where this pass cannot tell: its lines are
 * read as Markdown here (changing code text is harmless), so no fence can hide a paragraph.
 */
const FENCE_OPEN = /^(`{3,}(?=[^`]*$)|~{3,})/;
/** What a defused character becomes: a no-break space, which CommonMark takes for text, never indentation or a marker. */
const INERT = "\u00a0";

export function defuseMarkdown(text: string): DefusedMarkdown {
  const edits = new Edits(text.length);
  const findings: DefusedMarkdown["findings"] = [];
  const deepLines: number[] = [];
  const denseBlocks: { line: number; marks: number }[] = [];
  let block: Line[] = [];
  let blockLine = 0;
  let fence: RegExp | null = null;
  let fenceLine = 0;
  const flush = (): void => {
    const marks = block.reduce((sum, line) => sum + countMarks(text, line), 0);
    if (marks > MARK_LIMIT) {
      denseBlocks.push({ line: blockLine, marks });
      for (const line of block) maskMarks(text, line, edits);
    }
    block = [];
  };
  const lines = splitLines(text);
  const bodyStart = frontmatterEnd(text, lines);
  for (let n = bodyStart; n < lines.length; n++) {
    const [start, end] = lines[n] as [number, number];
    const raw = text.slice(start, end);
    if (fence) {
      if (fence.test(raw)) fence = null;
      continue;
    }
    const open = FENCE_OPEN.exec(raw);
    if (open?.[1]) {
      flush();
      fenceLine = n + 1;
      fence = new RegExp(`^ {0,3}${open[1][0] === "`" ? "`" : "~"}{${open[1].length},}[ \\t]*$`);
      continue;
    }
    const content = containerPrefixEnd(text, start, end, edits);
    if (content < 0) deepLines.push(n + 1);
    const line = { start, content: Math.abs(content), end };
    if (line.content >= end) {
      flush();
      continue;
    }
    if (block.length === 0) blockLine = n + 1;
    block.push(line);
  }
  if (fence) findings.push({ line: fenceLine, message: "a code fence opened here is never closed: the rest of the note is code, and its links are not read" });
  else flush();
  if (deepLines[0] !== undefined) findings.push({ line: deepLines[0], message: nestingMessage(deepLines.length) });
  if (denseBlocks[0] !== undefined) findings.push({ line: denseBlocks[0].line, message: denseMessage(denseBlocks) });
  return { text: edits.applyTo(text), findings };
}

function nestingMessage(lines: number): string {
  const where = lines === 1 ? "a line nests" : `${lines.toLocaleString("en")} lines nest`;
  return `${where} quotes or lists ${NESTING_COLUMN_LIMIT}+ columns deep; the deeper markers are read as text`;
}

function denseMessage(blocks: { marks: number }[]): string {
  const most = Math.max(...blocks.map((b) => b.marks)).toLocaleString("en");
  const which = blocks.length === 1 ? `a paragraph with ${most}` : `${blocks.length} paragraphs with up to ${most}`;
  return `${which} brackets and emphasis marks (over ${MARK_LIMIT.toLocaleString("en")}) read as plain text; whole links in them are still read`;
}

/** [start, end) of each line, without its line ending. */
function splitLines(text: string): [number, number][] {
  const lines: [number, number][] = [];
  const ending = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = ending.exec(text); match; match = ending.exec(text)) {
    lines.push([start, match.index]);
    start = match.index + match[0].length;
  }
  lines.push([start, text.length]);
  return lines;
}

/** The first body line: frontmatter is YAML, not Markdown, and is left alone. */
function frontmatterEnd(text: string, lines: [number, number][]): number {
  const first = lines[0];
  if (!first || !/^---[ \t]*$/.test(text.slice(first[0], first[1]))) return 0;
  for (let n = 1; n < lines.length; n++) {
    const [start, end] = lines[n] as [number, number];
    if (/^(---|\.\.\.)[ \t]*$/.test(text.slice(start, Math.min(end, start + 16)))) return n + 1;
  }
  return 0;
}

/**
 * Where the line's content starts, past indentation, `>` and list markers. A marker at or past
 * the column limit is made inert; the result is then negative.
 */
function containerPrefixEnd(text: string, start: number, end: number, edits: Edits): number {
  let i = start;
  let column = 0;
  for (;;) {
    while (i < end && (text[i] === " " || text[i] === "\t")) column = text[i++] === "\t" ? column + 4 - (column % 4) : column + 1;
    const width = markerWidth(text, i, end);
    if (width === 0) return i;
    if (column >= NESTING_COLUMN_LIMIT) {
      for (let k = i; k < i + width; k++) edits.set(k);
      return -i;
    }
    i += width;
    column += width;
  }
}

/** Length of the container marker at `i`: `>`, or a list marker followed by a space or the line end. */
function markerWidth(text: string, i: number, end: number): number {
  const char = text[i];
  if (char === ">") return 1;
  let k = i;
  if (char === "-" || char === "+" || char === "*") k++;
  else {
    while (k < end && k - i < 9 && /[0-9]/.test(text[k] as string)) k++;
    if (k === i || (text[k] !== "." && text[k] !== ")")) return 0;
    k++;
  }
  return k === end || text[k] === " " || text[k] === "\t" ? k - i : 0;
}

function countMarks(text: string, line: Line): number {
  let marks = 0;
  for (const match of marksOf(text, line)) if (match[0].length === 1) marks++;
  return marks;
}

/** Makes inert every mark outside whole links, but not the marks that start a block. */
function maskMarks(text: string, line: Line, edits: Edits): void {
  const head = text.slice(line.content, Math.min(line.end, line.content + 256));
  if (THEMATIC_BREAK.test(head)) return;
  const keepFirst = HTML_BLOCK_START.test(head);
  for (const match of marksOf(text, line)) {
    if (match[0].length === 1 && !(keepFirst && match.index === line.content)) edits.set(match.index);
  }
}

function* marksOf(text: string, line: Line): Generator<RegExpExecArray> {
  const pattern = new RegExp(LINK_OR_MARK.source, "g");
  const content = text.slice(line.content, line.end);
  for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
    match.index += line.content;
    yield match;
  }
}

/** Positions to make inert, one flag per UTF-16 unit of the text. */
class Edits {
  private flags: Uint8Array | null = null;
  constructor(private readonly length: number) {}

  set(at: number): void {
    (this.flags ??= new Uint8Array(this.length))[at] = 1;
  }

  applyTo(text: string): string {
    if (!this.flags) return text;
    const parts: string[] = [];
    let from = 0;
    for (let at = 0; at < text.length; at++) {
      if (this.flags[at] === 0) continue;
      parts.push(text.slice(from, at), INERT);
      from = at + 1;
    }
    parts.push(text.slice(from));
    return parts.join("");
  }
}
