import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph, type VaultGraph } from "../../src/graph/buildGraph.js";
import { updateGraph } from "../../src/graph/updateGraph.js";
import { parseNote } from "../../src/parse/parseNote.js";
import { resolveLinks } from "../../src/resolve/resolveLinks.js";
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

describe("updateGraph (serve, between saves)", () => {
  it("gives the graph buildGraph gives, whatever notes changed (property)", () => {
    fc.assert(
      fc.property(fc.array(noteText, { minLength: 3, maxLength: 3 }), fc.array(fc.option(noteText), { minLength: 3, maxLength: 3 }), (before, after) => {
        const attachments = [`pic.png` as VaultPath];
        const first = names.map((name, i) => parseNote(path(name), before[i] ?? "").note);
        const second = first.map((note, i) => (after[i] == null ? note : parseNote(note.path, after[i] as string).note));
        const graph = buildGraph(vaultOf(first, attachments));
        expect(updateGraph(graph, vaultOf(first, attachments), vaultOf(second, attachments))).not.toBeNull();
        expect(contents(graph)).toEqual(contents(buildGraph(vaultOf(second, attachments))));
      }),
      { numRuns: 200 },
    );
  });

  it("declines, changing nothing, when a note was added", () => {
    const first = [parseNote(path("A"), "[[B]]").note];
    const graph = buildGraph(vaultOf(first, []));
    const before = contents(graph);
    expect(updateGraph(graph, vaultOf(first, []), vaultOf([...first, parseNote(path("B"), "").note], []))).toBeNull();
    expect(contents(graph)).toEqual(before);
  });
});
