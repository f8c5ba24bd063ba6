import Graph from "graphology";
import type { PageData, PageNode } from "../src/emit/pageData.js";

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

/** The page's graph from the build's data; positions come laid out. */
export function graphFromData(data: PageData, graph: PageGraph = new Graph({ type: "directed" })): PageGraph {
  graph.clear();
  const folderColors = new Map(data.folders.map((f) => [f.name, f.color]));
  for (const node of data.nodes) {
    graph.addNode(node.key, {
      x: node.x,
      y: node.y,
      size: node.size,
      label: node.label,
      page: node,
      clusterColor: data.clusters[node.cluster]?.color ?? "#a0a4ab",
      folderColor: folderColors.get(node.folder) ?? "#a0a4ab",
    });
  }
  for (const edge of data.edges) {
    graph.addEdge(edge.source, edge.target, { weight: edge.weight, size: Math.min(0.6 + Math.log2(edge.weight) * 0.8, 4) });
  }
  return graph;
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
