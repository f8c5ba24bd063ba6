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

/**
 * GFM as remark-gfm reads it (tables, footnotes, strikethrough, task lists), without autolink
 * literals: bare `https://…` and `www.…` would only become external links, which notegraph does
 * not follow, and their tokenizer is most of remark-gfm's cost (a page of prose parses 2.5x faster
 * without it; a paragraph of unmatched `[` 20x).
 */
export function remarkGfmBlocks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  const trees: FromMarkdownExtension[] = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];
  (data.fromMarkdownExtensions ??= []).push(...trees);
}
