import { describe, expect, it } from "vitest";
import { keptClusters, topicClusters } from "../../src/analyze/topicClusters.js";
import { buildGraph } from "../../src/graph/buildGraph.js";
import Graph from "graphology";
import { CLUSTER_START, earlierPicture, iterationBudget, layoutPositions } from "../../src/layout/layoutGraph.js";
import type { VaultGraph } from "../../src/graph/buildGraph.js";
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

  it("starts a large graph's clusters apart, each in its own disc", () => {
    // Two rings of CLUSTER_START / 2 notes: one ForceAtlas2 step, so the start shows through.
    const graph: VaultGraph = new Graph({ type: "directed" });
    const clusters: Record<string, number> = {};
    const half = CLUSTER_START / 2;
    for (let i = 0; i < CLUSTER_START; i++) {
      const key = `N${i}.md`;
      graph.addNode(key, { kind: "note", path: key, title: key, aliases: [], tags: [], headings: [], words: 0, folder: "" });
      clusters[key] = i < half ? 0 : 1;
    }
    for (let i = 0; i < CLUSTER_START; i++) {
      const next = i < half ? (i + 1) % half : half + ((i + 1 - half) % half);
      graph.addEdge(`N${i}.md`, `N${next}.md`, { weight: 1, kinds: ["wikilink"] });
    }
    const positions = layoutPositions(graph, { clusters, iterations: 1 });
    const centre = (id: number) => {
      const points = Object.entries(positions).filter(([key]) => clusters[key] === id).map(([, p]) => p);
      return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
    };
    const [a, b] = [centre(0), centre(1)];
    const spread = Math.max(...Object.entries(positions).filter(([key]) => clusters[key] === 0).map(([, p]) => Math.hypot(p.x - a.x, p.y - a.y)));
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(spread);
    expect(layoutPositions(graph, { clusters, iterations: 1 })).toEqual(positions);
  });

  it("keeps an earlier picture when one note is new, and places the new note by its neighbours", async () => {
    const ring = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`N${i}.md`, `[[N${(i + 1) % 30}]]`]));
    const before = layoutPositions(buildGraph(await loadVault(makeVault(ring))));
    const graph = buildGraph(await loadVault(makeVault({ ...ring, "New.md": "[[N3]] [[N4]]" })));
    const after = layoutPositions(graph, { previous: before });
    for (const [node, position] of Object.entries(before)) expect(after[node]).toEqual(position);
    const at = (node: string) => before[node] ?? { x: NaN, y: NaN };
    const near = { x: (at("N3.md").x + at("N4.md").x) / 2, y: (at("N3.md").y + at("N4.md").y) / 2 };
    // Half the mean edge length from the middle of its two neighbours.
    const edges = Array.from({ length: 30 }, (_, i) => Math.hypot(at(`N${i}.md`).x - at(`N${(i + 1) % 30}.md`).x, at(`N${i}.md`).y - at(`N${(i + 1) % 30}.md`).y));
    const placed = after["New.md"] ?? { x: NaN, y: NaN };
    expect(Math.hypot(placed.x - near.x, placed.y - near.y)).toBeCloseTo(edges.reduce((a, b) => a + b) / 30 / 2, 1);
    expect(layoutPositions(graph, { previous: before })).toEqual(after);
  });

  it("places a new node half a mean edge from its neighbours in a graph too big to measure every edge", () => {
    // 4,000 nodes on a 60-wide grid, each linked to the next three: 12,000 edges, most 1 to 3 long, those that wrap a row about 58.
    const graph: VaultGraph = new Graph();
    const count = 4000;
    const previous: Record<string, { x: number; y: number }> = {};
    for (let i = 0; i < count; i++) {
      graph.addNode(`N${i}.md`, { kind: "note", path: `N${i}.md`, title: `N${i}`, folder: "", tags: [], aliases: [], headings: [] } as never);
      previous[`N${i}.md`] = { x: i % 60, y: Math.floor(i / 60) };
    }
    let total = 0;
    for (let i = 0; i < count; i++) {
      for (let step = 1; step <= 3; step++) {
        const j = (i + step) % count;
        graph.addEdge(`N${i}.md`, `N${j}.md`, { weight: 1, kinds: ["wikilink"] });
        total += Math.hypot((previous[`N${i}.md`]?.x ?? 0) - (previous[`N${j}.md`]?.x ?? 0), (previous[`N${i}.md`]?.y ?? 0) - (previous[`N${j}.md`]?.y ?? 0));
      }
    }
    graph.addNode("New.md", { kind: "note", path: "New.md", title: "New", folder: "", tags: [], aliases: [], headings: [] } as never);
    graph.addEdge("New.md", "N61.md", { weight: 1, kinds: ["wikilink"] });
    const placed = layoutPositions(graph, { previous })["New.md"] ?? { x: NaN, y: NaN };
    const meanEdge = total / graph.size;
    // Within a fifth of what measuring all 12,001 edges would give.
    expect(Math.hypot(placed.x - 1, placed.y - 1) / (meanEdge / 2)).toBeGreaterThan(0.8);
    expect(Math.hypot(placed.x - 1, placed.y - 1) / (meanEdge / 2)).toBeLessThan(1.2);
  });

  it("lays out afresh when many nodes are new", async () => {
    const graph = buildGraph(await loadVault(makeVault(twoTopics)));
    const previous = { "A1.md": { x: 1, y: 1 } };
    const positions = layoutPositions(graph, { previous });
    expect(positions).toEqual(layoutPositions(graph));
    expect(positions["A1.md"]).not.toEqual({ x: 1, y: 1 });
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

  it("names a cluster by its most linked note, ties going to the first path", async () => {
    const graph = buildGraph(await loadVault(makeVault({ "B.md": "[[Gap]] [[A]]", "A.md": "[[Gap]] [[B]]", "C.md": "[[Gap]] [[A]] [[B]]" })));
    const topics = topicClusters(graph);
    // Whatever Louvain groups, a cluster is named by its best member: a note, most linked, first by path.
    for (const cluster of topics.clusters) {
      const members = graph.filterNodes((node) => topics.membership[node] === cluster.id);
      const notes = members.filter((node) => graph.getNodeAttribute(node, "kind") === "note");
      const best = Math.max(...notes.map((node) => graph.inDegree(node)));
      expect(cluster.centre).toBe(notes.filter((node) => graph.inDegree(node) === best).sort()[0] ?? members[0]);
    }
    expect(topics.clusters.map((c) => c.centre)).toContain("A.md");
  });

  it("gives each isolated note its own cluster", async () => {
    const graph = buildGraph(await loadVault(makeVault({ "A.md": "", "B.md": "" })));
    expect(topicClusters(graph).clusters.map((c) => c.size)).toEqual([1, 1]);
  });
});

describe("earlierPicture kept (serve and build --keep-layout: the picture holds still)", () => {
  it("keeps every node's place and puts a note written for a missing topic where the topic was", async () => {
    const linked = { ...twoTopics, "A1.md": "[[A2]] [[A3]] [[Enclaves]]" };
    const before = buildGraph(await loadVault(makeVault(linked)));
    const places = layoutPositions(before);
    const after = buildGraph(await loadVault(makeVault({ ...linked, "Enclaves.md": "[[B1]] [[B2]]" })));
    const picture = earlierPicture(after, places);
    const kept = picture.kind === "kept" ? picture.positions : null;
    for (const node of before.nodes()) if (after.hasNode(node)) expect(kept?.[node]).toEqual(places[node]);
    expect(kept?.["Enclaves.md"]).toEqual(places["missing:enclaves"]);
    expect(kept?.["missing:enclaves"]).toBeUndefined();
  });
});

describe("earlierPicture seeded (build --keep-layout and serve with many nodes new)", () => {
  it("starts the nodes there before where they were and the new ones among them, while at most half are new", async () => {
    const before = buildGraph(await loadVault(makeVault(twoTopics)));
    const places = layoutPositions(before);
    const added = { "C1.md": "[[A1]] [[C2]]", "C2.md": "[[B1]] [[C1]]" };
    const after = buildGraph(await loadVault(makeVault({ ...twoTopics, ...added })));
    const picture = earlierPicture(after, places);
    const seeded = picture.kind === "seeded" ? picture : null;
    for (const node of before.nodes()) expect(seeded?.start[node]).toEqual(places[node]);
    expect(Object.keys(seeded?.start ?? {}).sort()).toEqual(after.nodes().sort());
    // Refined for the share of the iterations that the new nodes are of all: 2 of 8 nodes, a quarter of 500.
    expect(seeded?.iterations).toBe(125);
    const refined = layoutPositions(after, { previous: places });
    expect(refined).toEqual(layoutPositions(after, { start: seeded?.start ?? {}, iterations: 125 }));
    expect(refined).not.toEqual(layoutPositions(after));
    // Seven new notes against six: too little of the picture is left to start from.
    const many = Object.fromEntries(["D1", "D2", "D3", "D4", "D5", "D6", "D7"].map((name) => [`${name}.md`, "[[A1]]"]));
    expect(earlierPicture(buildGraph(await loadVault(makeVault({ ...twoTopics, ...many }))), places)).toEqual({ kind: "made" });
  });
});

describe("keptClusters (serve: colours hold still between saves)", () => {
  it("keeps every node's cluster, puts a new note with the cluster its links reach, a lone one in a new cluster", async () => {
    const before = buildGraph(await loadVault(makeVault(twoTopics)));
    const topics = topicClusters(before);
    const after = buildGraph(await loadVault(makeVault({ ...twoTopics, "B4.md": "[[B1]] [[B2]] [[A1]]", "Alone.md": "" })));
    const kept = keptClusters(after, topics, 0.5);
    expect(kept).not.toBeNull();
    for (const node of before.nodes()) expect(kept?.membership[node]).toBe(topics.membership[node]);
    expect(kept?.membership["B4.md"]).toBe(topics.membership["B1.md"]);
    expect(kept?.membership["Alone.md"]).toBe(topics.clusters.length);
    const b = kept?.clusters[topics.membership["B1.md"] as number];
    expect(b?.size).toBe(4);
    expect(kept?.clusters.map((c) => c.id)).toEqual([0, 1, 2]);
  });

  it("puts a note written for a missing topic in the topic's cluster, by file name or path, not the cluster its links reach", async () => {
    const linked = { ...twoTopics, "A1.md": "[[A2]] [[A3]] [[Enclaves]] [[Sub/Nitro]]" };
    const before = buildGraph(await loadVault(makeVault(linked)));
    const topics = topicClusters(before);
    const after = buildGraph(await loadVault(makeVault({ ...linked, "Deep/Enclaves.md": "[[B1]] [[B2]] [[B3]]", "Sub/Nitro.md": "[[B1]] [[B2]]" })));
    const kept = keptClusters(after, topics, 0.5);
    expect(kept?.membership["Deep/Enclaves.md"]).toBe(topics.membership["missing:enclaves"]);
    expect(kept?.membership["Sub/Nitro.md"]).toBe(topics.membership["missing:sub/nitro"]);
    expect(topics.membership["missing:enclaves"]).not.toBe(topics.membership["B1.md"]);
  });

  it("gives up when too many nodes are new, so Louvain runs again", async () => {
    const before = buildGraph(await loadVault(makeVault({ "A1.md": "[[A2]]", "A2.md": "" })));
    const after = buildGraph(await loadVault(makeVault(twoTopics)));
    expect(keptClusters(after, topicClusters(before), 0.05)).toBeNull();
  });
});
