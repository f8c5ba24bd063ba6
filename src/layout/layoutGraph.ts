import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { VaultGraph } from "../graph/buildGraph.js";
import { hashString, seededRandom } from "../random.js";

export interface Position {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** ForceAtlas2 iterations; default: fewer as the graph grows (see `iterationBudget`). */
  iterations?: number;
  /**
   * Node key -> cluster id (`topicClusters(graph).membership`). From CLUSTER_START nodes up, each
   * cluster starts in a disc of its own, so half the iterations give the same picture.
   */
  clusters?: Readonly<Record<string, number>>;
}

/** From this many nodes, a layout given clusters starts from them. */
export const CLUSTER_START = 20_000;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * ForceAtlas2 positions for every node, computed (not assigned). Deterministic: each node starts
 * at a point seeded by its own key, so the same vault gives the same picture, and a new note does
 * not move where the others start.
 */
export function layoutPositions(graph: VaultGraph, options: LayoutOptions = {}): Record<string, Position> {
  const order = graph.order;
  if (order === 0) return {};
  const scratch = new Graph({ type: "directed" });
  const clustered = options.clusters !== undefined && order >= CLUSTER_START;
  const discs = clustered ? clusterDiscs(graph, options.clusters ?? {}) : null;
  graph.forEachNode((node) => {
    const disc = discs?.get(options.clusters?.[node] ?? -1) ?? { x: 0, y: 0, radius: Math.sqrt(order) * 10 };
    const random = seededRandom(hashString(node));
    const angle = random() * 2 * Math.PI;
    const distance = disc.radius * Math.sqrt(random());
    scratch.addNode(node, { x: disc.x + distance * Math.cos(angle), y: disc.y + distance * Math.sin(angle) });
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    scratch.addEdge(source, target, { weight: attributes.weight });
  });
  if (order === 1) return { [graph.nodes()[0] ?? ""]: { x: 0, y: 0 } };
  const positions = forceAtlas2(scratch, {
    iterations: options.iterations ?? (clustered ? Math.ceil(iterationBudget(order) / 2) : iterationBudget(order)),
    // Strong gravity at 1 keeps orphans near the rest instead of drifting to the frame edge.
    settings: { ...forceAtlas2.inferSettings(scratch), gravity: 1 },
    getEdgeWeight: "weight",
  });
  return roundPositions(positions);
}

/**
 * A disc per cluster, its area in proportion to its size, laid on a sunflower spiral from the
 * largest (at the centre) out, so clusters start apart and ForceAtlas2 only has to refine.
 */
function clusterDiscs(graph: VaultGraph, clusters: Readonly<Record<string, number>>): Map<number, { x: number; y: number; radius: number }> {
  const sizes = new Map<number, number>();
  graph.forEachNode((node) => {
    const id = clusters[node] ?? -1;
    sizes.set(id, (sizes.get(id) ?? 0) + 1);
  });
  const discs = new Map<number, { x: number; y: number; radius: number }>();
  let before = 0;
  [...sizes.entries()]
    .sort(([a, sizeA], [b, sizeB]) => sizeB - sizeA || a - b)
    .forEach(([id, size], k) => {
      const distance = 10 * Math.sqrt(before + size / 2);
      discs.set(id, { x: distance * Math.cos(k * GOLDEN_ANGLE), y: distance * Math.sin(k * GOLDEN_ANGLE), radius: 10 * Math.sqrt(size) * 0.5 });
      before += size;
    });
  return discs;
}

/** Small graphs settle fully; large ones get fewer, Barnes-Hut iterations to stay within seconds. */
export function iterationBudget(order: number): number {
  if (order < 1000) return 500;
  if (order < 5000) return 150;
  if (order < 20000) return 60;
  return 30;
}

/** Three decimals are plenty on screen and keep the page's bytes stable and small. */
function roundPositions(positions: Record<string, Position>): Record<string, Position> {
  const rounded: Record<string, Position> = {};
  for (const [node, { x, y }] of Object.entries(positions)) {
    rounded[node] = { x: Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0, y: Number.isFinite(y) ? Math.round(y * 1000) / 1000 : 0 };
  }
  return rounded;
}
