import Graph from "graphology";
import { write as writeGexf } from "graphology-gexf";
import type { VaultGraph } from "../graph/buildGraph.js";
import type { TopicClusters } from "../analyze/topicClusters.js";
import type { Position } from "../layout/layoutGraph.js";
import { nodeSize, OTHER_COLOR, PALETTE } from "./pageData.js";

export type ExportFormat = "json" | "gexf" | "graphml" | "csv";

/** Flat attributes every export carries for a node: what it is, where it sits, its colour. */
export interface ExportNode {
  key: string;
  label: string;
  kind: string;
  path: string;
  folder: string;
  tags: string;
  words: number;
  cluster: number;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface ExportEdge {
  source: string;
  target: string;
  weight: number;
  kinds: string;
}

/** The graph flattened for exports: positions from the layout, colours from the clusters. */
export function exportRows(graph: VaultGraph, positions: Record<string, Position>, topics: TopicClusters): { nodes: ExportNode[]; edges: ExportEdge[] } {
  const nodes = graph.mapNodes((key, a): ExportNode => {
    const cluster = topics.membership[key] ?? 0;
    return {
      key,
      label: a.title,
      kind: a.kind,
      path: a.kind === "missing" ? "" : a.path,
      folder: a.kind === "missing" ? "" : a.folder,
      tags: a.kind === "note" ? a.tags.join(" ") : "",
      words: a.kind === "note" ? a.words : 0,
      cluster,
      x: positions[key]?.x ?? 0,
      y: positions[key]?.y ?? 0,
      size: nodeSize(graph.inDegree(key)),
      color: a.kind === "missing" ? "#8a919c" : PALETTE[cluster] ?? OTHER_COLOR,
    };
  });
  const edges = graph.mapEdges((_e, a, source, target): ExportEdge => ({ source, target, weight: a.weight, kinds: a.kinds.join(" ") }));
  return { nodes, edges };
}

/** graphology's own serialization (`graph.export()`), with the flat attributes above. */
export function toGraphologyJson(rows: ReturnType<typeof exportRows>): string {
  const graph = rowsGraph(rows);
  graph.setAttribute("generator", "notegraph");
  return `${JSON.stringify(graph.export(), null, 2)}\n`;
}

/** GEXF 1.2 for Gephi, written by graphology-gexf: positions, sizes and colours as `viz`. */
export function toGexf(rows: ReturnType<typeof exportRows>): string {
  const graph = rowsGraph(rows);
  graph.setAttribute("creator", "notegraph");
  const gexf = writeGexf(graph, {
    formatNode: (_key, a) => ({
      label: String(a.label),
      viz: { x: Number(a.x), y: Number(a.y), size: Number(a.size), color: String(a.color) },
      attributes: { kind: a.kind, path: a.path, folder: a.folder, tags: a.tags, words: a.words, cluster: a.cluster },
    }),
    formatEdge: (_key, a) => ({ weight: Number(a.weight), attributes: { kinds: a.kinds } }),
  });
  // graphology-gexf 0.13 declares the viz namespace as "http:///www.gexf.net/1.1draft/viz" (three
  // slashes, old draft); GEXF 1.2 readers that check namespaces want the 1.2 one.
  return gexf.replace('xmlns:viz="http:///www.gexf.net/1.1draft/viz"', 'xmlns:viz="http://www.gexf.net/1.2draft/viz"');
}

const NODE_KEYS: [keyof ExportNode, "string" | "int" | "double"][] = [
  ["label", "string"], ["kind", "string"], ["path", "string"], ["folder", "string"], ["tags", "string"],
  ["words", "int"], ["cluster", "int"], ["x", "double"], ["y", "double"], ["size", "double"], ["color", "string"],
];

/** GraphML, written here: graphology has no GraphML writer. */
export function toGraphml(rows: ReturnType<typeof exportRows>): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    "  <!-- written by notegraph -->",
    ...NODE_KEYS.map(([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="kinds" for="edge" attr.name="kinds" attr.type="string"/>',
    '  <graph id="notegraph" edgedefault="directed">',
  ];
  for (const node of rows.nodes) {
    lines.push(`    <node id="${xml(node.key)}">`);
    for (const [name] of NODE_KEYS) lines.push(`      <data key="${name}">${xml(String(node[name]))}</data>`);
    lines.push("    </node>");
  }
  rows.edges.forEach((edge, i) => {
    lines.push(`    <edge id="e${i}" source="${xml(edge.source)}" target="${xml(edge.target)}">`);
    lines.push(`      <data key="weight">${edge.weight}</data>`, `      <data key="kinds">${xml(edge.kinds)}</data>`, "    </edge>");
  });
  lines.push("  </graph>", "</graphml>");
  return `${lines.join("\n")}\n`;
}

export const CSV_NODE_HEADER = "key,label,kind,path,folder,tags,words,cluster,x,y,size,color";
export const CSV_EDGE_HEADER = "source,target,weight,kinds";

/** Two CSV tables (RFC 4180 quoting), for spreadsheets and Gephi's import. */
export function toCsv(rows: ReturnType<typeof exportRows>): { nodes: string; edges: string } {
  const line = (values: (string | number)[]) => values.map((v) => csvField(String(v))).join(",");
  const nodes = rows.nodes.map((n) => line([n.key, n.label, n.kind, n.path, n.folder, n.tags, n.words, n.cluster, n.x, n.y, n.size, n.color]));
  const edges = rows.edges.map((e) => line([e.source, e.target, e.weight, e.kinds]));
  return { nodes: `${[CSV_NODE_HEADER, ...nodes].join("\r\n")}\r\n`, edges: `${[CSV_EDGE_HEADER, ...edges].join("\r\n")}\r\n` };
}

function rowsGraph(rows: ReturnType<typeof exportRows>): Graph {
  const graph = new Graph({ type: "directed" });
  for (const { key, ...attributes } of rows.nodes) graph.addNode(key, attributes);
  for (const { source, target, ...attributes } of rows.edges) graph.addEdge(source, target, attributes);
  return graph;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text for XML, with characters XML 1.0 cannot hold dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
