/** Everything the reducers read. Actions change it, then ask sigma to refresh. */
export interface State {
  hovered: string | null;
  /** The hovered node and its neighbours; everything else is dimmed. */
  hoveredNeighbours: Set<string> | null;
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
