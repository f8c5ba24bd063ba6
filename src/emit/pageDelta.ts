import type { VaultGraph } from "../graph/buildGraph.js";
import type { GraphUpdate } from "../graph/updateGraph.js";
import { samePageNode, type PageData, type PageEdge, type PageNode } from "./pageData.js";

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

/**
 * The delta of a graph updated in place whose other nodes kept their places and clusters
 * (`serve`, a save): the touched nodes that changed (`changedNode` gives null for one that did
 * not), the changed notes' edges out, and what went. Made from the update alone, without the
 * whole page data of either build.
 */
export function updateDelta(graph: VaultGraph, update: GraphUpdate, changedNode: (key: string) => PageNode | null, meta: PageMeta): PageDelta {
  const removedNodes = [...update.touched].filter((key) => !graph.hasNode(key));
  const gone = new Set(removedNodes);
  return {
    nodes: [...update.touched].flatMap((key) => (graph.hasNode(key) ? (changedNode(key) ?? []) : [])),
    removedNodes,
    edges: update.notes.flatMap((source) => graph.mapOutEdges(source, (_edge, a, _source, target): PageEdge => ({ source, target, weight: a.weight }))),
    removedEdges: update.droppedEdges.filter((edge) => !gone.has(edge.target)),
    meta,
  };
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
