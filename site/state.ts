/** Everything the reducers read. Actions change it, then ask sigma to refresh. */
export interface State {
  hovered: string | null;
  /** The hovered node and its neighbours. */
  hoveredNeighbours: Set<string> | null;
  /**
   * Hovering dims every other node and hides every other link (small maps). On a large map it
   * only highlights the hovered node and its neighbours and darkens its links, a shade over the
   * map dimming the rest, and a selected node is marked without being drawn above the others:
   * sigma then redraws those, not the whole map (0.2 to 0.35 s at 10,000 notes on each hover,
   * leave or click).
   */
  dimOnHover: boolean;
  selected: string | null;
  colorBy: "cluster" | "folder";
  showMissing: boolean;
  folder: string | null;
  tag: string | null;
  /** 0: the whole vault; 1 to 3: the selected note's neighbourhood to that depth. */
  localDepth: 0 | 1 | 2 | 3;
  localNodes: Set<string> | null;
  dark: boolean;
}

export function initialState(dark: boolean): State {
  return {
    hovered: null,
    hoveredNeighbours: null,
    dimOnHover: true,
    selected: null,
    colorBy: "cluster",
    showMissing: true,
    folder: null,
    tag: null,
    localDepth: 0,
    localNodes: null,
    dark,
  };
}
