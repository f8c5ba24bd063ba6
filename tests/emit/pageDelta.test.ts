import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageDelta } from "../../src/emit/pageDelta.js";
import type { PageData, PageNode } from "../../src/emit/pageData.js";
import { applyDelta, graphFromData, type PageGraph } from "../../site/graph.js";

const keys = ["A.md", "B.md", "Sub/C.md", "pic.png", "missing:gone"];

function node(key: string, change: Partial<PageNode> = {}): PageNode {
  const missing = key.startsWith("missing:");
  return {
    key, label: key.replace(/\.md$/, ""), kind: missing ? "missing" : key.endsWith(".md") ? "note" : "attachment",
    path: missing ? null : key, hash: key, folder: key.includes("/") ? "Sub" : "", tags: [], aliases: [], headings: [],
    x: 0, y: 0, size: 3, cluster: 0, inLinks: 0, ...change,
  };
}

function data(nodes: PageNode[], edges: PageData["edges"], folders: PageData["folders"] = [{ name: "", color: "#111", size: 1 }]): PageData {
  return {
    title: "v", nodes, edges, clusters: [{ name: "A", centre: "A.md", size: nodes.length, color: "#4e79a7" }], folders, tags: [],
    stats: { notes: nodes.length, links: edges.length, missing: 0, orphans: 0, attachments: 0 }, wanted: [], orphans: [],
  };
}

/** The graph's nodes and edges with their attributes, in a fixed order. */
function contents(graph: PageGraph) {
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes })).sort((a, b) => (a.key < b.key ? -1 : 1));
  const edges = graph.mapEdges((_e, attributes, source, target) => ({ source, target, attributes })).sort((a, b) => (`${a.source}>${a.target}` < `${b.source}>${b.target}` ? -1 : 1));
  return { nodes, edges };
}

/** The page's graph after the delta, next to the graph built from the new data. */
function applied(before: PageData, after: PageData) {
  const graph = graphFromData(before);
  applyDelta(graph, JSON.parse(JSON.stringify(pageDelta(before, after))));
  return { applied: contents(graph), built: contents(graphFromData(after)) };
}

const pageNode = fc.record({ key: fc.constantFrom(...keys), x: fc.integer({ min: -2, max: 2 }), label: fc.constantFrom("a", "b"), aliases: fc.constantFrom([], ["z"]), headings: fc.constantFrom([], [{ depth: 1, text: "H" }]), cluster: fc.integer({ min: 0, max: 1 }) })
  .map(({ key, ...change }) => node(key, change));
const pageData = fc.tuple(fc.uniqueArray(pageNode, { selector: (n) => n.key }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 })), { maxLength: 8 }), fc.boolean())
  .map(([nodes, pairs, swap]) => {
    const edges = new Map<string, PageData["edges"][number]>();
    for (const [s, t, weight] of pairs) {
      const [source, target] = [nodes[s % Math.max(nodes.length, 1)]?.key, nodes[t % Math.max(nodes.length, 1)]?.key];
      if (source && target && source !== target) edges.set(`${source}>${target}`, { source, target, weight });
    }
    const folders = [{ name: "", color: "#111", size: 2 }, { name: "Sub", color: "#222", size: 1 }];
    return data(nodes, [...edges.values()], swap ? folders.map((f, i) => ({ ...f, color: folders[1 - i]?.color ?? "" })) : folders);
  });

/** The delta with its lists sorted: it promises no order. */
function inOrder(delta: ReturnType<typeof pageDelta>) {
  const sorted = <T>(list: readonly T[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { ...delta, nodes: sorted(delta.nodes), removedNodes: sorted(delta.removedNodes), edges: sorted(delta.edges), removedEdges: sorted(delta.removedEdges) };
}

/** `after` holding `before`'s very node and edge objects wherever they are equal, as pageData reuses them between builds. */
function sharing(before: PageData, after: PageData): PageData {
  const same = <T>(list: readonly T[], item: T) => list.find((old) => JSON.stringify(old) === JSON.stringify(item)) ?? item;
  return { ...after, nodes: after.nodes.map((n) => same(before.nodes, n)), edges: after.edges.map((e) => same(before.edges, e)) };
}

describe("pageDelta and the page's applyDelta (serve, between saves)", () => {
  it("finds the same delta when the builds share node and edge objects as when they share none (property)", () => {
    fc.assert(
      fc.property(pageData, pageData, (before, after) => {
        expect(inOrder(pageDelta(before, sharing(before, after)))).toEqual(inOrder(pageDelta(before, structuredClone(after))));
      }),
      { numRuns: 300 },
    );
  });

  it("turn the page's graph into the graph of the next build, whatever changed (property)", () => {
    fc.assert(
      fc.property(pageData, pageData, (before, after) => {
        const { applied: got, built } = applied(before, after);
        expect(got).toEqual(built);
      }),
      { numRuns: 300 },
    );
  });

  it("carries only what changed: a new link to a new missing topic", () => {
    const before = data([node("A.md"), node("B.md")], [{ source: "A.md", target: "B.md", weight: 1 }]);
    const after = data([node("A.md"), node("B.md", { inLinks: 1 }), node("missing:gone", { inLinks: 1 })], [
      { source: "A.md", target: "B.md", weight: 2 },
      { source: "A.md", target: "missing:gone", weight: 1 },
    ]);
    const delta = pageDelta(before, after);
    expect(delta.nodes.map((n) => n.key)).toEqual(["B.md", "missing:gone"]);
    expect(delta.edges).toEqual([{ source: "A.md", target: "B.md", weight: 2 }, { source: "A.md", target: "missing:gone", weight: 1 }]);
    expect(delta.removedNodes).toEqual([]);
    expect(delta.removedEdges).toEqual([]);
  });

  it("drops a deleted note with its edges, and names a removed link only when both ends stay", () => {
    const before = data([node("A.md"), node("B.md"), node("Sub/C.md")], [
      { source: "A.md", target: "B.md", weight: 1 },
      { source: "A.md", target: "Sub/C.md", weight: 1 },
      { source: "Sub/C.md", target: "A.md", weight: 1 },
    ]);
    const after = data([node("A.md"), node("B.md")], []);
    const delta = pageDelta(before, after);
    expect(delta.removedNodes).toEqual(["Sub/C.md"]);
    expect(delta.removedEdges).toEqual([{ source: "A.md", target: "B.md" }]);
    const { applied: got, built } = applied(before, after);
    expect(got).toEqual(built);
  });

  it("recolours unchanged nodes when their folder's colour moves to another folder", () => {
    const nodes = [node("A.md"), node("Sub/C.md")];
    const before = data(nodes, [], [{ name: "", color: "#111", size: 1 }, { name: "Sub", color: "#222", size: 1 }]);
    const after = data(nodes, [], [{ name: "Sub", color: "#111", size: 2 }, { name: "", color: "#222", size: 1 }]);
    expect(pageDelta(before, after).nodes).toEqual([]);
    const graph = graphFromData(before);
    applyDelta(graph, pageDelta(before, after));
    expect(graph.getNodeAttribute("Sub/C.md", "folderColor")).toBe("#111");
    expect(graph.getNodeAttribute("A.md", "folderColor")).toBe("#222");
  });
});
