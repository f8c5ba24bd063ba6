import { sameFiles } from "../keys.js";
import type { Vault } from "../types.js";
import { addLinks, missingNodeKey, missingTitles, noteNode, type VaultGraph } from "./buildGraph.js";

/**
 * Brings a graph built from `before` up to `after`, in place, when the two have the same files and
 * only some notes' records changed (`serve`, between saves): their nodes' attributes and edges
 * out are made again, and missing topics are added, dropped or retitled as the links to them
 * changed. The same nodes and edges as `buildGraph(after)`, though new ones come last. False,
 * and nothing changed, when the files differ: then build the graph afresh.
 */
export function updateGraph(graph: VaultGraph, before: Vault, after: Vault): boolean {
  if (!sameFiles(before, after)) return false;
  const changed = new Set(after.notes.filter((note, i) => note !== before.notes[i]).map((note) => note.path));
  if (changed.size === 0) return true;
  const touched = new Set<string>();
  for (const note of after.notes) {
    if (!changed.has(note.path)) continue;
    graph.replaceNodeAttributes(note.path, noteNode(note));
    for (const edge of graph.outEdges(note.path)) {
      const target = graph.target(edge);
      if (graph.getNodeAttribute(target, "kind") === "missing") touched.add(target);
      graph.dropEdge(edge);
    }
  }
  const links = after.links.filter((link) => changed.has(link.source));
  addLinks(graph, links);
  for (const key of touched) if (graph.inDegree(key) === 0) graph.dropNode(key);
  for (const link of links) if (link.resolved === null) touched.add(missingNodeKey(link.target));
  const retitled = new Set([...touched].filter((key) => graph.hasNode(key)));
  for (const [key, title] of missingTitles(after.links, retitled)) graph.mergeNodeAttributes(key, { title });
  return true;
}
