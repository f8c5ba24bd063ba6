import louvain from "graphology-communities-louvain";
import { answeredTopicKeys, type VaultGraph } from "../graph/buildGraph.js";
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

/**
 * The clusters of an earlier build of nearly the same graph, kept so colours hold still between
 * saves (`serve`): each node keeps its cluster, a new node joins the cluster most of its links
 * reach (or one of its own), and sizes and centres are counted again. Ids keep their first order.
 * Null when over `maxNewShare` of the nodes are new: then Louvain runs again. With `touched` (every
 * node new, gone, or whose attributes or links may differ since `previous`), a cluster with none of
 * them keeps its centre: only those that had or have one are scored again.
 */
export function keptClusters(graph: VaultGraph, previous: TopicClusters, maxNewShare: number, touched?: ReadonlySet<string>): TopicClusters | null {
  const fresh = graph.nodes().filter((node) => previous.membership[node] === undefined);
  if (fresh.length > Math.max(1, graph.order * maxNewShare)) return null;
  const membership: Record<string, number> = {};
  for (const node of graph.nodes()) {
    const kept = previous.membership[node];
    if (kept !== undefined) membership[node] = kept;
  }
  let next = previous.clusters.length;
  for (const node of fresh) membership[node] = answeredCluster(graph, node, previous.membership) ?? neighbourCluster(graph, node, previous.membership) ?? next++;
  const members = new Map<number, string[]>();
  for (const node of graph.nodes()) {
    const id = membership[node] as number;
    const list = members.get(id);
    if (list) list.push(node);
    else members.set(id, [node]);
  }
  const rescored = touched && new Set([...touched].flatMap((node) => [previous.membership[node], membership[node]]));
  const clusters = Array.from({ length: next }, (_unused, id): TopicCluster => {
    const nodes = members.get(id) ?? [];
    const before = previous.clusters[id];
    if (rescored && before && !rescored.has(id)) return { ...before, size: nodes.length };
    const centre = nodes.length > 0 ? centreOf(graph, nodes) : (previous.clusters[id]?.centre ?? "");
    const name = nodes.length > 0 ? graph.getNodeAttribute(centre, "title") : (previous.clusters[id]?.name ?? "");
    return { id, centre, name, size: nodes.length };
  });
  return { clusters, membership };
}

/** The cluster of the missing topic a new note was written for, if it had one. */
function answeredCluster(graph: VaultGraph, node: string, membership: Readonly<Record<string, number>>): number | null {
  for (const key of answeredTopicKeys(graph, node)) if (membership[key] !== undefined) return membership[key] ?? null;
  return null;
}

/** The cluster that most of a node's link weight, in or out, reaches; null when it has no links to a clustered node. */
function neighbourCluster(graph: VaultGraph, node: string, membership: Readonly<Record<string, number>>): number | null {
  const weights = new Map<number, number>();
  graph.forEachEdge(node, (_edge, attributes, source, target) => {
    const id = membership[source === node ? target : source];
    if (id !== undefined) weights.set(id, (weights.get(id) ?? 0) + attributes.weight);
  });
  let best: number | null = null;
  for (const [id, weight] of weights) if (best === null || weight > (weights.get(best) ?? 0) || (weight === weights.get(best) && id < best)) best = id;
  return best;
}

/** The member with the most incoming links, preferring written notes over missing topics. */
function centreOf(graph: VaultGraph, nodes: string[]): string {
  const score = (node: string) => (graph.getNodeAttribute(node, "kind") === "note" ? 1e9 : 0) + graph.inDegree(node) * 1000 + graph.degree(node);
  // One pass, each node scored once (a sort scored each about log n times); ties go to the first key in code-unit order.
  let [best, bestScore] = ["", -Infinity];
  for (const node of nodes) {
    const value = score(node);
    if (value > bestScore || (value === bestScore && compareCodeUnits(node, best) < 0)) [best, bestScore] = [node, value];
  }
  return best;
}
