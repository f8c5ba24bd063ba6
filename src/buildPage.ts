import { basename } from "node:path";
import type { CheckFindings } from "./analyze/checkReport.js";
import { keptSuggestions, nearMissNames, sameNames, suggestionsAfter, suggestionsOf, type NearMissNames } from "./analyze/nearMiss.js";
import { keptClusters, topicClusters, type TopicClusters } from "./analyze/topicClusters.js";
import type { EarlierLayout } from "./emit/earlierPage.js";
import { readPageAssets } from "./emit/pageAssets.js";
import { changedPageNode, pageData, pageMetaOf, type PageData } from "./emit/pageData.js";
import { updateDelta, type PageDelta } from "./emit/pageDelta.js";
import { pageHtml } from "./emit/pageHtml.js";
import { buildGraph, type VaultGraph } from "./graph/buildGraph.js";
import { updateGraph } from "./graph/updateGraph.js";
import { prepareFindingsPatch, vaultFindingsAfter } from "./incremental/vaultFindingsAfter.js";
import { earlierPicture, KEEP_PREVIOUS_SHARE, layoutPositions, measurePicture, SEED_PREVIOUS_SHARE, type EarlierPicture, type Position } from "./layout/layoutGraph.js";
import { loadScanned, type LoadOptions } from "./loadVault.js";
import { noteMoves } from "./noteMoves.js";
import { warmParser } from "./parse/readNotes.js";
import { rescanVault } from "./scan/rescanVault.js";
import { scanVault } from "./scan/scanVault.js";
import type { NoteRecord, ScanResult, Vault, VaultPath } from "./types.js";

export interface PageBuildOptions extends Omit<LoadOptions, "previous"> {
  /** The page's title; default: the vault folder's name. */
  title?: string;
  /** `serve` mode: allow the same-origin live-update stream. Default: false. */
  live?: boolean;
  /** Told when the layout starts, with the number of nodes (it runs in one synchronous step). */
  onLayout?: (nodes: number) => void;
  /**
   * The last build of this vault, with the same `cache` (`serve`): the links of unchanged notes,
   * the suggestions while no note's names changed, and the clusters and positions while few nodes
   * are new (see LayoutOptions.previous) are kept, and its graph is updated in place (not
   * copied), also when files came or went. Default: none.
   */
  previous?: PageBuild;
  /**
   * With `previous`: the vault-relative paths that changed since it (`serve`: what the file
   * watcher named). Only they are looked at, not every file, unless one is more than a note or
   * attachment changed, added or removed (a folder, a symlink...). Default: every file is looked at.
   */
  changed?: Iterable<string>;
  /**
   * Without `previous`: the picture of an earlier page of this vault (`build --keep-layout`).
   * While few nodes are new (see LayoutOptions.previous) every node keeps its place and cluster and
   * only the new ones are placed; the page then depends on the earlier one, not on the vault alone.
   */
  earlier?: EarlierLayout;
}

export interface PageBuild {
  /** The vault's real path. */
  root: string;
  /** The findings `check` gives (not its JSON report's copy of every note and link). */
  report: CheckFindings;
  /**
   * What the page draws, made on first use. With `previous`, read it before this build is given
   * as the `previous` of another: that build may update this one's graph in place.
   */
  readonly data: PageData;
  /**
   * With `previous`: what a page showing the previous build applies to show this one, or
   * "reload" when it should fetch the whole data instead (many nodes new or moved).
   */
  delta?: PageDelta | "reload";
  /** The self-contained page. */
  readonly html: string;
  /** Where each node was placed, to keep the picture on the next build. */
  positions: Record<string, Position>;
  /**
   * How the positions came from `previous` or `earlier` (see `earlierPicture`): "kept", "seeded"
   * (laid out again from it, the clusters kept too), or "made" (none given, or too many nodes
   * new: laid out afresh).
   */
  layout: EarlierPicture["kind"];
  vault: Vault;
  /** What the scan found, with sizes and times: the next build's `changed` paths update it. */
  scan: ScanResult;
  graph: VaultGraph;
  topics: TopicClusters;
  /** The notes' names as near-miss suggestions search them, indexed on first use; kept by the next build while no note's names change. */
  readonly nearMissNames: NearMissNames;
}

/**
 * What the first save after a build would otherwise do itself, done ahead (`serve`, when idle
 * after start): the counts the findings patch needs, the picture's scale, and loading the
 * Markdown parser and parsing a sample note with it. At 10,000 notes these were about 0.15 s of the first save, at 100,000 about 1 s.
 */
export async function prepareForSaves(build: PageBuild): Promise<void> {
  prepareFindingsPatch({ vault: build.vault, scanProblems: build.scan.problems, findings: build.report });
  measurePicture(build.graph, build.positions);
  await warmParser();
}

/** The whole pipeline for the map: load, graph, cluster, lay out, and render the page. */
export async function buildPage(folder: string, options: PageBuildOptions = {}): Promise<PageBuild> {
  const { previous, changed, ...loadOptions } = options;
  // Read first: nothing is awaited from the previous graph's update in place to the return, so `serve` never answers from a half-updated build.
  const assets = await readPageAssets();
  const scan = (previous && changed && (await rescanVault(previous.scan, changed, loadOptions))) || (await scanVault(folder, loadOptions));
  const vault = await loadScanned(scan, { ...loadOptions, ...(previous ? { previous: previous.vault } : {}) });
  const update = previous ? updateGraph(previous.graph, previous.vault, vault) : null;
  const graph = previous ? previous.graph : buildGraph(vault);
  const names = previous ? namesChanges(previous.vault.notes, vault.notes) : null;
  const known = previous && names ? suggestionsKept(previous.report, names, vault.notes) : new Map<string, VaultPath | null>();
  let index = previous && names?.renamed.length === 0 && names.gone.length === 0 ? previous.nearMissNames : undefined;
  const namesIndexed = () => (index ??= nearMissNames(vault.notes));
  const found = previous ? { vault: previous.vault, scanProblems: previous.scan.problems, findings: previous.report } : undefined;
  const report = vaultFindingsAfter(found, { vault, scanProblems: scan.problems }, keptSuggestions(namesIndexed, known));
  const earlier = previous ?? options.earlier;
  const picture: EarlierPicture = earlier ? earlierPicture(graph, earlier.positions) : { kind: "made" };
  // A picture kept or laid out again from the earlier one keeps its colours too: new nodes join the clusters their links reach.
  const keptTopics = earlier && picture.kind !== "made" ? keptClusters(graph, earlier.topics, picture.kind === "kept" ? KEEP_PREVIOUS_SHARE : SEED_PREVIOUS_SHARE, update?.touched) : null;
  const topics = keptTopics ?? topicClusters(graph);
  if (picture.kind !== "kept") options.onLayout?.(graph.order);
  const seeded = picture.kind === "seeded" ? { start: picture.start, iterations: picture.iterations } : {};
  const positions = picture.kind === "kept" ? picture.positions : layoutPositions(graph, { clusters: topics.membership, ...seeded });
  const title = options.title ?? basename(vault.root);
  let data: PageData | undefined;
  const dataNow = () => (data ??= pageData(title, graph, positions, topics, report));
  let delta: PageDelta | "reload" | undefined;
  const changedNode = (key: string) => changedPageNode(graph, key, positions, topics, update?.replaced.get(key));
  if (update && keptTopics && picture.kind === "kept") delta = updateDelta(graph, update, changedNode, pageMetaOf(title, graph, topics, report));
  else if (update) delta = "reload";
  // The getters below must not reach `options`: it holds the previous build, which would then be kept, and its own, for ever.
  const live = options.live ?? false;
  let html: string | undefined;
  return {
    root: vault.root, report, positions, layout: picture.kind, vault, scan, graph, topics,
    ...(delta ? { delta } : {}),
    get data() {
      return dataNow();
    },
    get nearMissNames() {
      return namesIndexed();
    },
    // Made on first use: after the first request, `serve` sends only the data.
    get html() {
      return (html ??= pageHtml(dataNow(), assets, { live }));
    },
  };
}

/** What can change near-miss suggestions: the notes new or known by another title or aliases than before, and the paths of notes gone. */
function namesChanges(before: readonly NoteRecord[], after: readonly NoteRecord[]): { renamed: NoteRecord[]; gone: VaultPath[] } {
  const moves = noteMoves(before, after);
  const renamed = after.filter((note, place) => {
    const was = before[moves.oldPlace[place] ?? -1];
    return was === undefined || (was !== note && !sameNames(was, note));
  });
  return { renamed, gone: moves.removed };
}

/** The last build's suggestions, but where the notes new, renamed or gone may change them. */
function suggestionsKept(report: CheckFindings, { renamed, gone }: { renamed: readonly NoteRecord[]; gone: readonly VaultPath[] }, notes: readonly NoteRecord[]): Map<string, VaultPath | null> {
  const known = suggestionsOf(report.dangling);
  if (renamed.length === 0 && gone.length === 0) return known;
  // Asked only of the few notes whose suggestions may be beaten.
  let byPath: Map<VaultPath, NoteRecord> | undefined;
  const namesOf = (path: VaultPath) => (byPath ??= new Map(notes.map((note) => [note.path, note] as const))).get(path) as NoteRecord;
  return suggestionsAfter(known, new Set([...gone, ...renamed.map((note) => note.path)]), renamed, namesOf);
}
