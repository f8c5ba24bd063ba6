/**
 * notegraph: a folder of Obsidian-style Markdown notes to a knowledge graph.
 * Each stage is a function from one typed record to the next.
 */
import { checkReport, type CheckReport } from "./analyze/checkReport.js";
import { loadVault, type LoadOptions } from "./loadVault.js";

export type * from "./types.js";
export { NotegraphError } from "./errors.js";
export { scanVault, type ScanOptions } from "./scan/scanVault.js";
export { rescanVault } from "./scan/rescanVault.js";
export { parseNote } from "./parse/parseNote.js";
export { decodeNote } from "./parse/decodeNote.js";
export { remarkWikiLink, type WikiLink } from "./parse/remarkWikiLink.js";
export { wikiLinkSyntax } from "./parse/wikiLinkSyntax.js";
export { readNotes } from "./parse/readNotes.js";
export { memoryParseCache, type ParseCache } from "./parse/parseCache.js";
export { buildNameIndex, type NameIndex } from "./resolve/nameIndex.js";
export { resolveTarget, type TargetMatch } from "./resolve/resolveTarget.js";
export { resolveLinks, resolveLinksAgain } from "./resolve/resolveLinks.js";
export { buildGraph, missingNodeKey, type VaultGraph, type NodeAttributes, type EdgeAttributes } from "./graph/buildGraph.js";
export { danglingLinks, brokenAnchors, ambiguousLinks, orphans, deadEnds } from "./analyze/findings.js";
export type { DanglingTarget, BrokenAnchor, AmbiguousLink, Reference } from "./analyze/findings.js";
export { nearMissFinder, type NearMissFinder } from "./analyze/nearMiss.js";
export { checkReport, checkFindings, type CheckReport, type CheckFindings } from "./analyze/checkReport.js";
export { checkVault, type CheckVaultOptions } from "./incremental/checkVault.js";
export { updateGraph, type GraphUpdate } from "./graph/updateGraph.js";
export { jsonReport } from "./emit/jsonReport.js";
export { textReport, type TextOptions } from "./emit/textReport.js";
export { loadVault, type LoadOptions } from "./loadVault.js";
export type { ParseBudget } from "./parse/parsePool.js";
export { layoutPositions, iterationBudget, type Position, type LayoutOptions } from "./layout/layoutGraph.js";
export { topicClusters, keptClusters, type TopicCluster, type TopicClusters } from "./analyze/topicClusters.js";
export { pageData, type PageData, type PageNode, type PageEdge } from "./emit/pageData.js";
export { pageDelta, pageMeta, type PageDelta, type PageMeta } from "./emit/pageDelta.js";
export { pageHtml, type PageAssets, type PageOptions } from "./emit/pageHtml.js";
export { writeOutputFolder, MANIFEST } from "./emit/outputFolder.js";
export { buildPage, type PageBuild, type PageBuildOptions } from "./buildPage.js";
export { earlierLayout, type EarlierLayout } from "./emit/earlierPage.js";
export { serveVault, type ServeOptions, type ServedVault } from "./serve/serveVault.js";
export { wantedTopics, type WantedTopic } from "./analyze/wanted.js";
export { unlinkedMentions, type UnlinkedMention } from "./analyze/unlinkedMentions.js";
export { suggestedLinks, type SuggestedLink } from "./analyze/suggestedLinks.js";
export { bridgeNotes, type BridgeNote } from "./analyze/bridges.js";
export { coverageReport, type CoverageReport, type ClusterSummary, type CoverageOptions } from "./analyze/coverageReport.js";
export { newSinceBaseline } from "./analyze/baseline.js";
export { githubAnnotations } from "./emit/githubAnnotations.js";
export { coverageText, coverageMarkdown } from "./emit/coverageText.js";
export { exportRows, toGraphologyJson, toGexf, toGraphml, toCsv, type ExportFormat } from "./emit/graphExports.js";
export { nearMissFixes, rewriteWikiLink, type NoteFix, type LinkEdit } from "./fix/planFixes.js";
export { applyEdits, writeFix, previewFix } from "./fix/applyFix.js";

/** Scan, parse, resolve and analyze a vault: everything `notegraph check` reports. */
export async function check(folder: string, options: LoadOptions = {}): Promise<CheckReport> {
  return checkReport(await loadVault(folder, options));
}
