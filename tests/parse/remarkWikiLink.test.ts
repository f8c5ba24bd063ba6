import remarkParse from "remark-parse";
import { remarkGfmBlocks } from "../../src/parse/remarkGfmBlocks.js";
import { wikiLinkPlugin } from "remark-wiki-link";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Node } from "unist";
import { describe, expect, it } from "vitest";
import { remarkWikiLink, type WikiLink } from "../../src/parse/remarkWikiLink.js";

const ours = unified().use(remarkParse).use(remarkGfmBlocks).use(remarkWikiLink);
const theirs = unified().use(remarkParse).use(remarkGfmBlocks).use(wikiLinkPlugin, { aliasDivider: "|" });

function wikiLinks(processor: typeof ours, text: string): WikiLink[] {
  const found: WikiLink[] = [];
  visit(processor.parse(text) as Node, "wikiLink", (node) => {
    found.push(node as WikiLink);
  });
  return found;
}

describe("our wikilink syntax beside remark-wiki-link", () => {
  it.each(["[[Note]]", "see [[Note|alias]] here", "[[Note#Heading]]", "a [[b]] c [[d|e]]", "`[[code]]` [[real]]"])(
    "builds the same wikiLink nodes for %j",
    (text) => {
      const strip = (nodes: WikiLink[]) => nodes.map(({ type, value, data, position }) => ({ type, value, alias: data.alias, position }));
      expect(strip(wikiLinks(ours, text))).toEqual(strip(wikiLinks(theirs, text)));
    },
  );

  it("yields a node for an embed, where remark-wiki-link yields none", () => {
    expect(wikiLinks(theirs, "![[Embed]]")).toHaveLength(0);
    const [node] = wikiLinks(ours, "![[Embed]]");
    expect(node).toMatchObject({ value: "Embed", data: { embed: true } });
    expect(node?.position?.start.column).toBe(1);
  });

  it("splits a table's escaped pipe, where remark-wiki-link keeps the backslash in the target", () => {
    const table = "| a |\n| --- |\n| [[Tbl\\|alias]] |\n";
    expect(wikiLinks(theirs, table)[0]?.value).toBe("Tbl\\");
    expect(wikiLinks(ours, table)[0]).toMatchObject({ value: "Tbl", data: { alias: "alias" } });
  });

  it("does not let a link hold a bracket, so unclosed brackets end each attempt early", () => {
    expect(wikiLinks(ours, "[[a [[b]] c]]").map((n) => n.value)).toEqual(["b"]);
    expect(wikiLinks(ours, "[[a|".repeat(2000))).toEqual([]);
    expect(wikiLinks(ours, `${"[".repeat(5000)}[[ok]]`).map((n) => n.value)).toEqual(["ok"]);
  });

  it("leaves Markdown images and links to remark", () => {
    const tree = ours.parse("![alt](a.png) [t](b.md) ![[c]]");
    const types: string[] = [];
    visit(tree as Node, (node) => {
      types.push(node.type);
    });
    expect(types).toEqual(expect.arrayContaining(["image", "link", "wikiLink"]));
  });
});
