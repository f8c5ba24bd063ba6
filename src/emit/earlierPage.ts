import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Position } from "../layout/layoutGraph.js";

/** Where each node of an earlier page sat, or why they could not be read from it. */
export type EarlierPositions = { positions: Record<string, Position> } | { problem: string };

/**
 * The node positions of the page an earlier `build` wrote into `out` (`build --keep-layout`):
 * read from its `index.html`, whose data script holds every node with its key and place.
 */
export async function earlierPositions(out: string): Promise<EarlierPositions> {
  const file = join(out, "index.html");
  let html: string;
  try {
    html = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === "ENOENT" ? `${file}: no earlier page there` : `${file}: cannot be read (${code ?? (error as Error).message})` };
  }
  const positions = positionsOfPage(html);
  return positions ? { positions } : { problem: `${file}: not a page notegraph wrote, or damaged (no node positions in it)` };
}

const DATA_SCRIPT = /<script type="application\/json" id="notegraph-data">([\s\S]*?)<\/script>/;

/** The positions in a page's data script; null when it has none or a node without a key and a finite place. */
export function positionsOfPage(html: string): Record<string, Position> | null {
  const json = DATA_SCRIPT.exec(html)?.[1];
  let data: unknown;
  try {
    data = json === undefined ? null : JSON.parse(json);
  } catch {
    return null;
  }
  const nodes = (data as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return null;
  const positions: Record<string, Position> = {};
  for (const node of nodes as { key?: unknown; x?: unknown; y?: unknown }[]) {
    const { key, x, y } = node ?? {};
    if (typeof key !== "string" || !Number.isFinite(x) || !Number.isFinite(y)) return null;
    positions[key] = { x: x as number, y: y as number };
  }
  return positions;
}
