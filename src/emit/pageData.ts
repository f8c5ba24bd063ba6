import type { CheckFindings } from "../analyze/checkReport.js";
import type { TopicClusters } from "../analyze/topicClusters.js";
import { missingNodeKey, type EdgeAttributes, type NodeAttributes, type VaultGraph } from "../graph/buildGraph.js";
import { compareCodeUnits } from "../keys.js";
import type { Position } from "../layout/layoutGraph.js";

/** What the page draws: plain data, shared with `site/` as types only. */
export interface PageNode {
  key: string;
  label: string;
  kind: "note" | "attachment" | "missing";
  /** Vault-relative path; null for a missing topic. */
  path: string | null;
  /** The URL hash that deep-links to this node: its path without `.md`, or `missing/<name>`. */
  hash: string;
  folder: string;
  tags: string[];
  aliases: string[];
  headings: { depth: number; text: string }[];
  x: number;
  y: number;
  size: number;
  cluster: number;
  inLinks: number;
}

export interface PageEdge {
  source: string;
  target: string;
  weight: number;
}

export interface PageGroup {
  name: string;
  color: string;
  size: number;
}

export interface PageData {
  title: string;
  nodes: PageNode[];
  edges: PageEdge[];
  /** Indexed by `PageNode.cluster`; each named by its most central note. */
  clusters: (PageGroup & { centre: string })[];
  /** Top-level folders, `""` for the vault root. */
  folders: PageGroup[];
  tags: { name: string; size: number }[];
  stats: { notes: number; links: number; missing: number; orphans: number; attachments: number };
  /** Missing topics, most linked first: `key` is the node to open. */
  wanted: { key: string; title: string; sources: number }[];
  orphans: string[];
}

/** Tableau 10 and two more: distinct, and readable on light and dark backgrounds. */
export const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#8cd17d"];
export const OTHER_COLOR = "#a0a4ab";

export function pageData(title: string, graph: VaultGraph, positions: Record<string, Position>, topics: TopicClusters, report: CheckFindings): PageData {
  const nodes = graph.mapNodes((key, a) => entryOf(graph, key, a, positions, topics));
  const edges = graph.mapEdges((_e, a, source, target) => {
    const made = edgeEntries.get(a);
    if (made?.weight === a.weight) return made;
    const edge = { source, target, weight: a.weight };
    edgeEntries.set(a, edge);
    return edge;
  });
  const { clusters, folders, tags, stats, wanted, orphans } = pageMetaOf(title, graph, topics, report);
  return { title, nodes, edges, clusters, folders, tags, stats, wanted, orphans };
}

/**
 * One node's entry, as pageData makes it, or null when it equals the entry last made for the
 * node (for its attributes before an update replaced them, when given). A node no entry was
 * made for yet counts as changed.
 */
export function changedPageNode(graph: VaultGraph, key: string, positions: Record<string, Position>, topics: TopicClusters, attributesBefore?: NodeAttributes): PageNode | null {
  const attributes = graph.getNodeAttributes(key);
  const before = nodeEntries.get(attributesBefore ?? attributes);
  const now = entryOf(graph, key, attributes, positions, topics);
  return before && (before === now || samePageNode(before, now)) ? null : now;
}

export function samePageNode(a: PageNode, b: PageNode): boolean {
  return (
    a.key === b.key && a.label === b.label && a.kind === b.kind && a.path === b.path && a.hash === b.hash && a.folder === b.folder &&
    a.x === b.x && a.y === b.y && a.size === b.size && a.cluster === b.cluster && a.inLinks === b.inLinks &&
    sameList(a.tags, b.tags) && sameList(a.aliases, b.aliases) &&
    sameList(a.headings, b.headings, (x, y) => x.depth === y.depth && x.text === y.text)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => same(x, b[i] as T)));
}

/** Everything in the page data but its nodes and edges. */
export function pageMetaOf(title: string, graph: VaultGraph, topics: TopicClusters, report: CheckFindings): Omit<PageData, "nodes" | "edges"> {
  const folders: (string | null)[] = [];
  const tags: string[] = [];
  let missing = 0;
  graph.forEachNode((_key, a) => {
    folders.push(a.kind === "missing" ? null : topFolder(a.folder));
    if (a.kind === "note") tags.push(...a.tags);
    if (a.kind === "missing") missing += 1;
  });
  return {
    title,
    clusters: topics.clusters.map((c) => ({ name: c.name, centre: c.centre, size: c.size, color: PALETTE[c.id] ?? OTHER_COLOR })),
    folders: groupCounts(folders),
    tags: groupCounts(tags).map(({ name, size }) => ({ name, size })),
    stats: {
      notes: report.stats.notes,
      links: report.stats.links,
      missing,
      orphans: report.stats.orphans,
      attachments: report.stats.attachments,
    },
    wanted: report.wanted.slice(0, 20).map((topic) => ({ key: missingNodeKey(topic.target), title: topic.target, sources: topic.count })),
    orphans: report.orphans,
  };
}

function entryOf(graph: VaultGraph, key: string, a: NodeAttributes, positions: Record<string, Position>, topics: TopicClusters): PageNode {
  const { x, y } = positions[key] ?? { x: 0, y: 0 };
  const inLinks = graph.inDegree(key);
  const cluster = topics.membership[key] ?? 0;
  const made = nodeEntries.get(a);
  if (made && made.x === x && made.y === y && made.inLinks === inLinks && made.cluster === cluster && made.label === a.title) return made;
  const node = pageNode(key, a, x, y, inLinks, cluster);
  nodeEntries.set(a, node);
  return node;
}

// The entry made for a node's or edge's attributes object: the graph keeps that object while the
// note is unchanged (`serve` updates it in place), so a save makes a few entries again, not
// 10,000, and pageDelta finds the rest unchanged by identity. Entries are never mutated.
const nodeEntries = new WeakMap<NodeAttributes, PageNode>();
const edgeEntries = new WeakMap<EdgeAttributes, PageEdge>();

function pageNode(key: string, a: NodeAttributes, x: number, y: number, inLinks: number, cluster: number): PageNode {
  return {
    key,
    label: a.title,
    kind: a.kind,
    path: a.kind === "missing" ? null : a.path,
    hash: a.kind === "missing" ? `missing/${a.title}` : a.path.replace(/\.md$/i, ""),
    folder: a.kind === "missing" ? "" : topFolder(a.folder),
    tags: a.kind === "note" ? a.tags : [],
    aliases: a.kind === "note" ? a.aliases : [],
    headings: a.kind === "note" ? a.headings.map(({ depth, text }) => ({ depth, text })) : [],
    x,
    y,
    size: nodeSize(inLinks),
    cluster,
    inLinks,
  };
}

/** Drawn size from links in: area grows with the number of notes that cite it. */
export function nodeSize(inLinks: number): number {
  return Math.round((3 + 2.2 * Math.sqrt(inLinks)) * 100) / 100;
}

function topFolder(folder: string): string {
  return folder.split("/")[0] ?? "";
}

/** Distinct values with their counts, most common first, each given a palette colour. */
function groupCounts(values: (string | null)[]): PageGroup[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || compareCodeUnits(a, b))
    .map(([name, size], i) => ({ name, size, color: PALETTE[i] ?? OTHER_COLOR }));
}
