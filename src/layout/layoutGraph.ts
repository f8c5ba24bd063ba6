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
}

/**
 * ForceAtlas2 positions for every node, computed (not assigned). Deterministic: each node starts
 * at a point seeded by its own key, so the same vault gives the same picture, and a new note does
 * not move where the others start.
 */
export function layoutPositions(graph: VaultGraph, options: LayoutOptions = {}): Record<string, Position> {
  const order = graph.order;
  if (order === 0) return {};
  const scratch = new Graph({ type: "directed" });
  const radius = Math.sqrt(order) * 10;
  graph.forEachNode((node) => {
    const random = seededRandom(hashString(node));
    const angle = random() * 2 * Math.PI;
    const distance = radius * Math.sqrt(random());
    scratch.addNode(node, { x: distance * Math.cos(angle), y: distance * Math.sin(angle) });
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    scratch.addEdge(source, target, { weight: attributes.weight });
  });
  if (order === 1) return { [graph.nodes()[0] ?? ""]: { x: 0, y: 0 } };
  const positions = forceAtlas2(scratch, {
    iterations: options.iterations ?? iterationBudget(order),
    // Strong gravity at 1 keeps orphans near the rest instead of drifting to the frame edge.
    settings: { ...forceAtlas2.inferSettings(scratch), gravity: 1 },
    getEdgeWeight: "weight",
  });
  return roundPositions(positions);
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
