import type { PageGraph } from "./graph.js";
import { button, el } from "./dom.js";

/** The side panel for one node: what it is, its outline, and its links both ways. */
export function renderPanel(panel: HTMLElement, graph: PageGraph, key: string, open: (key: string) => void, close: () => void): void {
  const attrs = graph.getNodeAttributes(key);
  const page = attrs.page;
  const linkList = (keys: string[], empty: string) => {
    if (keys.length === 0) return el("p", { className: "empty", text: empty });
    const sorted = [...keys].sort((a, b) => graph.getNodeAttribute(a, "label").localeCompare(graph.getNodeAttribute(b, "label")));
    return el("ul", { className: "links" }, sorted.map((k) => el("li", {}, [button(graph.getNodeAttribute(k, "label"), () => open(k), { className: "link" })])));
  };
  const backlinks = graph.inNeighbors(key);
  const children: (Node | null)[] = [
    button("×", close, { className: "close", label: "Close panel" }),
    el("h2", { id: "panel-title", text: attrs.label }),
  ];
  if (page.kind === "missing") {
    children.push(
      el("p", { className: "kind missing", text: "Missing topic: linked to, not written yet" }),
      el("h3", { text: `Linked from (${backlinks.length})` }),
      linkList(backlinks, "No links."),
    );
  } else {
    children.push(
      el("p", { className: "path", text: page.path ?? "" }),
      page.kind === "attachment" ? el("p", { className: "kind", text: "Attachment" }) : null,
      page.aliases.length > 0 ? el("p", { className: "aliases", text: `Also: ${page.aliases.join(", ")}` }) : null,
      page.tags.length > 0 ? el("p", { className: "tags" }, page.tags.map((t) => el("span", { className: "tag", text: `#${t}` }))) : null,
      page.headings.length > 0 ? el("h3", { text: "Outline" }) : null,
      page.headings.length > 0
        ? el("ul", { className: "outline" }, page.headings.map((h) => el("li", { text: h.text, className: `depth-${Math.min(h.depth, 6)}` })))
        : null,
      el("h3", { text: `Backlinks (${backlinks.length})` }),
      linkList(backlinks, "Nothing links here yet."),
      el("h3", { text: `Links out (${graph.outDegree(key)})` }),
      linkList(graph.outNeighbors(key), "No links out."),
    );
  }
  panel.replaceChildren(...children.filter((c): c is Node => c !== null));
  panel.hidden = false;
}
