import type { PageData, PageEdge, PageNode } from "./pageData.js";

/** Everything in PageData but the nodes and edges: small, so a delta carries it whole. */
export type PageMeta = Omit<PageData, "nodes" | "edges">;

/**
 * What changed between two builds of a page's data (`serve`, after a save): the page applies it
 * to the graph it already has instead of fetching and rebuilding the whole graph.
 */
export interface PageDelta {
  /** Nodes that are new or differ in any field, whole. */
  nodes: PageNode[];
  /** Keys of nodes that are gone; their edges go with them. */
  removedNodes: string[];
  /** Edges that are new or have a new weight. */
  edges: PageEdge[];
  /** Edges that are gone between nodes that both stay. */
  removedEdges: { source: string; target: string }[];
  meta: PageMeta;
}

export function pageMeta(data: PageData): PageMeta {
  const { nodes: _nodes, edges: _edges, ...meta } = data;
  return meta;
}

/** The delta that turns `before` into `after` (node and edge order aside). */
export function pageDelta(before: PageData, after: PageData): PageDelta {
  const nodesBefore = new Map(before.nodes.map((node) => [node.key, node]));
  const kept = new Set<string>();
  const nodes: PageNode[] = [];
  for (const node of after.nodes) {
    const old = nodesBefore.get(node.key);
    if (old) kept.add(node.key);
    if (!old || (old !== node && !samePageNode(old, node))) nodes.push(node);
  }
  const removedNodes = before.nodes.filter((node) => !kept.has(node.key)).map((node) => node.key);
  // Edges in both as the very same objects (pageData reuses them) are unchanged; the rest are compared by value.
  const unmatched = new Set(before.edges);
  const edgesAfter = after.edges.filter((edge) => !unmatched.delete(edge));
  const weightsBefore = edgeWeights(unmatched);
  const edges: PageEdge[] = [];
  for (const edge of edgesAfter) {
    const targets = weightsBefore.get(edge.source);
    if (targets?.get(edge.target) !== edge.weight) edges.push(edge);
    targets?.delete(edge.target);
  }
  const gone = new Set(removedNodes);
  const removedEdges: PageDelta["removedEdges"] = [];
  for (const [source, targets] of weightsBefore) {
    if (gone.has(source)) continue;
    for (const target of targets.keys()) if (!gone.has(target)) removedEdges.push({ source, target });
  }
  return { nodes, removedNodes, edges, removedEdges, meta: pageMeta(after) };
}

/** Source -> target -> weight. */
function edgeWeights(edges: Iterable<PageEdge>): Map<string, Map<string, number>> {
  const weights = new Map<string, Map<string, number>>();
  for (const { source, target, weight } of edges) {
    const targets = weights.get(source);
    if (targets) targets.set(target, weight);
    else weights.set(source, new Map([[target, weight]]));
  }
  return weights;
}

function samePageNode(a: PageNode, b: PageNode): boolean {
  return (
    a.label === b.label && a.kind === b.kind && a.path === b.path && a.hash === b.hash && a.folder === b.folder &&
    a.x === b.x && a.y === b.y && a.size === b.size && a.cluster === b.cluster && a.inLinks === b.inLinks &&
    sameList(a.tags, b.tags) && sameList(a.aliases, b.aliases) &&
    sameList(a.headings, b.headings, (x, y) => x.depth === y.depth && x.text === y.text)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => same(x, b[i] as T)));
}
