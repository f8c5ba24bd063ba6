import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph, type VaultGraph } from "../../src/graph/buildGraph.js";
import { updateGraph } from "../../src/graph/updateGraph.js";
import { parseNote } from "../../src/parse/parseNote.js";
import { resolveLinks, resolveLinksAgain } from "../../src/resolve/resolveLinks.js";
import type { NoteRecord, Vault, VaultPath } from "../../src/types.js";

const names = ["A", "B", "C"];
const path = (name: string) => `${name}.md` as VaultPath;
const link = fc.tuple(fc.boolean(), fc.constantFrom("A", "B", "C", "Gone", "gone", "GONE", "Other", "pic.png", ""), fc.constantFrom("", "#One", "|shown"));
const noteText = fc.record({ aliases: fc.boolean(), links: fc.array(link, { maxLength: 5 }) }).map(
  ({ aliases, links }) => `${aliases ? "---\naliases: [Z]\n---\n" : ""}# Title\n${links.map(([embed, target, suffix]) => `${embed ? "!" : ""}[[${target}${suffix}]]`).join(" ")}\n`,
);

function vaultOf(notes: NoteRecord[], attachments: VaultPath[]): Vault {
  return { root: "/v", notes, attachments, links: resolveLinks(notes, attachments), problems: [] };
}

/** Nodes and edges with their attributes, in a fixed order (an updated graph adds new ones last). */
function contents(graph: VaultGraph) {
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes })).sort((a, b) => (a.key < b.key ? -1 : 1));
  const edges = graph.mapEdges((_edge, attributes, source, target) => ({ source, target, attributes })).sort((a, b) => (`${a.source}>${a.target}` < `${b.source}>${b.target}` ? -1 : 1));
  return { nodes, edges };
}

/** The vault after `notes` replaced `before`'s, its links resolved again as serve does (the same objects where nothing changed). */
function vaultAfter(before: Vault, notes: NoteRecord[], attachments: VaultPath[]): Vault {
  return { root: "/v", notes, attachments, links: resolveLinksAgain(before, notes, attachments), problems: [] };
}

describe("updateGraph (serve, between saves)", () => {
  it("gives the graph buildGraph gives, whatever notes changed (property)", () => {
    fc.assert(
      fc.property(fc.array(noteText, { minLength: 3, maxLength: 3 }), fc.array(fc.option(noteText), { minLength: 3, maxLength: 3 }), (before, after) => {
        const attachments = [`pic.png` as VaultPath];
        const first = names.map((name, i) => parseNote(path(name), before[i] ?? "").note);
        const second = first.map((note, i) => (after[i] == null ? note : parseNote(note.path, after[i] as string).note));
        const earlier = vaultOf(first, attachments);
        const graph = buildGraph(earlier);
        const update = updateGraph(graph, earlier, vaultAfter(earlier, second, attachments));
        expect(contents(graph)).toEqual(contents(buildGraph(vaultOf(second, attachments))));
        // Only the edited notes count as changed.
        expect(update.notes.sort()).toEqual(second.filter((note, i) => note !== first[i]).map((note) => note.path).sort());
      }),
      { numRuns: 200 },
    );
  });

  it("gives the graph buildGraph gives when notes and the attachment come and go (property)", () => {
    const files = fc.record({ notes: fc.subarray(names), pic: fc.boolean() });
    fc.assert(
      fc.property(fc.array(noteText, { minLength: 3, maxLength: 3 }), fc.array(fc.option(noteText), { minLength: 3, maxLength: 3 }), files, files, (before, after, was, is) => {
        const first = names.flatMap((name, i) => (was.notes.includes(name) ? [parseNote(path(name), before[i] ?? "").note] : []));
        const second = names.flatMap((name, i) => {
          if (!is.notes.includes(name)) return [];
          const kept = first.find((note) => note.path === path(name));
          return [kept && after[i] == null ? kept : parseNote(path(name), after[i] ?? before[i] ?? "").note];
        });
        const pics = (pic: boolean) => (pic ? [`pic.png` as VaultPath] : []);
        const earlier = vaultOf(first, pics(was.pic));
        const graph = buildGraph(earlier);
        const update = updateGraph(graph, earlier, vaultAfter(earlier, second, pics(is.pic)));
        expect(contents(graph)).toEqual(contents(buildGraph(vaultOf(second, pics(is.pic)))));
        // Every node that came or went is among those touched.
        const keys = (g: VaultGraph) => new Set(g.nodes());
        const nodesBefore = keys(buildGraph(earlier));
        for (const key of [...nodesBefore].filter((k) => !graph.hasNode(k))) expect(update.touched).toContain(key);
        for (const key of graph.nodes().filter((k) => !nodesBefore.has(k))) expect(update.touched).toContain(key);
      }),
      { numRuns: 300 },
    );
  });
});
