import Graph from "graphology";
import { baseName, folderOf, lookupKey, preferredSpelling } from "../keys.js";
import type { Heading, LinkKind, Vault } from "../types.js";

export interface NoteNode {
  kind: "note";
  path: string;
  title: string;
  aliases: string[];
  tags: string[];
  headings: Heading[];
  words: number;
  folder: string;
}

export interface AttachmentNode {
  kind: "attachment";
  path: string;
  title: string;
  folder: string;
}

/** A topic some note links to that nobody has written yet. */
export interface MissingNode {
  kind: "missing";
  missing: true;
  title: string;
}

export type NodeAttributes = NoteNode | AttachmentNode | MissingNode;

export interface EdgeAttributes {
  /** How many links from source to target. */
  weight: number;
  kinds: LinkKind[];
}

export type VaultGraph = Graph<NodeAttributes, EdgeAttributes>;

/** Node key of a missing topic: its lookup key behind a prefix no vault path starts with. */
export function missingNodeKey(target: string): string {
  return `missing:${lookupKey(target)}`;
}

/**
 * Notes, attachments and missing topics as nodes; one directed edge per linked pair, weighted by
 * the number of links. Self-links (`[[#Heading]]`) are not edges, as in Obsidian's graph.
 */
export function buildGraph(vault: Vault): VaultGraph {
  const graph: VaultGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  for (const note of vault.notes) {
    const { path, title, aliases, tags, headings, words } = note;
    graph.addNode(path, { kind: "note", path, title, aliases, tags, headings, words, folder: folderOf(path) });
  }
  for (const path of vault.attachments) {
    graph.addNode(path, { kind: "attachment", path, title: baseName(path), folder: folderOf(path) });
  }
  const spellings = new Map<string, string[]>();
  // Pairs are counted in maps and added once each: graphology's updateEdge per link was most of the cost.
  const edges = new Map<string, Map<string, EdgeAttributes>>();
  for (const link of vault.links) {
    const target = link.resolved ?? missingNodeKey(link.target);
    if (link.resolved === null) spellings.set(target, spellings.get(target) ?? []).get(target)?.push(link.target);
    if (target === link.source) continue;
    if (link.resolved === null && !graph.hasNode(target)) graph.addNode(target, { kind: "missing", missing: true, title: link.target });
    const from = edges.get(link.source) ?? edges.set(link.source, new Map()).get(link.source) as Map<string, EdgeAttributes>;
    const edge = from.get(target);
    if (!edge) from.set(target, { weight: 1, kinds: [link.kind] });
    else {
      edge.weight += 1;
      if (!edge.kinds.includes(link.kind)) edge.kinds.push(link.kind);
    }
  }
  for (const [source, targets] of edges) for (const [target, attributes] of targets) graph.addEdge(source, target, attributes);
  for (const [key, names] of spellings) graph.mergeNodeAttributes(key, { title: preferredSpelling(names) });
  return graph;
}
