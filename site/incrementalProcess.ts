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
 * (and the edges of changed nodes) and grows the buffers, keeping what they held; a dropped item's
 * place is written empty (zeros, as sigma writes a hidden item), to be reused by sigma's next own
 * process. Anything else (the graph's extent changed so every position moves, a node drawn by
 * another program, items ordered by zIndex, a full refresh) runs sigma's own `process()`. Sigma
 * answers a drop with a full refresh (every item's data made again, then its process): its
 * listeners for drops are replaced by ones that forget the item and ask for a process. It relies on
 * sigma's private members, checked when installed (none missing: else sigma is left alone), and
 * on sigma's own order: nodes then edges, each program's items in graph order. New items get
 * picking ids after all others, where a full process would renumber: the pictures are the same
 * (a browser test compares them with sigma's own process, and picks each new node).
 */

/** What changed since the buffers were last written; null when only sigma's own process can bring them up to date. */
interface Changes {
  nodes: Set<string>;
  edges: Set<string>;
  droppedNodes: Set<string>;
  droppedEdges: Set<string>;
}

/** Where an item was last written: by which program, at which place in it (kept here: sigma forgets the place when the item is dropped). */
interface Slot {
  type: string;
  place: number;
}

/** Each item's slot, and the id after which new items are numbered. */
interface Written {
  nodes: Map<string, Slot>;
  edges: Map<string, Slot>;
  lastId: number;
}

const noChanges = (): Changes => ({ nodes: new Set(), edges: new Set(), droppedNodes: new Set(), droppedEdges: new Set() });

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
  let changes: Changes | null = sigma.needToProcess ? null : noChanges();
  let written = writtenBy(sigma);
  const whole = (): void => {
    changes = null;
  };
  graph.on("nodeAdded", ({ key }) => changes?.nodes.add(key));
  graph.on("nodeAttributesUpdated", ({ key }) => changes?.nodes.add(key));
  graph.on("edgeAdded", ({ key }) => changes?.edges.add(key));
  graph.on("edgeAttributesUpdated", ({ key }) => changes?.edges.add(key));
  // Sigma answers a clear with a full refresh, seen below; an update of every node with a partial one.
  for (const event of ["eachNodeAttributesUpdated", "eachEdgeAttributesUpdated"] as const) graph.on(event, whole);
  // A drop: sigma forgets the item, and a process is asked for without making every item's data again.
  const onDrop = (kind: "Node" | "Edge") => ({ key }: { key: string }) => {
    if (kind === "Node") sigma.removeNode(key);
    else sigma.removeEdge(key);
    changes?.[`dropped${kind}s`].add(key);
    sigma.refresh({ partialGraph: {}, schedule: true });
  };
  for (const kind of ["Node", "Edge"] as const) {
    const name = `drop${kind}GraphUpdate` as const;
    graph.removeListener(`${kind.toLowerCase() as "node" | "edge"}Dropped`, sigma.activeListeners[name]);
    sigma.activeListeners[name] = onDrop(kind);
    graph.on(`${kind.toLowerCase() as "node" | "edge"}Dropped`, sigma.activeListeners[name]);
  }
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
    changes = noChanges();
    return sigma;
  };
  return counts;
}

/** After sigma's own process: each item's slot, and the last id given. */
function writtenBy(sigma: SigmaInternals): Written {
  const nodes = new Map<string, Slot>();
  const edges = new Map<string, Slot>();
  sigma.graph.forEachNode((node) => nodes.set(node, { type: sigma.nodeDataCache[node]?.type ?? "", place: sigma.nodeProgramIndex[node] ?? -1 }));
  sigma.graph.forEachEdge((edge) => edges.set(edge, { type: sigma.edgeDataCache[edge]?.type ?? "", place: sigma.edgeProgramIndex[edge] ?? -1 }));
  return { nodes, edges, lastId: sigma.graph.order + sigma.graph.size };
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
  const sameProgram = (slots: Map<string, Slot>, dropped: Set<string>, cache: Record<string, ItemData>) => (key: string) => !slots.has(key) || dropped.has(key) || slots.get(key)?.type === cache[key]?.type;
  if (![...changes.nodes].every(sameProgram(written.nodes, changes.droppedNodes, sigma.nodeDataCache))) return false;
  if (![...changes.edges].every(sameProgram(written.edges, changes.droppedEdges, sigma.edgeDataCache))) return false;
  // An item dropped and added again is written as new.
  const newNodes = [...changes.nodes].filter((node) => (!written.nodes.has(node) || changes.droppedNodes.has(node)) && graph.hasNode(node));
  const newEdges = [...changes.edges].filter((edge) => (!written.edges.has(edge) || changes.droppedEdges.has(edge)) && graph.hasEdge(edge));
  // A type with no program: sigma's process reports it.
  if (newNodes.some((node) => !sigma.nodePrograms[sigma.nodeDataCache[node]?.type ?? ""])) return false;
  if (newEdges.some((edge) => !sigma.edgePrograms[sigma.edgeDataCache[edge]?.type ?? ""])) return false;
  // A dropped item's place is emptied.
  emptySlots(sigma, "node", changes.droppedNodes, written.nodes);
  emptySlots(sigma, "edge", changes.droppedEdges, written.edges);
  // New items are the graph's last (graphology keeps the order items were added in), so sigma's
  // process would give them the next places of their programs.
  const nodePositions = grown(sigma.nodePrograms, newNodes.map((node) => sigma.nodeDataCache[node]?.type ?? ""));
  const edgePositions = grown(sigma.edgePrograms, newEdges.map((edge) => sigma.edgeDataCache[edge]?.type ?? ""));
  for (const [i, node] of newNodes.entries()) {
    sigma.nodeProgramIndex[node] = nodePositions[i] as number;
    written.nodes.set(node, { type: sigma.nodeDataCache[node]?.type ?? "", place: nodePositions[i] as number });
    number(sigma, "node", node, ++written.lastId);
  }
  for (const [i, edge] of newEdges.entries()) {
    sigma.edgeProgramIndex[edge] = edgePositions[i] as number;
    written.edges.set(edge, { type: sigma.edgeDataCache[edge]?.type ?? "", place: edgePositions[i] as number });
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

const EMPTY = { hidden: true };

/** Writes the places of dropped items as zeros (nothing drawn or picked there) and forgets them. */
function emptySlots(sigma: SigmaInternals, type: "node" | "edge", dropped: ReadonlySet<string>, slots: Map<string, Slot>): void {
  const programs = type === "node" ? sigma.nodePrograms : sigma.edgePrograms;
  const indices = type === "node" ? sigma.nodeIndices : sigma.edgeIndices;
  for (const key of dropped) {
    const slot = slots.get(key);
    if (slot === undefined) continue;
    programs[slot.type]?.process(0, slot.place, EMPTY, EMPTY, EMPTY);
    slots.delete(key);
    const id = indices[key];
    if (id !== undefined && sigma.itemIDsIndex[id]?.id === key) delete sigma.itemIDsIndex[id];
    delete indices[key];
  }
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
