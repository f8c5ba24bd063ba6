import { fromMarkdown as wikiLinkFromMarkdown } from "mdast-util-wiki-link";
import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import type { Data, Literal } from "mdast";
import type { Processor } from "unified";
import type {} from "remark-parse";
import { wikiLinkSyntax } from "./wikiLinkSyntax.js";

/** The node remark-wiki-link builds, plus `embed` for `![[…]]`. */
export interface WikiLink extends Literal {
  type: "wikiLink";
  value: string;
  data: Data & { alias: string | null; embed?: boolean };
}

declare module "mdast" {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
  }
}

/** Marks the node open on the stack as an embed when its `!` marker closes. */
const embedFromMarkdown: FromMarkdownExtension = {
  exit: {
    wikiLinkEmbedMarker() {
      const node = this.stack[this.stack.length - 1] as unknown as WikiLink;
      node.data.embed = true;
    },
  },
};

/**
 * remark plugin for Obsidian wikilinks: our linear tokenizer, remark-wiki-link's own tree builder
 * (mdast-util-wiki-link), so nodes keep remark-wiki-link's `wikiLink` shape.
 */
export function remarkWikiLink(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(wikiLinkSyntax());
  (data.fromMarkdownExtensions ??= []).push(wikiLinkFromMarkdown() as FromMarkdownExtension, embedFromMarkdown);
}
