import { describe, expect, it } from "vitest";
import { buildGraph, missingNodeKey } from "../../src/graph/buildGraph.js";
import { loadVault } from "../../src/loadVault.js";
import { makeVault } from "../helpers/vault.js";

describe("buildGraph", () => {
  it("has a node per note, attachment and missing topic, and weighted edges with their kinds", async () => {
    const vault = await loadVault(
      makeVault({
        "A.md": "---\ntags: [x]\n---\n[[B]] [[B|again]] [b](B.md) ![[pic.png]] [[Gone]] [[gone]] [[#Self]]",
        "B.md": "# B",
        "img/pic.png": "x",
      }),
    );
    const graph = buildGraph(vault);
    expect(graph.nodes().sort()).toEqual(["A.md", "B.md", "img/pic.png", missingNodeKey("gone")].sort());
    expect(graph.getNodeAttributes("A.md")).toMatchObject({ kind: "note", title: "A", tags: ["x"], folder: "" });
    expect(graph.getNodeAttributes("img/pic.png")).toMatchObject({ kind: "attachment", folder: "img" });
    expect(graph.getNodeAttributes(missingNodeKey("Gone"))).toEqual({ kind: "missing", missing: true, title: "Gone" });
    expect(graph.getEdgeAttributes("A.md", "B.md")).toEqual({ weight: 3, kinds: ["wikilink", "markdown"] });
    expect(graph.getEdgeAttributes("A.md", missingNodeKey("gone"))).toEqual({ weight: 2, kinds: ["wikilink"] });
    expect(graph.hasEdge("A.md", "A.md")).toBe(false);
  });

  it("serializes with graph.export()", async () => {
    const graph = buildGraph(await loadVault(makeVault({ "A.md": "[[B]]", "B.md": "" })));
    const exported = graph.export();
    expect(exported.nodes.map((n) => n.key)).toEqual(["A.md", "B.md"]);
    expect(exported.edges).toHaveLength(1);
  });
});
