import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { EdgeAttrs, NodeAttrs, PageGraph } from "./graph.js";
import type { State } from "./state.js";

export const THEME = {
  light: { dim: "#d9dce1", edge: "#b8bec8", label: "#1f2328", missingFill: "#ffffff", missing: "#8a919c", hover: "#ffffff" },
  dark: { dim: "#3a3f47", edge: "#4a515c", label: "#e6e8eb", missingFill: "#16181c", missing: "#8a919c", hover: "#2a2e35" },
};

/** Whether the filters (missing topics, folder, tag, local view) keep a node on screen. */
export function isVisible(state: State, attrs: NodeAttrs): boolean {
  const node = attrs.page;
  if (state.localNodes && !state.localNodes.has(node.key)) return false;
  if (node.kind === "missing" && !state.showMissing) return false;
  if (state.folder !== null && (node.kind === "missing" || node.folder !== state.folder)) return false;
  if (state.tag !== null && !node.tags.includes(state.tag)) return false;
  return true;
}

/** Reads state, never writes it: how one node is drawn now. */
export function nodeReducer(state: State, node: string, attrs: NodeAttrs): Partial<NodeDisplayData> & { fillColor?: string } {
  const theme = state.dark ? THEME.dark : THEME.light;
  const page = attrs.page;
  const display: Partial<NodeDisplayData> & { fillColor?: string } = { ...attrs };
  display.color = page.kind === "missing" ? theme.missing : state.colorBy === "cluster" ? attrs.clusterColor : attrs.folderColor;
  if (page.kind === "missing") {
    display.type = "ring";
    display.fillColor = theme.missingFill;
  }
  if (!isVisible(state, attrs)) display.hidden = true;
  const neighbours = state.hoveredNeighbours;
  if (neighbours && state.dimOnHover && !neighbours.has(node)) {
    display.color = theme.dim;
    display.fillColor = theme.dim;
    display.label = "";
    display.zIndex = 0;
  } else if (node === state.hovered || node === state.selected) {
    display.highlighted = true;
    display.forceLabel = true;
    // Undimmed marking keeps each node's zIndex: sigma then redraws only the nodes it marks.
    display.zIndex = state.dimOnHover ? 2 : 1;
  } else {
    display.zIndex = 1;
    // Highlighted, a neighbour is drawn with its label above the large map's hover shade.
    if (neighbours?.has(node) && !state.dimOnHover) display.highlighted = true;
  }
  return display;
}

export function edgeReducer(state: State, graph: PageGraph, edge: string, attrs: EdgeAttrs): Partial<EdgeDisplayData> {
  const theme = state.dark ? THEME.dark : THEME.light;
  const display: Partial<EdgeDisplayData> = { ...attrs, color: theme.edge };
  if (state.hovered !== null) {
    const incident = graph.source(edge) === state.hovered || graph.target(edge) === state.hovered;
    if (!state.dimOnHover) {
      // Drawn by the same program (a line): a change of program would make sigma redraw every edge.
      if (incident) Object.assign(display, { color: theme.label, size: (attrs.size ?? 1) + 1 });
    } else if (incident) display.type = "arrow";
    else display.hidden = true;
  }
  return display;
}
