import type { VaultGraph } from "../graph/buildGraph.js";
import { compareCodeUnits } from "../keys.js";
import type { VaultPath } from "../types.js";

/** Two notes that the graph says belong together but do not link. */
export interface SuggestedLink {
  source: VaultPath;
  target: VaultPath;
  /** Adamic-Adar: shared neighbours, each weighted by 1 / log(its degree). */
  score: number;
  /** The notes they share, most telling first. */
  via: string[];
  reason: string;
}

/** Hubs this connected say little about any pair, and would cost degree² pairs. */
const HUB_LIMIT = 400;

/**
 * For each note, the few unlinked notes it shares the most neighbours with (Adamic-Adar), with
 * the reason: "both cited by EC2 and Pricing" when the same notes link to both (co-citation).
 */
export function suggestedLinks(graph: VaultGraph, perNote = 3): SuggestedLink[] {
  const isNote = (node: string) => graph.getNodeAttribute(node, "kind") === "note";
  const results = new Map<string, SuggestedLink>();
  graph.forEachNode((source) => {
    if (!isNote(source)) return;
    const scores = new Map<string, { score: number; via: Map<string, number> }>();
    graph.forEachNeighbor(source, (middle) => {
      const degree = graph.degree(middle);
      if (degree < 2 || degree > HUB_LIMIT) return;
      const weight = 1 / Math.log(degree);
      graph.forEachNeighbor(middle, (target) => {
        if (target === source || !isNote(target) || graph.areNeighbors(source, target)) return;
        const entry = scores.get(target) ?? { score: 0, via: new Map() };
        entry.score += weight;
        entry.via.set(middle, weight);
        scores.set(target, entry);
      });
    });
    const best = [...scores].sort(([a, x], [b, y]) => y.score - x.score || compareCodeUnits(a, b)).slice(0, perNote);
    for (const [target, { score, via }] of best) {
      const [first, second] = source < target ? [source, target] : [target, source];
      const key = `${first}\u0000${second}`;
      if (results.has(key)) continue;
      const middles = [...via].sort(([a, x], [b, y]) => y - x || compareCodeUnits(a, b)).map(([m]) => m);
      results.set(key, { source: first as VaultPath, target: second as VaultPath, score: Math.round(score * 1000) / 1000, via: middles.map(title), reason: reasonFor(graph, first, second, middles.slice(0, 2)) });
    }
  });
  return [...results.values()].sort((a, b) => b.score - a.score || compareCodeUnits(a.source, b.source) || compareCodeUnits(a.target, b.target));

  function title(node: string): string {
    return graph.getNodeAttribute(node, "title");
  }
}

function reasonFor(graph: VaultGraph, a: string, b: string, middles: string[]): string {
  const names = middles.map((m) => graph.getNodeAttribute(m, "title")).join(" and ");
  const cited = middles.every((m) => graph.hasDirectedEdge(m, a) && graph.hasDirectedEdge(m, b));
  if (cited) return `both cited by ${names}`;
  const citing = middles.every((m) => graph.hasDirectedEdge(a, m) && graph.hasDirectedEdge(b, m));
  return citing ? `both link to ${names}` : `both connected to ${names}`;
}
