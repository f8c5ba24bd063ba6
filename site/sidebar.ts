import type { PageMeta } from "../src/emit/pageDelta.js";
import { button, el } from "./dom.js";
import type { State } from "./state.js";

export interface SidebarActions {
  open(key: string): void;
  setColorBy(colorBy: State["colorBy"]): void;
  setShowMissing(show: boolean): void;
  setFolder(folder: string | null): void;
  setTag(tag: string | null): void;
  setLocalDepth(depth: State["localDepth"]): void;
  setLiveLayout(on: boolean): void;
}

/** Coverage counts and the most wanted missing topics, each one click from its panel. */
export function coverageSection(data: PageMeta, open: (key: string) => void): HTMLElement {
  const stat = (value: number, label: string) => el("div", { className: "stat" }, [el("strong", { text: String(value) }), el("span", { text: label })]);
  return el("section", { id: "coverage", attrs: { "aria-label": "Coverage" } }, [
    el("h2", { text: "Coverage" }),
    el("div", { className: "stats" }, [
      stat(data.stats.notes, "notes"),
      stat(data.stats.links, "links"),
      stat(data.stats.missing, "missing topics"),
      stat(data.stats.orphans, "orphans"),
    ]),
    el("h3", { text: "Most wanted missing topics" }),
    data.wanted.length === 0
      ? el("p", { className: "empty", text: "None: every link has a note." })
      : el("ol", { id: "wanted", className: "links" }, data.wanted.slice(0, 10).map((w) =>
          el("li", {}, [button(w.title, () => open(w.key), { className: "link" }), el("small", { text: ` ${w.sources} ${w.sources === 1 ? "note" : "notes"}` })]),
        )),
  ]);
}

/** Colour, filters, local view and live layout. */
export function controlsSection(data: PageMeta, state: State, actions: SidebarActions, liveLayoutAllowed: boolean): HTMLElement {
  const select = (id: string, label: string, options: [string, string][], value: string, onChange: (v: string) => void) => {
    const s = el("select", { id }, options.map(([v, text]) => {
      const o = el("option", { text });
      o.value = v;
      o.selected = v === value;
      return o;
    }));
    s.addEventListener("change", () => onChange(s.value));
    return el("label", { className: "field" }, [el("span", { text: label }), s]);
  };
  const checkbox = (id: string, label: string, checked: boolean, onChange: (on: boolean) => void, disabled = false) => {
    const box = el("input", { id, attrs: { type: "checkbox" } });
    box.checked = checked;
    box.disabled = disabled;
    box.addEventListener("change", () => onChange(box.checked));
    return el("label", { className: "check" }, [box, el("span", { text: label })]);
  };
  return el("section", { id: "controls", attrs: { "aria-label": "View" } }, [
    el("h2", { text: "View" }),
    select("color-by", "Colour by", [["cluster", "Topic cluster"], ["folder", "Folder"]], state.colorBy, (v) => actions.setColorBy(v as State["colorBy"])),
    checkbox("show-missing", "Show missing topics", state.showMissing, actions.setShowMissing),
    select("folder-filter", "Folder", [["*", "All folders"], ...data.folders.map((f): [string, string] => [`/${f.name}`, f.name === "" ? "(vault root)" : f.name])], "*", (v) => actions.setFolder(v === "*" ? null : v.slice(1))),
    select("tag-filter", "Tag", [["*", "All tags"], ...data.tags.map((t): [string, string] => [`#${t.name}`, `#${t.name}`])], "*", (v) => actions.setTag(v === "*" ? null : v.slice(1))),
    select("local-depth", "Local view of the selected note", [["0", "Off: whole vault"], ["1", "Depth 1"], ["2", "Depth 2"], ["3", "Depth 3"]], "0", (v) => actions.setLocalDepth(Number(v) as State["localDepth"])),
    checkbox("live-layout", liveLayoutAllowed ? "Live layout" : "Live layout (off for large vaults)", false, actions.setLiveLayout, !liveLayoutAllowed),
  ]);
}

/** What the colours mean: clusters named by their most central note, or folders. */
export function renderLegend(legend: HTMLElement, data: PageMeta, colorBy: State["colorBy"]): void {
  const groups = colorBy === "cluster" ? data.clusters : data.folders.map((f) => ({ ...f, name: f.name === "" ? "(vault root)" : f.name }));
  legend.replaceChildren(
    el("h2", { text: colorBy === "cluster" ? "Topic clusters" : "Folders" }),
    el("ul", { className: "legend" }, groups.slice(0, 12).map((g) => {
      const swatch = el("span", { className: "swatch" });
      swatch.style.background = g.color;
      return el("li", {}, [swatch, el("span", { text: g.name }), el("small", { text: ` ${g.size}` })]);
    })),
    el("p", { className: "legend-missing" }, [el("span", { className: "swatch ring" }), el("span", { text: "missing topic" })]),
  );
}
