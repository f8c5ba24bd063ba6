import Graph from "graphology";
import { baseName, folderOf, lookupKey, preferredSpelling, stripMd } from "../keys.js";
import type { Heading, LinkKind, NoteRecord, ResolvedLink, Vault } from "../types.js";

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
 * The keys of the missing topics a note node may answer (a note written for a topic linked before
 * it existed): its path and its file name without `.md`, where no node of that key is left.
 */
export function answeredTopicKeys(graph: VaultGraph, node: string): string[] {
  const attributes = graph.getNodeAttributes(node);
  if (attributes.kind !== "note") return [];
  const keys = new Set([missingNodeKey(stripMd(attributes.path)), missingNodeKey(stripMd(baseName(attributes.path)))]);
  return [...keys].filter((key) => !graph.hasNode(key));
}

/**
 * Notes, attachments and missing topics as nodes; one directed edge per linked pair, weighted by
 * the number of links. Self-links (`[[#Heading]]`) are not edges, as in Obsidian's graph.
 */
export function buildGraph(vault: Vault): VaultGraph {
  const graph: VaultGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  for (const note of vault.notes) graph.addNode(note.path, noteNode(note));
  for (const path of vault.attachments) graph.addNode(path, attachmentNode(path));
  addLinks(graph, vault.links);
  for (const [key, title] of missingTitles(vault.links)) graph.mergeNodeAttributes(key, { title });
  return graph;
}

export function noteNode(note: NoteRecord): NoteNode {
  const { path, title, aliases, tags, headings, words } = note;
  return { kind: "note", path, title, aliases, tags, headings, words, folder: folderOf(path) };
}

export function attachmentNode(path: string): AttachmentNode {
  return { kind: "attachment", path, title: baseName(path), folder: folderOf(path) };
}

/** Adds the links' edges, one per linked pair, and the missing topics they reach; self-links are left out. */
export function addLinks(graph: VaultGraph, links: readonly ResolvedLink[]): void {
  // Pairs are counted in maps and added once each: graphology's updateEdge per link was most of the cost.
  const edges = new Map<string, Map<string, EdgeAttributes>>();
  for (const link of links) {
    const target = link.resolved ?? missingNodeKey(link.target);
    if (target === link.source) continue;
    if (link.resolved === null && !graph.hasNode(target)) graph.addNode(target, { kind: "missing", missing: true, title: link.target });
    const from = edges.get(link.source) ?? (edges.set(link.source, new Map()).get(link.source) as Map<string, EdgeAttributes>);
    const edge = from.get(target);
    if (!edge) from.set(target, { weight: 1, kinds: [link.kind] });
    else {
      edge.weight += 1;
      if (!edge.kinds.includes(link.kind)) edge.kinds.push(link.kind);
    }
  }
  for (const [source, targets] of edges) for (const [target, attributes] of targets) graph.addEdge(source, target, attributes);
}

/** Each missing topic's title, the spelling most links to it use (of the topics in `only`, when given). */
export function missingTitles(links: readonly ResolvedLink[], only?: ReadonlySet<string>): Map<string, string> {
  const spellings = new Map<string, string[]>();
  for (const link of links) {
    if (link.resolved !== null) continue;
    const key = missingNodeKey(link.target);
    if (only && !only.has(key)) continue;
    const list = spellings.get(key);
    if (list) list.push(link.target);
    else spellings.set(key, [link.target]);
  }
  return new Map([...spellings].map(([key, names]) => [key, preferredSpelling(names)]));
}
