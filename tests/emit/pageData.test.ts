import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/analyze/checkReport.js";
import { topicClusters, type TopicClusters } from "../../src/analyze/topicClusters.js";
import { pageData } from "../../src/emit/pageData.js";
import { buildGraph, missingNodeKey, type VaultGraph } from "../../src/graph/buildGraph.js";
import { layoutPositions, type Position } from "../../src/layout/layoutGraph.js";
import { loadVault } from "../../src/loadVault.js";
import { makeVault } from "../helpers/vault.js";

/** The page data made with the entries kept from earlier calls, next to the data made afresh (a copy of the graph has new attribute objects). */
function madeTwice(graph: VaultGraph, positions: Record<string, Position>, topics: TopicClusters, report: Parameters<typeof pageData>[4]) {
  return { kept: pageData("v", graph, positions, topics, report), fresh: pageData("v", graph.copy(), positions, topics, report) };
}

describe("pageData", () => {
  it("makes a node's or edge's entry again when what it shows changed, though its attributes object is the same", async () => {
    const vault = await loadVault(makeVault({ "A.md": "[[B]] [[Gone]]", "B.md": "[[A]]", "C.md": "" }));
    const graph = buildGraph(vault);
    const report = checkReport(vault);
    let positions = layoutPositions(graph);
    let topics = topicClusters(graph);
    const first = pageData("v", graph, positions, topics, report);
    // Each change below leaves the node's or edge's attributes object in place, as serve's updateGraph may.
    const changes: [string, () => void][] = [
      ["a missing topic retitled", () => graph.mergeNodeAttributes(missingNodeKey("Gone"), { title: "gone" })],
      ["an edge reweighted", () => graph.updateEdgeAttribute(graph.edge("A.md", "B.md"), "weight", (weight = 0) => weight + 1)],
      ["links in from another note", () => graph.addEdge("C.md", "B.md", { weight: 1, kinds: ["wikilink"] })],
      ["a node moved across", () => (positions = { ...positions, "C.md": { x: 7, y: positions["C.md"]?.y ?? 0 } })],
      ["a node moved up", () => (positions = { ...positions, "C.md": { x: 7, y: 7 } })],
      ["a node in another cluster", () => (topics = { ...topics, membership: { ...topics.membership, "C.md": 5 } })],
    ];
    for (const [change, apply] of changes) {
      apply();
      const { kept, fresh } = madeTwice(graph, positions, topics, report);
      expect(kept, change).toEqual(fresh);
    }
    // And what did not change is the very entry made before: the delta skips it by identity.
    const last = pageData("v", graph, positions, topics, report);
    expect(last.nodes.find((node) => node.key === "A.md")).toBe(first.nodes.find((node) => node.key === "A.md"));
  });
});
