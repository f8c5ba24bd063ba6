import { buildGraph, type VaultGraph } from "../graph/buildGraph.js";
import { compareCodeUnits } from "../keys.js";
import type { Vault, VaultPath } from "../types.js";
import { bridgeNotes, type BridgeNote } from "./bridges.js";
import { checkReport, type CheckReport } from "./checkReport.js";
import { suggestedLinks, type SuggestedLink } from "./suggestedLinks.js";
import { topicClusters } from "./topicClusters.js";
import { unlinkedMentions, type UnlinkedMention } from "./unlinkedMentions.js";
import type { WantedTopic } from "./wanted.js";

export interface ClusterSummary {
  id: number;
  /** Named by its most central note. */
  name: string;
  notes: VaultPath[];
  missing: string[];
  /** Links between notes of this cluster, and from them to notes of other clusters. */
  internalLinks: number;
  externalLinks: number;
}

/** `notegraph report`: what the notes are missing and what to write or link next. */
export interface CoverageReport {
  stats: CheckReport["stats"] & { clusters: number; stubs: number; deadEnds: number };
  wanted: WantedTopic[];
  nearMisses: { target: string; suggestion: VaultPath; references: number }[];
  unlinkedMentions: UnlinkedMention[];
  suggestedLinks: SuggestedLink[];
  clusters: ClusterSummary[];
  bridges: BridgeNote[];
  orphans: VaultPath[];
  deadEnds: VaultPath[];
  stubs: { path: VaultPath; words: number }[];
}

export interface CoverageOptions {
  /** Notes with fewer words than this are stubs. Default 40. */
  stubWords?: number;
}

/** Every analysis of the coverage report; the vault must be loaded with `keepText` for mentions. */
export function coverageReport(vault: Vault, options: CoverageOptions = {}, graph: VaultGraph = buildGraph(vault)): CoverageReport {
  const check = checkReport(vault);
  const clusters = clusterSummaries(graph);
  const stubWords = options.stubWords ?? 40;
  const stubs = vault.notes
    .filter((note) => note.words < stubWords)
    .map((note) => ({ path: note.path, words: note.words }))
    .sort((a, b) => compareCodeUnits(a.path, b.path));
  return {
    stats: { ...check.stats, clusters: clusters.length, stubs: stubs.length, deadEnds: check.deadEnds.length },
    wanted: check.wanted,
    nearMisses: check.dangling.flatMap((g) => (g.suggestion ? [{ target: g.target, suggestion: g.suggestion, references: g.references.length }] : [])),
    unlinkedMentions: unlinkedMentions(vault.notes, vault.links),
    suggestedLinks: suggestedLinks(graph),
    clusters,
    bridges: bridgeNotes(graph),
    orphans: check.orphans,
    deadEnds: check.deadEnds,
    stubs,
  };
}

function clusterSummaries(graph: VaultGraph): ClusterSummary[] {
  const topics = topicClusters(graph);
  const summaries: ClusterSummary[] = topics.clusters.map((c) => ({ id: c.id, name: c.name, notes: [], missing: [], internalLinks: 0, externalLinks: 0 }));
  graph.forEachNode((node, attributes) => {
    const summary = summaries[topics.membership[node] ?? 0];
    if (!summary) return;
    if (attributes.kind === "note") summary.notes.push(node as VaultPath);
    else if (attributes.kind === "missing") summary.missing.push(attributes.title);
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (graph.getNodeAttribute(target, "kind") !== "note") return;
    const from = topics.membership[source];
    const summary = from === undefined ? undefined : summaries[from];
    if (!summary) return;
    if (topics.membership[target] === from) summary.internalLinks += attributes.weight;
    else summary.externalLinks += attributes.weight;
  });
  return summaries.filter((s) => s.notes.length > 0);
}
