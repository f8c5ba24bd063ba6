import Graph from "graphology";
import type { PageDelta } from "../src/emit/pageDelta.js";
import type { PageData, PageEdge, PageNode } from "../src/emit/pageData.js";

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  page: PageNode;
  clusterColor: string;
  folderColor: string;
}

export interface EdgeAttrs {
  size: number;
  weight: number;
}

export type PageGraph = Graph<NodeAttrs, EdgeAttrs>;

const OTHER_COLOR = "#a0a4ab";

/** The page's graph from the build's data; positions come laid out. */
export function graphFromData(data: PageData, graph: PageGraph = new Graph({ type: "directed" })): PageGraph {
  graph.clear();
  const colors = groupColors(data);
  for (const node of data.nodes) graph.addNode(node.key, nodeAttrs(node, colors));
  for (const edge of data.edges) graph.addEdge(edge.source, edge.target, edgeAttrs(edge));
  return graph;
}

/**
 * `serve`: the next build's changes applied in place, giving the graph graphFromData would
 * build from the next data (nodes and edges may sit in another order).
 */
export function applyDelta(graph: PageGraph, delta: PageDelta): void {
  for (const key of delta.removedNodes) if (graph.hasNode(key)) graph.dropNode(key);
  for (const { source, target } of delta.removedEdges) if (graph.hasEdge(source, target)) graph.dropEdge(source, target);
  const colors = groupColors(delta.meta);
  for (const node of delta.nodes) {
    if (graph.hasNode(node.key)) graph.replaceNodeAttributes(node.key, nodeAttrs(node, colors));
    else graph.addNode(node.key, nodeAttrs(node, colors));
  }
  for (const edge of delta.edges) {
    if (graph.hasEdge(edge.source, edge.target)) graph.replaceEdgeAttributes(edge.source, edge.target, edgeAttrs(edge));
    else graph.addEdge(edge.source, edge.target, edgeAttrs(edge));
  }
  // A folder's colour follows its rank by size, so an unchanged node may change colour. One pass
  // for all (no hints: sigma may not have indexed the nodes just added).
  const recoloured = graph.someNode((_key, attrs) => {
    const now = colorsOf(attrs.page, colors);
    return now.clusterColor !== attrs.clusterColor || now.folderColor !== attrs.folderColor;
  });
  if (recoloured) graph.updateEachNodeAttributes((_key, attrs) => ({ ...attrs, ...colorsOf(attrs.page, colors) }));
}

interface GroupColors {
  clusters: Pick<PageData, "clusters">["clusters"];
  folders: Map<string, string>;
}

function groupColors(data: Pick<PageData, "clusters" | "folders">): GroupColors {
  return { clusters: data.clusters, folders: new Map(data.folders.map((f) => [f.name, f.color])) };
}

function colorsOf(node: PageNode, colors: GroupColors): Pick<NodeAttrs, "clusterColor" | "folderColor"> {
  return { clusterColor: colors.clusters[node.cluster]?.color ?? OTHER_COLOR, folderColor: colors.folders.get(node.folder) ?? OTHER_COLOR };
}

function nodeAttrs(node: PageNode, colors: GroupColors): NodeAttrs {
  return { x: node.x, y: node.y, size: node.size, label: node.label, page: node, ...colorsOf(node, colors) };
}

function edgeAttrs(edge: PageEdge): EdgeAttrs {
  return { weight: edge.weight, size: Math.min(0.6 + Math.log2(edge.weight) * 0.8, 4) };
}

/** Nodes within `depth` links of `start`, in either direction (Obsidian's local graph). */
export function neighbourhood(graph: PageGraph, start: string, depth: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      });
    }
    frontier = next;
  }
  return seen;
}
