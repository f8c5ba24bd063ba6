import { Camera } from "sigma";
import { graphExtent, matrixFromCamera } from "sigma/utils";
import type Sigma from "sigma";
import type { PageGraph } from "./graph.js";
import { sigmaInternals, type ItemData, type Program, type SigmaInternals } from "./sigmaInternals.js";

/*
 * Sigma 3 writes every node and edge into its WebGL buffers again (its private `process()`)
 * whenever any of them is added or changed: at 10,000 notes and 44,000 links that takes 0.2 to
 * 0.3 s of a live update's time, for a save that adds a link or two. Sigma has no public way to
 * add an item to its buffers, so this module replaces `process()` on one renderer with one that,
 * after changes that only add nodes and edges or change their attributes, writes only those items
 * (and the edges of changed nodes) and grows the buffers, keeping what they held. Anything else
 * (an item dropped, the graph's extent changed so every position moves, a node drawn by another
 * program, items ordered by zIndex, a full refresh) runs sigma's own `process()`. It relies on
 * sigma's private members, checked when installed (none missing: else sigma is left alone), and
 * on sigma's own order: nodes then edges, each program's items in graph order. New items get
 * picking ids after all others, where a full process would renumber: the pictures are the same
 * (a browser test compares them with sigma's own process, and picks each new node).
 */

/** What changed since the buffers were last written; null when only sigma's own process can bring them up to date. */
interface Changes {
  nodes: Set<string>;
  edges: Set<string>;
}

/** The program each item was last written by, and the id after which new items are numbered. */
interface Written {
  nodeTypes: Map<string, string>;
  edgeTypes: Map<string, string>;
  lastId: number;
}

/** How often each way ran: for tests and for anyone timing the page. */
export interface ProcessCounts {
  changesOnly: number;
  whole: number;
}

/**
 * Installs the incremental process on `renderer`, drawing `graph`. Returns null, leaving sigma
 * as it was, when the renderer lacks a member this needs (another sigma version).
 */
export function processOnlyChanges<N extends object, E extends object>(renderer: Sigma<N, E>, graph: PageGraph): ProcessCounts | null {
  const sigma = sigmaInternals(renderer);
  if (sigma === null) return null;
  const counts: ProcessCounts = { changesOnly: 0, whole: 0 };
  const fullProcess = sigma.process.bind(sigma);
  const fullRefresh = sigma.refresh.bind(sigma);
  // Sigma has written its buffers unless a process is due (its constructor draws at once): changes count from here.
  let changes: Changes | null = sigma.needToProcess ? null : { nodes: new Set(), edges: new Set() };
  let written = writtenBy(sigma);
  const whole = (): void => {
    changes = null;
  };
  graph.on("nodeAdded", ({ key }) => changes?.nodes.add(key));
  graph.on("nodeAttributesUpdated", ({ key }) => changes?.nodes.add(key));
  graph.on("edgeAdded", ({ key }) => changes?.edges.add(key));
  graph.on("edgeAttributesUpdated", ({ key }) => changes?.edges.add(key));
  // Sigma answers a drop or a clear with a full refresh, seen below; an update of every node with a partial one.
  for (const event of ["eachNodeAttributesUpdated", "eachEdgeAttributesUpdated"] as const) graph.on(event, whole);
  // A full refresh made every item's data again (new colours, say): every item is written again.
  sigma.refresh = (options) => {
    if (!options?.partialGraph) whole();
    return fullRefresh(options);
  };
  sigma.process = () => {
    if (changes !== null && writeChanges(sigma, changes, written)) {
      counts.changesOnly++;
    } else {
      fullProcess();
      written = writtenBy(sigma);
      counts.whole++;
    }
    changes = { nodes: new Set(), edges: new Set() };
    return sigma;
  };
  return counts;
}

/** After sigma's own process: each item's program, and the last id given. */
function writtenBy(sigma: SigmaInternals): Written {
  const nodeTypes = new Map<string, string>();
  const edgeTypes = new Map<string, string>();
  sigma.graph.forEachNode((node) => nodeTypes.set(node, sigma.nodeDataCache[node]?.type ?? ""));
  sigma.graph.forEachEdge((edge) => edgeTypes.set(edge, sigma.edgeDataCache[edge]?.type ?? ""));
  return { nodeTypes, edgeTypes, lastId: sigma.graph.order + sigma.graph.size };
}

/**
 * Writes the changed items into the buffers as sigma's process would, and grows the buffers for
 * new ones. False, having written nothing, when that cannot give what sigma's process gives.
 */
function writeChanges(sigma: SigmaInternals, changes: Changes, written: Written): boolean {
  const { graph } = sigma;
  if (sigma.customBBox || !sigma.settings.autoRescale) return false;
  // Ordering by zIndex would place items elsewhere than at the end of their program.
  if (sigma.settings.zIndex && (sigma.nodeZExtent[0] !== sigma.nodeZExtent[1] || sigma.edgeZExtent[0] !== sigma.edgeZExtent[1])) return false;
  // A new extent moves every node on screen.
  const extent = graphExtent(graph);
  if (extent.x[0] !== sigma.nodeExtent.x[0] || extent.x[1] !== sigma.nodeExtent.x[1] || extent.y[0] !== sigma.nodeExtent.y[0] || extent.y[1] !== sigma.nodeExtent.y[1]) return false;
  const sameProgram = (types: Map<string, string>, cache: Record<string, ItemData>) => (key: string) => !types.has(key) || types.get(key) === cache[key]?.type;
  if (![...changes.nodes].every(sameProgram(written.nodeTypes, sigma.nodeDataCache))) return false;
  if (![...changes.edges].every(sameProgram(written.edgeTypes, sigma.edgeDataCache))) return false;
  const newNodes = [...changes.nodes].filter((node) => !written.nodeTypes.has(node) && graph.hasNode(node));
  const newEdges = [...changes.edges].filter((edge) => !written.edgeTypes.has(edge) && graph.hasEdge(edge));
  // A type with no program: sigma's process reports it.
  if (newNodes.some((node) => !sigma.nodePrograms[sigma.nodeDataCache[node]?.type ?? ""])) return false;
  if (newEdges.some((edge) => !sigma.edgePrograms[sigma.edgeDataCache[edge]?.type ?? ""])) return false;
  // New items are the graph's last (graphology keeps the order items were added in), so sigma's
  // process would give them the next places of their programs.
  const nodePositions = grown(sigma.nodePrograms, newNodes.map((node) => sigma.nodeDataCache[node]?.type ?? ""));
  const edgePositions = grown(sigma.edgePrograms, newEdges.map((edge) => sigma.edgeDataCache[edge]?.type ?? ""));
  for (const [i, node] of newNodes.entries()) {
    sigma.nodeProgramIndex[node] = nodePositions[i] as number;
    written.nodeTypes.set(node, sigma.nodeDataCache[node]?.type ?? "");
    number(sigma, "node", node, ++written.lastId);
  }
  for (const [i, edge] of newEdges.entries()) {
    sigma.edgeProgramIndex[edge] = edgePositions[i] as number;
    written.edgeTypes.set(edge, sigma.edgeDataCache[edge]?.type ?? "");
    number(sigma, "edge", edge, ++written.lastId);
  }
  const edges = new Set(changes.edges);
  for (const node of changes.nodes) {
    if (!graph.hasNode(node)) continue;
    const data = sigma.nodeDataCache[node] as ItemData;
    const attributes = graph.getNodeAttributes(node);
    data.x = attributes.x;
    data.y = attributes.y;
    sigma.normalizationFunction.applyTo(data);
    sigma.addNodeToProgram(node, sigma.nodeIndices[node] as number, sigma.nodeProgramIndex[node] as number);
    // An edge is drawn from its ends' positions and sizes.
    graph.forEachEdge(node, (edge) => edges.add(edge));
  }
  for (const edge of edges) if (graph.hasEdge(edge)) sigma.addEdgeToProgram(edge, sigma.edgeIndices[edge] as number, sigma.edgeProgramIndex[edge] as number);
  indexLabels(sigma);
  return true;
}

function number(sigma: SigmaInternals, type: "node" | "edge", key: string, id: number): void {
  (type === "node" ? sigma.nodeIndices : sigma.edgeIndices)[key] = id;
  sigma.itemIDsIndex[id] = { type, id: key };
}

/** Each new item's place in its program, the programs grown to hold them with what they held kept. */
function grown(programs: Record<string, Program>, types: readonly string[]): number[] {
  const counts = new Map<string, number>();
  const positions = types.map((type) => {
    const program = programs[type] as Program;
    const count = counts.get(type) ?? capacityOf(program);
    counts.set(type, count + 1);
    return count;
  });
  for (const [type, capacity] of counts) {
    const program = programs[type] as Program;
    const parts = program.programs ?? [program];
    const before = parts.map((part) => part.array);
    program.reallocate(capacity);
    parts.forEach((part, i) => part.array.set((before[i] as Float32Array).subarray(0, part.array.length)));
  }
  return positions;
}

function capacityOf(program: Program): number {
  return program.programs?.[0]?.capacity ?? program.capacity;
}

/** The label grid, made again as sigma's process makes it: which labels show depends on every node's size and place. */
function indexLabels(sigma: SigmaInternals): void {
  const dimensions = sigma.getDimensions();
  const matrix = matrixFromCamera(new Camera().getState(), dimensions, sigma.getGraphDimensions(), sigma.getStagePadding());
  sigma.labelGrid.resizeAndClear(dimensions, sigma.settings.labelGridCellSize);
  sigma.graph.forEachNode((node) => {
    const data = sigma.nodeDataCache[node] as ItemData;
    if (typeof data.label === "string" && !data.hidden) sigma.labelGrid.add(node, data.size, sigma.framedGraphToViewport(data, { matrix }));
  });
  sigma.labelGrid.organize();
}
