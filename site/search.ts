import type { PageGraph } from "./graph.js";
import { el } from "./dom.js";

interface Entry {
  key: string;
  label: string;
  /** What matched when it was not the title: an alias. */
  via: string | null;
  haystack: string;
}

/** Titles and aliases, searchable by prefix first, then anywhere. */
export function searchIndex(graph: PageGraph): Entry[] {
  const entries: Entry[] = [];
  graph.forEachNode((key, attrs) => {
    entries.push({ key, label: attrs.label, via: null, haystack: attrs.label.toLowerCase() });
    for (const alias of attrs.page.aliases) entries.push({ key, label: attrs.label, via: alias, haystack: alias.toLowerCase() });
  });
  return entries;
}

export function searchMatches(entries: readonly Entry[], query: string, limit = 8): Entry[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  const scored: [number, Entry][] = [];
  for (const entry of entries) {
    const at = entry.haystack.indexOf(q);
    if (at === -1) continue;
    scored.push([(entry.haystack === q ? 0 : at === 0 ? 1 : 2) * 1000 + entry.haystack.length + (entry.via ? 500 : 0), entry]);
  }
  scored.sort((a, b) => a[0] - b[0]);
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const [, entry] of scored) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    out.push(entry);
    if (out.length === limit) break;
  }
  return out;
}

/** A combobox: type, arrow through suggestions, Enter or click flies to the note. */
export function mountSearch(input: HTMLInputElement, list: HTMLUListElement, getEntries: () => Entry[], onPick: (key: string) => void): void {
  let matches: Entry[] = [];
  let active = -1;
  const render = () => {
    list.replaceChildren(
      ...matches.map((m, i) => {
        const item = el("li", { attrs: { role: "option", id: `search-option-${i}`, "aria-selected": String(i === active) } }, [
          el("span", { text: m.label }),
          m.via ? el("small", { text: ` alias: ${m.via}` }) : null,
        ]);
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          pick(i);
        });
        return item;
      }),
    );
    list.hidden = matches.length === 0;
    input.setAttribute("aria-expanded", String(matches.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const pick = (i: number) => {
    const match = matches[i];
    if (!match) return;
    input.value = match.label;
    matches = [];
    active = -1;
    render();
    onPick(match.key);
  };
  input.addEventListener("input", () => {
    matches = searchMatches(getEntries(), input.value);
    active = matches.length > 0 ? 0 : -1;
    render();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (matches.length === 0) return;
      active = (active + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      pick(active < 0 ? 0 : active);
    } else if (event.key === "Escape") {
      matches = [];
      render();
    }
  });
  input.addEventListener("blur", () => {
    matches = [];
    render();
  });
}
