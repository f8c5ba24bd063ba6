import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { answeredTopicKeys, type VaultGraph } from "../graph/buildGraph.js";
import { hashString, seededRandom } from "../random.js";

export interface Position {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** ForceAtlas2 iterations; default: fewer as the graph grows (see `iterationBudget`). */
  iterations?: number;
  /**
   * Node key -> cluster id (`topicClusters(graph).membership`). From CLUSTER_START nodes up, each
   * cluster starts in a disc of its own, so half the iterations give the same picture.
   */
  clusters?: Readonly<Record<string, number>>;
  /**
   * Positions from an earlier layout of this vault, carried over as `earlierPicture` says: kept
   * with the new nodes placed, or refined from, or (too many nodes new) not used.
   */
  previous?: Readonly<Record<string, Position>>;
  /**
   * Where each node starts instead of its seeded point: an earlier picture with too many new
   * nodes to keep, the new ones placed in it (a "seeded" `earlierPicture`, which also gives the
   * iterations to refine it in).
   */
  start?: Readonly<Record<string, Position>>;
}

/** Up to this share of new nodes (and always for one), an earlier layout is kept. */
export const KEEP_PREVIOUS_SHARE = 0.05;

/** From this many nodes, a layout given clusters starts from them. */
export const CLUSTER_START = 20_000;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * ForceAtlas2 positions for every node, computed (not assigned). Deterministic: each node starts
 * at a point seeded by its own key, so the same vault gives the same picture, and a new note does
 * not move where the others start.
 */
export function layoutPositions(graph: VaultGraph, options: LayoutOptions = {}): Record<string, Position> {
  const order = graph.order;
  if (order === 0) return {};
  const earlier = options.previous ? earlierPicture(graph, options.previous) : null;
  if (earlier?.kind === "kept") return earlier.positions;
  const seeded = earlier?.kind === "seeded" ? earlier : null;
  const scratch = new Graph({ type: "directed" });
  const start = options.start ?? seeded?.start;
  const clustered = start === undefined && options.clusters !== undefined && order >= CLUSTER_START;
  const discs = clustered ? clusterDiscs(graph, options.clusters ?? {}) : null;
  graph.forEachNode((node) => {
    const disc = discs?.get(options.clusters?.[node] ?? -1) ?? { x: 0, y: 0, radius: Math.sqrt(order) * 10 };
    const random = seededRandom(hashString(node));
    const angle = random() * 2 * Math.PI;
    const distance = disc.radius * Math.sqrt(random());
    const given = start?.[node];
    scratch.addNode(node, given ? { x: given.x, y: given.y } : { x: disc.x + distance * Math.cos(angle), y: disc.y + distance * Math.sin(angle) });
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    scratch.addEdge(source, target, { weight: attributes.weight });
  });
  if (order === 1) return { [graph.nodes()[0] ?? ""]: { x: 0, y: 0 } };
  const positions = forceAtlas2(scratch, {
    iterations: options.iterations ?? seeded?.iterations ?? (clustered ? Math.ceil(iterationBudget(order) / 2) : iterationBudget(order)),
    // Strong gravity at 1 keeps orphans near the rest instead of drifting to the frame edge.
    settings: { ...forceAtlas2.inferSettings(scratch), gravity: 1 },
    getEdgeWeight: "weight",
  });
  return roundPositions(positions);
}

/**
 * A disc per cluster, its area in proportion to its size, laid on a sunflower spiral from the
 * largest (at the centre) out, so clusters start apart and ForceAtlas2 only has to refine.
 */
function clusterDiscs(graph: VaultGraph, clusters: Readonly<Record<string, number>>): Map<number, { x: number; y: number; radius: number }> {
  const sizes = new Map<number, number>();
  graph.forEachNode((node) => {
    const id = clusters[node] ?? -1;
    sizes.set(id, (sizes.get(id) ?? 0) + 1);
  });
  const discs = new Map<number, { x: number; y: number; radius: number }>();
  let before = 0;
  [...sizes.entries()]
    .sort(([a, sizeA], [b, sizeB]) => sizeB - sizeA || a - b)
    .forEach(([id, size], k) => {
      const distance = 10 * Math.sqrt(before + size / 2);
      discs.set(id, { x: distance * Math.cos(k * GOLDEN_ANGLE), y: distance * Math.sin(k * GOLDEN_ANGLE), radius: 10 * Math.sqrt(size) * 0.5 });
      before += size;
    });
  return discs;
}

/** Up to this share of new nodes, an earlier layout too changed to keep is where ForceAtlas2 starts. */
export const SEED_PREVIOUS_SHARE = 0.5;

/** How an earlier picture of a vault carries over to its graph now (see `earlierPicture`). */
export type EarlierPicture =
  | { kind: "kept"; positions: Record<string, Position> }
  | { kind: "seeded"; start: Record<string, Position>; iterations: number }
  | { kind: "made" };

/**
 * What an earlier picture gives a graph now, by the share of its nodes that are new:
 * - up to KEEP_PREVIOUS_SHARE (and always for one), "kept": every node where it was, the new
 *   ones placed (a note written for a missing topic where the topic was, any other near the
 *   centre of its placed neighbours, at a seeded angle half an average edge away, or anywhere
 *   in the picture when it has none), and no ForceAtlas2 run paid for;
 * - up to SEED_PREVIOUS_SHARE, "seeded": ForceAtlas2 starts from those places and refines them
 *   for the share of its iterations that the new nodes are of all. Each iteration moves every
 *   node: at 10,000 nodes with 6% new, the old ones moved 0.12 picture radii on average in half
 *   the iterations, 0.042 in this share (in a layout afresh, 0.049, and 82% changed cluster);
 * - beyond, "made": so little of the picture is left that a layout from seeded points does better.
 */
export function earlierPicture(graph: VaultGraph, previous: Readonly<Record<string, Position>>): EarlierPicture {
  const fresh = graph.filterNodes((node) => previous[node] === undefined);
  if (fresh.length <= Math.max(1, graph.order * KEEP_PREVIOUS_SHARE)) return { kind: "kept", positions: placedAmong(graph, previous, fresh) };
  if (fresh.length > graph.order * SEED_PREVIOUS_SHARE) return { kind: "made" };
  return { kind: "seeded", start: placedAmong(graph, previous, fresh), iterations: Math.ceil((iterationBudget(graph.order) * fresh.length) / graph.order) };
}

/** The earlier picture's nodes still in the graph where they were, and `fresh` (the nodes it lacks) placed among them. */
function placedAmong(graph: VaultGraph, previous: Readonly<Record<string, Position>>, fresh: readonly string[]): Record<string, Position> {
  const placed: Record<string, Position> = {};
  graph.forEachNode((node) => {
    const known = previous[node];
    if (known) placed[node] = known;
  });
  // The picture kept is the previous one's, but for a few nodes: so is its scale.
  const measured = scales.get(previous);
  if (measured) scales.set(placed, measured);
  if (fresh.length === 0) return placed;
  const scale = measured ?? pictureScale(graph, placed);
  scales.set(placed, scale);
  const { centre, radius, edge } = scale;
  for (const node of fresh) {
    // A note written for a missing topic takes the topic's place.
    const answered = answeredTopicKeys(graph, node).find((key) => previous[key] !== undefined);
    if (answered !== undefined) {
      placed[node] = previous[answered] as Position;
      continue;
    }
    const random = seededRandom(hashString(node));
    const near = graph.neighbors(node).flatMap((other) => placed[other] ?? []);
    const angle = random() * 2 * Math.PI;
    const at = near.length > 0 ? { x: mean(near.map((p) => p.x)), y: mean(near.map((p) => p.y)), distance: edge / 2 } : { ...centre, distance: radius * Math.sqrt(random()) };
    placed[node] = roundPosition({ x: at.x + at.distance * Math.cos(angle), y: at.y + at.distance * Math.sin(angle) });
  }
  // The kept positions came rounded; only the new ones needed it.
  return placed;
}

type PictureScale = ReturnType<typeof pictureScale>;

/** Measures a laid-out picture's scale ahead of the save that first places a node by it (`serve`, when idle after start). */
export function measurePicture(graph: VaultGraph, positions: Readonly<Record<string, Position>>): void {
  if (!scales.has(positions)) scales.set(positions, pictureScale(graph, positions));
}

/**
 * The scale new nodes were placed by, for each picture kept from an earlier one: measured once
 * for a laid-out picture, and handed on while it is kept (measuring was 20 ms of each save at
 * 10,000 notes, most of it walking every edge for the sample).
 */
const scales = new WeakMap<Readonly<Record<string, Position>>, PictureScale>();

/** The centre and radius of the placed nodes, and the mean length of edges between them. */
function pictureScale(graph: VaultGraph, placed: Readonly<Record<string, Position>>): { centre: Position; radius: number; edge: number } {
  const points = Object.values(placed);
  const centre = points.length > 0 ? { x: mean(points.map((p) => p.x)), y: mean(points.map((p) => p.y)) } : { x: 0, y: 0 };
  const radius = points.reduce((far, p) => Math.max(far, Math.hypot(p.x - centre.x, p.y - centre.y)), 1);
  // A spread sample of the edges gives the mean length as well as all of them: measuring each
  // of 441,000 edges took 0.6 s of every save at 100,000 notes.
  const stride = Math.max(1, Math.floor(graph.size / EDGES_MEASURED));
  const lengths: number[] = [];
  let at = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (at++ % stride !== 0) return;
    const [a, b] = [placed[source], placed[target]];
    if (a && b) lengths.push(Math.hypot(a.x - b.x, a.y - b.y));
  });
  return { centre, radius, edge: lengths.length > 0 ? mean(lengths) : radius / 10 };
}

/** About how many edges pictureScale measures. */
const EDGES_MEASURED = 5000;

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Small graphs settle fully; large ones get fewer, Barnes-Hut iterations to stay within seconds. */
export function iterationBudget(order: number): number {
  if (order < 1000) return 500;
  if (order < 5000) return 150;
  if (order < 20000) return 60;
  return 30;
}

/** Three decimals are plenty on screen and keep the page's bytes stable and small. */
function roundPositions(positions: Record<string, Position>): Record<string, Position> {
  const rounded: Record<string, Position> = {};
  for (const [node, position] of Object.entries(positions)) rounded[node] = roundPosition(position);
  return rounded;
}

function roundPosition({ x, y }: Position): Position {
  return { x: Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0, y: Number.isFinite(y) ? Math.round(y * 1000) / 1000 : 0 };
}
