import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TopicClusters } from "../analyze/topicClusters.js";
import type { Position } from "../layout/layoutGraph.js";

/** What an earlier page shows of a vault's picture: where each node sat, and its topic clusters. */
export interface EarlierLayout {
  positions: Record<string, Position>;
  topics: TopicClusters;
}

/**
 * The picture of the page an earlier `build` wrote into `out` (`build --keep-layout`): read from
 * its `index.html`, whose data script holds every node with its key, place and cluster. A problem
 * names the file and what is wrong with it.
 */
export async function earlierLayout(out: string): Promise<{ layout: EarlierLayout } | { problem: string }> {
  const file = join(out, "index.html");
  let html: string;
  try {
    html = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === "ENOENT" ? `${file}: no earlier page there` : `${file}: cannot be read (${code ?? (error as Error).message})` };
  }
  const layout = layoutOfPage(html);
  return layout ? { layout } : { problem: `${file}: no node places and clusters this notegraph can read (not its page, one of another version, or damaged)` };
}

const DATA_SCRIPT = /<script type="application\/json" id="notegraph-data">([\s\S]*?)<\/script>/;

interface NodeEntry {
  key?: unknown;
  x?: unknown;
  y?: unknown;
  cluster?: unknown;
}

interface ClusterEntry {
  name?: unknown;
  centre?: unknown;
  size?: unknown;
}

/** The picture in a page's data script; null when it has none, or a node or cluster is not as a page holds them. */
export function layoutOfPage(html: string): EarlierLayout | null {
  const json = DATA_SCRIPT.exec(html)?.[1];
  let data: { nodes?: unknown; clusters?: unknown } | null;
  try {
    data = json === undefined ? null : JSON.parse(json);
  } catch {
    return null;
  }
  const { nodes, clusters } = data ?? {};
  if (!Array.isArray(nodes) || !Array.isArray(clusters)) return null;
  const topics: TopicClusters = { clusters: [], membership: {} };
  for (const [id, entry] of (clusters as (ClusterEntry | null)[]).entries()) {
    const { name, centre, size } = entry ?? {};
    if (typeof name !== "string" || typeof centre !== "string" || !Number.isInteger(size)) return null;
    topics.clusters.push({ id, name, centre, size: size as number });
  }
  const positions: Record<string, Position> = {};
  for (const node of nodes as (NodeEntry | null)[]) {
    const { key, x, y, cluster } = node ?? {};
    if (typeof key !== "string" || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isInteger(cluster)) return null;
    if ((cluster as number) < 0 || (cluster as number) >= clusters.length) return null;
    positions[key] = { x: x as number, y: y as number };
    topics.membership[key] = cluster as number;
  }
  return { positions, topics };
}
