import { describe, expect, it } from "vitest";
import { topicClusters } from "../../src/analyze/topicClusters.js";
import { buildGraph } from "../../src/graph/buildGraph.js";
import { iterationBudget, layoutPositions } from "../../src/layout/layoutGraph.js";
import { loadVault } from "../../src/loadVault.js";
import { makeVault } from "../helpers/vault.js";

const twoTopics = {
  "A1.md": "[[A2]] [[A3]]", "A2.md": "[[A1]] [[A3]]", "A3.md": "[[A1]] [[A2]] [[B1]]",
  "B1.md": "[[B2]] [[B3]]", "B2.md": "[[B1]] [[B3]]", "B3.md": "[[B1]] [[B2]]",
};

describe("layoutPositions", () => {
  it("places every node at a finite point, the same on every run", async () => {
    const graph = buildGraph(await loadVault(makeVault(twoTopics)));
    const first = layoutPositions(graph);
    expect(Object.keys(first).sort()).toEqual(graph.nodes().sort());
    expect(Object.values(first).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(layoutPositions(graph)).toEqual(first);
  });

  it("handles an empty graph and a single node", async () => {
    expect(layoutPositions(buildGraph(await loadVault(makeVault({}))))).toEqual({});
    expect(layoutPositions(buildGraph(await loadVault(makeVault({ "A.md": "" }))))).toEqual({ "A.md": { x: 0, y: 0 } });
  });

  it("spends fewer iterations as the graph grows", () => {
    expect(iterationBudget(100)).toBeGreaterThan(iterationBudget(3000));
    expect(iterationBudget(3000)).toBeGreaterThan(iterationBudget(50000));
  });
});

describe("topicClusters", () => {
  it("finds the two topics, names each by its most linked note, and is seeded", async () => {
    const graph = buildGraph(await loadVault(makeVault(twoTopics)));
    const topics = topicClusters(graph);
    expect(topics.clusters).toHaveLength(2);
    const groups = topics.clusters.map((c) => graph.nodes().filter((n) => topics.membership[n] === c.id).sort());
    expect(groups.sort()).toEqual([["A1.md", "A2.md", "A3.md"], ["B1.md", "B2.md", "B3.md"]]);
    expect(topics.clusters.map((c) => c.name).sort()).toEqual(["A3", "B1"].sort());
    expect(topicClusters(graph)).toEqual(topics);
  });

  it("gives each isolated note its own cluster", async () => {
    const graph = buildGraph(await loadVault(makeVault({ "A.md": "", "B.md": "" })));
    expect(topicClusters(graph).clusters.map((c) => c.size)).toEqual([1, 1]);
  });
});
