import { basename } from "node:path";
import { checkReport, type CheckReport } from "./analyze/checkReport.js";
import { topicClusters } from "./analyze/topicClusters.js";
import { readPageAssets } from "./emit/pageAssets.js";
import { pageData, type PageData } from "./emit/pageData.js";
import { pageHtml } from "./emit/pageHtml.js";
import { buildGraph } from "./graph/buildGraph.js";
import { layoutPositions, type Position } from "./layout/layoutGraph.js";
import { loadVault, type LoadOptions } from "./loadVault.js";

export interface PageBuildOptions extends LoadOptions {
  /** The page's title; default: the vault folder's name. */
  title?: string;
  /** `serve` mode: allow the same-origin live-update stream. Default: false. */
  live?: boolean;
  /** Told when the layout starts, with the number of nodes (it runs in one synchronous step). */
  onLayout?: (nodes: number) => void;
  /** An earlier build's positions, kept when few notes are new (`serve`; see LayoutOptions.previous). Default: none. */
  previousPositions?: Readonly<Record<string, Position>>;
}

export interface PageBuild {
  /** The vault's real path. */
  root: string;
  report: CheckReport;
  data: PageData;
  html: string;
  /** Where each node was placed, to keep the picture on the next build. */
  positions: Record<string, Position>;
}

/** The whole pipeline for the map: load, graph, cluster, lay out, and render the page. */
export async function buildPage(folder: string, options: PageBuildOptions = {}): Promise<PageBuild> {
  const vault = await loadVault(folder, options);
  const graph = buildGraph(vault);
  const report = checkReport(vault);
  const topics = topicClusters(graph);
  options.onLayout?.(graph.order);
  const positions = layoutPositions(graph, { clusters: topics.membership, ...(options.previousPositions ? { previous: options.previousPositions } : {}) });
  const data = pageData(options.title ?? basename(vault.root), graph, positions, topics, report);
  const html = pageHtml(data, await readPageAssets(), { live: options.live ?? false });
  return { root: vault.root, report, data, html, positions };
}
