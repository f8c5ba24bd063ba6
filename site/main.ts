import { createNodeBorderProgram } from "@sigma/node-border";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";
import type { PageData } from "../src/emit/pageData.js";
import { pageMeta, type PageDelta, type PageMeta } from "../src/emit/pageDelta.js";
import { button, byId, el } from "./dom.js";
import { applyDelta, graphFromData, neighbourhood, type EdgeAttrs, type NodeAttrs } from "./graph.js";
import { hashForNode, nodeForHash } from "./hash.js";
import { processOnlyChanges, type ProcessCounts } from "./incrementalProcess.js";
import { themedHover } from "./hover.js";
import { renderPanel } from "./panel.js";
import { THEME, edgeReducer, nodeReducer } from "./reducers.js";
import { mountSearch, searchIndex } from "./search.js";
import { controlsSection, coverageSection, renderLegend } from "./sidebar.js";
import { initialState, type State } from "./state.js";
import "./style.css";

/** Above this many nodes the page stays responsive by hiding edges and labels while moving. */
const LARGE = 5000;
/** Up to this many nodes every label may show from the start: small nodes' labels would otherwise wait for a zoom. */
const FEW = 50;
const LIVE_LAYOUT_LIMIT = 20000;

const data = JSON.parse(byId("notegraph-data").textContent ?? "{}") as PageData;
performance.mark("notegraph:data-parsed");
const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
const state = initialState(darkQuery.matches);
const graph = graphFromData(data);
/** Everything but the nodes and edges, which live in the graph from here on. */
let meta: PageMeta = pageMeta(data);
performance.mark("notegraph:graph-built");

const search = el("input", { id: "search", attrs: { type: "search", placeholder: "Search notes and aliases  (/)", "aria-label": "Search notes", role: "combobox", "aria-autocomplete": "list", "aria-controls": "search-list", "aria-expanded": "false", autocomplete: "off" } });
const searchList = el("ul", { id: "search-list", attrs: { role: "listbox", "aria-label": "Matching notes" } });
searchList.hidden = true;
const container = el("div", { id: "graph", attrs: { role: "application", "aria-label": "Map of the notes: hover or click a node" } });
const panel = el("aside", { id: "panel", attrs: { "aria-labelledby": "panel-title", "aria-live": "polite" } });
panel.hidden = true;
const legend = el("section", { id: "legend", attrs: { "aria-label": "Legend" } });
const sidebar = el("aside", { id: "sidebar" });
const app = el("div", { id: "app" }, [
  el("header", { className: "bar" }, [
    el("h1", { text: data.title }),
    el("div", { className: "search" }, [search, searchList]),
    button("☰", () => app.classList.toggle("sidebar-open"), { className: "menu", label: "Show or hide the side bar" }),
  ]),
  container,
  sidebar,
  panel,
  el("div", { className: "zoom", attrs: { role: "group", "aria-label": "Zoom" } }, [
    button("+", () => void renderer.getCamera().animatedZoom({ duration: 200 }), { label: "Zoom in" }),
    button("−", () => void renderer.getCamera().animatedUnzoom({ duration: 200 }), { label: "Zoom out" }),
    button("⟲", () => void renderer.getCamera().animatedReset({ duration: 300 }), { label: "Reset view" }),
  ]),
]);
document.body.append(app);

const theme = () => (state.dark ? THEME.dark : THEME.light);
const large = graph.order > LARGE;
state.dimOnHover = !large;
const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
  // Arrow heads are a second draw per edge: large maps draw lines, and arrows on hover.
  defaultEdgeType: large ? "line" : "arrow",
  nodeProgramClasses: {
    ring: createNodeBorderProgram({
      borders: [
        { size: { value: 0.35 }, color: { attribute: "color" } },
        { size: { fill: true }, color: { attribute: "fillColor" } },
      ],
    }),
  },
  labelColor: { color: theme().label },
  defaultDrawNodeHover: themedHover(() => theme().hover),
  labelRenderedSizeThreshold: graph.order <= FEW ? 0 : 7,
  labelDensity: 0.8,
  zIndex: true,
  hideEdgesOnMove: large,
  hideLabelsOnMove: large,
  minCameraRatio: 0.01,
  maxCameraRatio: 20,
  nodeReducer: (node, attrs) => nodeReducer(state, node, attrs),
  edgeReducer: (edge, attrs) => edgeReducer(state, graph, edge, attrs),
});
performance.mark("notegraph:first-render");
const refresh = () => renderer.refresh({ skipIndexation: true });
// A large map dims on hover with a shade over its layers, under the one sigma draws hovered and
// highlighted nodes on: no node or link is drawn again to dim it.
const hoverShade = el("div", { className: "hover-shade" });
hoverShade.hidden = true;
container.insertBefore(hoverShade, renderer.getCanvases().hovers ?? null);

function setHovered(node: string | null): void {
  // Skipped while the view is being dragged, when a large map hides its edges anyway.
  if (large && renderer.getMouseCaptor().isMoving) return;
  const before = { node: state.hovered, neighbours: state.hoveredNeighbours };
  state.hovered = node;
  state.hoveredNeighbours = node === null ? null : new Set([node, ...graph.neighbors(node)]);
  if (state.dimOnHover) {
    refresh();
    return;
  }
  hoverShade.hidden = node === null;
  // Only the nodes and links that were or are now marked are drawn again.
  const nodes = new Set([...(before.neighbours ?? []), ...(state.hoveredNeighbours ?? [])]);
  redraw([...nodes], [before.node, node].flatMap((end) => (end !== null && graph.hasNode(end) ? graph.edges(end) : [])));
}

function updateLocalView(): void {
  state.localNodes = state.localDepth > 0 && state.selected !== null ? neighbourhood(graph, state.selected, state.localDepth) : null;
}

function select(node: string | null, options: { fly?: boolean; updateHash?: boolean } = {}): void {
  if (node !== null && !graph.hasNode(node)) node = null;
  const before = { node: state.selected, local: state.localNodes };
  state.selected = node;
  updateLocalView();
  if (node === null) {
    panel.hidden = true;
    if (options.updateHash !== false) history.replaceState(null, "", location.pathname + location.search);
  } else {
    renderPanel(panel, graph, node, (key) => select(key), () => select(null));
    if (options.updateHash !== false) history.replaceState(null, "", hashForNode(graph, node));
    if (options.fly !== false) flyTo(node);
  }
  // Undimmed (a large map) and with no local view, selecting marks one node: only the two are drawn again.
  if (!state.dimOnHover && before.local === null && state.localNodes === null) redraw([before.node, node]);
  else refresh();
}

/** Sigma draws these nodes (those still in the graph) and edges again, as the reducers give them now; nothing moved or changed size. */
function redraw(nodes: readonly (string | null)[], edges: readonly string[] = []): void {
  renderer.refresh({ partialGraph: { nodes: nodes.filter((key): key is string => key !== null && graph.hasNode(key)), edges: [...edges] }, skipIndexation: true });
}

function flyTo(node: string): void {
  const camera = renderer.getCamera();
  const display = renderer.getNodeDisplayData(node);
  // Zoom in only where the map is crowded; in a small vault the neighbours would leave the view.
  const ratio = graph.order > 200 ? Math.min(camera.ratio, 0.5) : camera.ratio;
  if (display) void camera.animate({ x: display.x, y: display.y, ratio }, { duration: 400 });
}

renderer.on("enterNode", ({ node }) => setHovered(node));
renderer.on("leaveNode", () => setHovered(null));
renderer.on("clickNode", ({ node }) => select(node));
renderer.on("clickStage", () => select(null));

let layout: FA2Layout | null = null;
function setLiveLayout(on: boolean): void {
  if (on) {
    layout ??= new FA2Layout(graph, { settings: forceAtlas2.inferSettings(graph), getEdgeWeight: "weight" });
    layout.start();
  } else {
    layout?.stop();
  }
}

/** A filter changed: the reducers read the new state on the next refresh. */
function update(change: Partial<State>): void {
  Object.assign(state, change);
  refresh();
}

function renderSidebar(): void {
  sidebar.replaceChildren(
    coverageSection(meta, (key) => select(key)),
    controlsSection(meta, state, {
      open: (key) => select(key),
      setColorBy: (colorBy) => {
        state.colorBy = colorBy;
        renderLegend(legend, meta, colorBy);
        refresh();
      },
      setShowMissing: (show) => update({ showMissing: show }),
      setFolder: (folder) => update({ folder }),
      setTag: (tag) => update({ tag }),
      setLocalDepth: (depth) => {
        state.localDepth = depth;
        updateLocalView();
        refresh();
        if (state.selected) flyTo(state.selected);
      },
      setLiveLayout,
    }, graph.order <= LIVE_LAYOUT_LIMIT),
    legend,
  );
  renderLegend(legend, meta, state.colorBy);
}
renderSidebar();

let entries = searchIndex(graph);
mountSearch(search, searchList, () => entries, (key) => select(key));

darkQuery.addEventListener("change", (event) => {
  state.dark = event.matches;
  renderer.setSetting("labelColor", { color: theme().label });
});
window.addEventListener("hashchange", () => select(nodeForHash(graph, location.hash), { updateHash: false }));
document.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
  if (event.key === "/" && !typing) {
    event.preventDefault();
    search.focus();
  } else if (event.key === "Escape" && !typing) {
    select(null);
  }
});

let processes: ProcessCounts | null = null;
if (document.body.dataset.live === "true") followLiveUpdates();

/**
 * `notegraph serve`: after a save the server sends what changed from the build this page holds;
 * the page applies it to its graph in place. A page that missed a build fetches the whole data.
 */
function followLiveUpdates(): void {
  // A save changes a few nodes and edges: only those are written into sigma's buffers again.
  processes = processOnlyChanges(renderer, graph);
  let build = Number(document.body.dataset.build ?? "0");
  // One change at a time, in the order they came.
  let queue = Promise.resolve();
  const then = (step: () => Promise<void> | void) => (queue = queue.then(step).catch((error: unknown) => console.error("notegraph: live update failed", error)));
  const reload = async () => {
    const response = await fetch("data.json");
    const next = (await response.json()) as PageData;
    graphFromData(next, graph);
    build = Number(response.headers.get("X-Notegraph-Build") ?? "0");
    redrawAfterUpdate(pageMeta(next));
  };
  const events = new EventSource("events");
  events.addEventListener("hello", (event) => {
    const { build: latest } = JSON.parse(event.data as string) as { build: number };
    then(() => (latest === build ? undefined : reload()));
  });
  events.addEventListener("update", (event) => {
    // A null delta: the server asks for the whole data (many nodes new or moved).
    const update = JSON.parse(event.data as string) as { from: number; to: number; delta: PageDelta | null };
    then(() => {
      if (update.from !== build || update.delta === null) return reload();
      try {
        applyDelta(graph, update.delta);
      } catch (error) {
        console.error("notegraph: could not apply the update; fetching the whole graph", error);
        return reload();
      }
      build = update.to;
      redrawAfterUpdate(update.delta.meta);
    });
  });
}

function redrawAfterUpdate(next: PageMeta): void {
  meta = next;
  const selected = state.selected;
  entries = searchIndex(graph);
  renderSidebar();
  // The update may have given the hovered node other neighbours, or removed it.
  if (state.hovered !== null) setHovered(graph.hasNode(state.hovered) ? state.hovered : null);
  if (selected === null && state.hovered === null) {
    // Sigma updated what the graph's events named, with what the reducers give now: with nothing
    // selected or hovered no other node or edge shows otherwise, so only the draw is left (done
    // now, not at the next frame). A full refresh would run the reducers over every edge again.
    renderer.refresh({ partialGraph: {}, skipIndexation: true });
  } else {
    // select() refreshes the renderer synchronously: the new graph is drawn when it returns.
    select(graph.hasNode(selected ?? "") ? selected : null, { fly: false });
  }
  document.body.dataset.version = String(Number(document.body.dataset.version ?? "0") + 1);
  // By the wall clock, so `npm run bench:serve` can time a save to the redraw without polling lag.
  document.body.dataset.redrawnAt = String(Date.now());
}

const initial = nodeForHash(graph, location.hash);
if (initial !== null) select(initial, { updateHash: false });

/** For tests and for people embedding or debugging the page. */
Object.assign(window, {
  notegraph: {
    graph, renderer, state, select, setHovered,
    processes: () => processes,
    data: (): PageData => ({ ...meta, nodes: graph.mapNodes((_key, attrs) => attrs.page), edges: graph.mapEdges((_edge, attrs, source, target) => ({ source, target, weight: attrs.weight })) }),
  },
});
document.body.dataset.ready = "true";
