import { sameFiles } from "../keys.js";
import type { Vault } from "../types.js";
import { addLinks, missingNodeKey, missingTitles, noteNode, type NodeAttributes, type VaultGraph } from "./buildGraph.js";

/** What an update in place changed: enough to tell an open page without comparing every node and edge. */
export interface GraphUpdate {
  /** The changed notes' keys. */
  notes: string[];
  /** The changed notes' attributes before the update (they are replaced, not changed in place). */
  replaced: Map<string, NodeAttributes>;
  /**
   * Every node whose attributes, links in or presence may differ: the changed notes and each node
   * they linked to before or link to now (a missing topic among them may be new, gone or retitled).
   */
  touched: Set<string>;
  /** Edges out of a changed note before the update that it no longer has (their target may be gone too). */
  droppedEdges: { source: string; target: string }[];
}

/**
 * Brings a graph built from `before` up to `after`, in place, when the two have the same files and
 * only some notes' records changed (`serve`, between saves): their nodes' attributes and edges
 * out are made again, and missing topics are added, dropped or retitled as the links to them
 * changed. The same nodes and edges as `buildGraph(after)`, though new ones come last. Null,
 * and nothing changed, when the files differ: then build the graph afresh.
 */
export function updateGraph(graph: VaultGraph, before: Vault, after: Vault): GraphUpdate | null {
  if (!sameFiles(before, after)) return null;
  const changed = new Set(after.notes.filter((note, i) => note !== before.notes[i]).map((note) => note.path));
  const touched = new Set<string>(changed);
  const outBefore = new Map<string, string[]>();
  const replaced = new Map<string, NodeAttributes>();
  for (const note of after.notes) {
    if (!changed.has(note.path)) continue;
    replaced.set(note.path, graph.getNodeAttributes(note.path));
    graph.replaceNodeAttributes(note.path, noteNode(note));
    outBefore.set(note.path, graph.outNeighbors(note.path));
    for (const edge of graph.outEdges(note.path)) {
      touched.add(graph.target(edge));
      graph.dropEdge(edge);
    }
  }
  const links = after.links.filter((link) => changed.has(link.source));
  addLinks(graph, links);
  for (const key of touched) if (graph.getNodeAttribute(key, "kind") === "missing" && graph.inDegree(key) === 0) graph.dropNode(key);
  for (const link of links) touched.add(link.resolved ?? missingNodeKey(link.target));
  const retitled = new Set([...touched].filter((key) => graph.hasNode(key) && graph.getNodeAttribute(key, "kind") === "missing"));
  for (const [key, title] of missingTitles(after.links, retitled)) graph.mergeNodeAttributes(key, { title });
  const droppedEdges = [...outBefore].flatMap(([source, targets]) => targets.filter((target) => !graph.hasEdge(source, target)).map((target) => ({ source, target })));
  return { notes: [...changed], replaced, touched, droppedEdges };
}
