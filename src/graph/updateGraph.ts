import { attachmentMoves, changedNotes, noteMoves } from "../noteMoves.js";
import type { Vault } from "../types.js";
import { addLinks, attachmentNode, missingNodeKey, missingTitles, noteNode, type NodeAttributes, type VaultGraph } from "./buildGraph.js";

/** What an update in place changed: enough to tell an open page without comparing every node and edge. */
export interface GraphUpdate {
  /** The keys of the notes whose records or links changed, new notes among them. */
  notes: string[];
  /** The changed notes' attributes before the update (they are replaced, not changed in place); none for a new note. */
  replaced: Map<string, NodeAttributes>;
  /**
   * Every node whose attributes, links in or presence may differ: the changed notes, the files
   * added or removed, and each node the changed or removed notes linked to before or link to now
   * (a missing topic among them may be new, gone or retitled).
   */
  touched: Set<string>;
  /** Edges out of a changed note before the update that it no longer has (their target may be gone too). */
  droppedEdges: { source: string; target: string }[];
}

/**
 * Brings a graph built from `before` up to `after`, in place (`serve`, between saves): the nodes
 * of files removed go, those of files added come, the changed notes' attributes and edges out are
 * made again, and missing topics are added, dropped or retitled as the links to them changed. A
 * note changed when its record or, when files came or went, any of its links is not the very
 * object it was (a parse cache and `resolveLinksAgain` hand back the same ones for what did not
 * change; see `changedNotes`). The same nodes and
 * edges as `buildGraph(after)`, though new ones come last.
 */
export function updateGraph(graph: VaultGraph, before: Vault, after: Vault): GraphUpdate {
  const moves = noteMoves(before.notes, after.notes);
  const attached = attachmentMoves(before.attachments, after.attachments);
  const changed = changedNotes(before, after);
  const touched = new Set<string>(changed);
  const outBefore = new Map<string, string[]>();
  const replaced = new Map<string, NodeAttributes>();
  const dropOut = (key: string) => {
    for (const edge of graph.outEdges(key)) {
      touched.add(graph.target(edge));
      graph.dropEdge(edge);
    }
  };
  for (const path of [...moves.removed, ...attached.removed]) {
    dropOut(path);
    graph.dropNode(path);
    touched.add(path);
  }
  for (const note of after.notes) {
    if (!changed.has(note.path)) continue;
    if (!graph.hasNode(note.path)) {
      graph.addNode(note.path, noteNode(note));
      continue;
    }
    replaced.set(note.path, graph.getNodeAttributes(note.path));
    graph.replaceNodeAttributes(note.path, noteNode(note));
    outBefore.set(note.path, graph.outNeighbors(note.path));
    dropOut(note.path);
  }
  for (const path of attached.added) {
    graph.addNode(path, attachmentNode(path));
    touched.add(path);
  }
  const links = after.links.filter((link) => changed.has(link.source));
  addLinks(graph, links);
  for (const key of touched) if (graph.hasNode(key) && graph.getNodeAttribute(key, "kind") === "missing" && graph.inDegree(key) === 0) graph.dropNode(key);
  for (const link of links) touched.add(link.resolved ?? missingNodeKey(link.target));
  const retitled = new Set([...touched].filter((key) => graph.hasNode(key) && graph.getNodeAttribute(key, "kind") === "missing"));
  for (const [key, title] of missingTitles(after.links, retitled)) graph.mergeNodeAttributes(key, { title });
  const droppedEdges = [...outBefore].flatMap(([source, targets]) => targets.filter((target) => !graph.hasEdge(source, target)).map((target) => ({ source, target })));
  return { notes: [...changed], replaced, touched, droppedEdges };
}
