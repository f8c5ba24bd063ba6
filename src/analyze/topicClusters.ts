import louvain from "graphology-communities-louvain";
import type { VaultGraph } from "../graph/buildGraph.js";
import { compareCodeUnits } from "../keys.js";
import { seededRandom } from "../random.js";

export interface TopicCluster {
  /** 0 for the largest cluster, then by size. */
  id: number;
  /** The key of the cluster's most central note (most links in), which names it. */
  centre: string;
  name: string;
  size: number;
}

export interface TopicClusters {
  clusters: TopicCluster[];
  /** Node key -> cluster id. */
  membership: Record<string, number>;
}

/** Louvain communities, seeded so the same vault gives the same clusters. */
export function topicClusters(graph: VaultGraph, seed = 1): TopicClusters {
  if (graph.order === 0) return { clusters: [], membership: {} };
  const raw = graph.size === 0 ? Object.fromEntries(graph.nodes().map((n, i) => [n, i])) : louvain(graph, { rng: seededRandom(seed), getEdgeWeight: "weight" });
  const members = new Map<number, string[]>();
  for (const node of graph.nodes()) {
    const community = raw[node] ?? 0;
    const list = members.get(community);
    if (list) list.push(node);
    else members.set(community, [node]);
  }
  const groups = [...members.values()].map((nodes) => ({ nodes, centre: centreOf(graph, nodes) }));
  groups.sort((a, b) => b.nodes.length - a.nodes.length || compareCodeUnits(a.centre, b.centre));
  const membership: Record<string, number> = {};
  const clusters = groups.map((group, id) => {
    for (const node of group.nodes) membership[node] = id;
    return { id, centre: group.centre, name: graph.getNodeAttribute(group.centre, "title"), size: group.nodes.length };
  });
  return { clusters, membership };
}

/** The member with the most incoming links, preferring written notes over missing topics. */
function centreOf(graph: VaultGraph, nodes: string[]): string {
  const score = (node: string) => (graph.getNodeAttribute(node, "kind") === "note" ? 1e9 : 0) + graph.inDegree(node) * 1000 + graph.degree(node);
  return [...nodes].sort((a, b) => score(b) - score(a) || compareCodeUnits(a, b))[0] ?? "";
}
