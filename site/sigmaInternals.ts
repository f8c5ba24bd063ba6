import type Sigma from "sigma";
import type { Coordinates, Dimensions } from "sigma/types";
import type { PageGraph } from "./graph.js";

/*
 * What `incrementalProcess.ts` reads and calls of a sigma 3.0 renderer: private members, so they
 * are checked on each renderer before use (see `sigmaInternals`).
 */

export interface Program {
  array: Float32Array;
  capacity: number;
  reallocate(capacity: number): void;
  /** Writes an item at `offset`; a hidden item is written as zeros, which draw nothing (an edge takes its ends' data first). */
  process(id: number, offset: number, ...data: { hidden: boolean }[]): void;
  /** Compound programs (an arrow is a line and a head) hold one array per part. */
  programs?: Program[];
}

export interface LabelGrid {
  resizeAndClear(dimensions: Dimensions, cellSize: number): void;
  add(key: string, size: number, position: Coordinates): void;
  organize(): void;
}

export interface ItemData {
  x: number;
  y: number;
  size: number;
  type: string;
  label?: string | null;
  hidden: boolean;
}

type GraphListener = (payload: { key: string }) => void;

export interface SigmaInternals {
  graph: PageGraph;
  /** The listeners sigma put on the graph, which it takes off when killed. */
  activeListeners: { dropNodeGraphUpdate: GraphListener; dropEdgeGraphUpdate: GraphListener };
  settings: { zIndex: boolean; autoRescale: boolean; labelGridCellSize: number };
  nodeDataCache: Record<string, ItemData>;
  edgeDataCache: Record<string, ItemData>;
  nodePrograms: Record<string, Program>;
  edgePrograms: Record<string, Program>;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  itemIDsIndex: Record<number, { type: "node" | "edge"; id: string }>;
  nodeExtent: { x: [number, number]; y: [number, number] };
  nodeZExtent: [number, number];
  edgeZExtent: [number, number];
  customBBox: unknown;
  normalizationFunction: { applyTo(data: { x: number; y: number }): void };
  labelGrid: LabelGrid;
  needToProcess: boolean;
  process(): SigmaInternals;
  refresh(options?: { partialGraph?: unknown; schedule?: boolean }): unknown;
  removeNode(node: string): void;
  removeEdge(edge: string): void;
  addNodeToProgram(node: string, id: number, position: number): void;
  addEdgeToProgram(edge: string, id: number, position: number): void;
  getDimensions(): Dimensions;
  getGraphDimensions(): Dimensions;
  getStagePadding(): number;
  framedGraphToViewport(point: Coordinates, options: { matrix: Float32Array }): Coordinates;
}

const OBJECTS = ["activeListeners", "settings", "nodeDataCache", "edgeDataCache", "nodePrograms", "edgePrograms", "nodeProgramIndex", "edgeProgramIndex", "nodeIndices", "edgeIndices", "itemIDsIndex", "nodeExtent", "nodeZExtent", "edgeZExtent", "labelGrid"] as const;
const METHODS = ["process", "refresh", "removeNode", "removeEdge", "addNodeToProgram", "addEdgeToProgram", "getDimensions", "getGraphDimensions", "getStagePadding", "framedGraphToViewport"] as const;

/** The renderer's private members this page uses, or null when one is missing (another sigma version). */
export function sigmaInternals<N extends object, E extends object>(renderer: Sigma<N, E>): SigmaInternals | null {
  const sigma = renderer as unknown as SigmaInternals;
  const record = renderer as unknown as Record<string, unknown>;
  const applies = typeof (sigma.normalizationFunction as { applyTo?: unknown } | undefined)?.applyTo === "function";
  const listens = typeof sigma.activeListeners?.dropNodeGraphUpdate === "function" && typeof sigma.activeListeners.dropEdgeGraphUpdate === "function";
  const whole = applies && listens && typeof sigma.needToProcess === "boolean" && OBJECTS.every((key) => typeof record[key] === "object" && record[key] !== null) && METHODS.every((key) => typeof record[key] === "function");
  return whole ? sigma : null;
}
