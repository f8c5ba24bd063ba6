import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Processor } from "unified";
import type {} from "remark-parse";

export interface GfmBlocksOptions {
  /** Read tables. Default: true; false only for text `mayHoldTable` rejects, which then parses the same. */
  tables?: boolean;
}

/**
 * GFM as remark-gfm reads it (tables, footnotes, strikethrough, task lists), without autolink
 * literals: bare `https://…` and `www.…` would only become external links, which notegraph does
 * not follow, and their tokenizer is most of remark-gfm's cost (a page of prose parses 2.5x faster
 * without it; a paragraph of unmatched `[` 20x).
 */
export function remarkGfmBlocks(this: Processor, options: GfmBlocksOptions = {}): void {
  const tables = options.tables !== false;
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), ...(tables ? [gfmTable()] : []), gfmTaskListItem());
  const trees: FromMarkdownExtension[] = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), ...(tables ? [gfmTableFromMarkdown()] : []), gfmTaskListItemFromMarkdown()];
  (data.fromMarkdownExtensions ??= []).push(...trees);
}

/**
 * A line that could be a table's delimiter row (`| --- | :-: |`, or `:--` alone): after any
 * blockquote markers and indentation, only `|`, `:`, `-`, spaces and tabs, with a `-` and a `|` or
 * `:` (micromark-extension-gfm-table wants both). Looser than the real rule on purpose.
 */
const DELIMITER_ROW = /^[ \t>]*(?=[^\n\r]*-)(?=[^\n\r]*[|:])[|: \t-]+$/m;

/**
 * Whether a text may hold a GFM table. micromark tries the table construct at the start of every
 * block and reads the whole line before it can say no: 10 to 20% of parsing notes without a table.
 * A table needs a delimiter row, so a text with no line like one parses the same without tables.
 */
export function mayHoldTable(text: string): boolean {
  return DELIMITER_ROW.test(text);
}
