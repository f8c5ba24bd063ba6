import Graph from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import type { VaultGraph } from "../graph/buildGraph.js";
import { compareCodeUnits } from "../keys.js";
import { seededRandom } from "../random.js";
import type { VaultPath } from "../types.js";

export interface BridgeNote {
  path: VaultPath;
  title: string;
  /** Betweenness centrality, normalized: the share of shortest paths between notes through it. */
  score: number;
}

/** Above this many notes, betweenness is estimated from a seeded sample of sources. */
const EXACT_LIMIT = 2000;
const SAMPLE_SOURCES = 256;

/**
 * Notes that connect parts of the vault: highest betweenness over the notes' links taken both
 * ways. Exact (graphology-metrics) on small vaults; on large ones Brandes' algorithm from a
 * seeded sample of sources, which that library does not offer, so the cost stays near linear.
 */
export function bridgeNotes(graph: VaultGraph, top = 10): BridgeNote[] {
  const notes = new Graph({ type: "undirected" });
  graph.forEachNode((node, attributes) => {
    if (attributes.kind === "note") notes.addNode(node);
  });
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (notes.hasNode(source) && notes.hasNode(target) && !notes.hasEdge(source, target)) notes.addEdge(source, target);
  });
  if (notes.order < 3) return [];
  const scores = notes.order <= EXACT_LIMIT ? betweennessCentrality(notes, { normalized: true }) : sampledBetweenness(notes);
  return Object.entries(scores)
    .filter(([, score]) => score > 0)
    .sort(([a, x], [b, y]) => y - x || compareCodeUnits(a, b))
    .slice(0, top)
    .map(([path, score]) => ({ path: path as VaultPath, title: graph.getNodeAttribute(path, "title"), score: Math.round(score * 10000) / 10000 }));
}

/** Brandes' accumulation from `SAMPLE_SOURCES` seeded sources, scaled up and normalized. */
function sampledBetweenness(graph: Graph): Record<string, number> {
  const nodes = graph.nodes();
  const random = seededRandom(7);
  const sources = nodes.map((node) => ({ node, order: random() })).sort((a, b) => a.order - b.order).slice(0, SAMPLE_SOURCES).map((s) => s.node);
  const centrality: Record<string, number> = Object.fromEntries(nodes.map((n) => [n, 0]));
  for (const source of sources) {
    const stack: string[] = [];
    const predecessors = new Map<string, string[]>();
    const paths = new Map<string, number>([[source, 1]]);
    const distance = new Map<string, number>([[source, 0]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as string;
      stack.push(v);
      graph.forEachNeighbor(v, (w) => {
        if (!distance.has(w)) {
          distance.set(w, (distance.get(v) ?? 0) + 1);
          queue.push(w);
        }
        if (distance.get(w) === (distance.get(v) ?? 0) + 1) {
          paths.set(w, (paths.get(w) ?? 0) + (paths.get(v) ?? 0));
          const list = predecessors.get(w);
          if (list) list.push(v);
          else predecessors.set(w, [v]);
        }
      });
    }
    const dependency = new Map<string, number>();
    while (stack.length > 0) {
      const w = stack.pop() as string;
      for (const v of predecessors.get(w) ?? []) {
        const share = ((paths.get(v) ?? 0) / (paths.get(w) ?? 1)) * (1 + (dependency.get(w) ?? 0));
        dependency.set(v, (dependency.get(v) ?? 0) + share);
      }
      if (w !== source) centrality[w] = (centrality[w] ?? 0) + (dependency.get(w) ?? 0);
    }
  }
  const n = nodes.length;
  const scale = (n / sources.length) / ((n - 1) * (n - 2));
  for (const node of nodes) centrality[node] = (centrality[node] ?? 0) * scale;
  return centrality;
}
