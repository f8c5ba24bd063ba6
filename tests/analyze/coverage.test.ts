import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { bridgeNotes } from "../../src/analyze/bridges.js";
import { coverageReport } from "../../src/analyze/coverageReport.js";
import { suggestedLinks } from "../../src/analyze/suggestedLinks.js";
import { unlinkedMentions } from "../../src/analyze/unlinkedMentions.js";
import { buildGraph, type VaultGraph } from "../../src/graph/buildGraph.js";
import { loadVault } from "../../src/loadVault.js";
import { makeVault } from "../helpers/vault.js";

const load = (files: Record<string, string>) => loadVault(makeVault(files), { keepText: true });

describe("unlinked mentions", () => {
  it("finds titles, file names and aliases named in text, as whole words, outside code and links", async () => {
    const vault = await load({
      "A.md": "Security groups filter traffic. S3 and s3 and `S3` and [[Hypervisor]] and the hypervisor.\n\nAlso Elastic Block Store, but not securitygroups.",
      "Security Groups.md": "",
      "S3.md": "",
      "Hypervisor.md": "",
      "EBS.md": "---\naliases: [Elastic Block Store]\n---\n",
    });
    expect(unlinkedMentions(vault.notes, vault.links)).toEqual([
      { source: "A.md", target: "Security Groups.md", text: "Security groups", line: 1, column: 1, count: 1 },
      { source: "A.md", target: "S3.md", text: "S3", line: 1, column: 33, count: 1 },
      { source: "A.md", target: "EBS.md", text: "Elastic Block Store", line: 3, column: 6, count: 1 },
    ]);
  });

  it("does not list a note mentioning itself", async () => {
    const vault = await load({ "Spot.md": "# Spot\nSpot capacity is cheap." });
    expect(unlinkedMentions(vault.notes, vault.links)).toEqual([]);
  });
});

describe("suggested links", () => {
  it("scores co-cited notes by Adamic-Adar and explains why", async () => {
    const graph = buildGraph(await load({ "C1.md": "[[X]] [[Y]]", "C2.md": "[[X]] [[Y]]", "X.md": "", "Y.md": "" }));
    const suggestions = suggestedLinks(graph);
    expect(suggestions.find((s) => s.source === "X.md")).toEqual({ source: "X.md", target: "Y.md", score: Math.round((2 / Math.log(2)) * 1000) / 1000, via: ["C1", "C2"], reason: "both cited by C1 and C2" });
    expect(suggestions.find((s) => s.source === "C1.md" && s.target === "C2.md")?.reason).toBe("both link to X and Y");
  });

  it("never suggests a pair that already links", async () => {
    const graph = buildGraph(await load({ "A.md": "[[B]] [[C]]", "B.md": "[[C]]", "C.md": "" }));
    expect(suggestedLinks(graph)).toEqual([]);
  });
});

describe("bridge notes", () => {
  it("ranks the note every path goes through (exact on small vaults)", async () => {
    const graph = buildGraph(await load({ "A.md": "[[B]]", "B.md": "[[C]]", "C.md": "" }));
    expect(bridgeNotes(graph)).toEqual([{ path: "B.md", title: "B", score: 1 }]);
  });

  it("estimates from a sample on large vaults and still finds the middle of a long chain", () => {
    const graph: VaultGraph = new Graph({ type: "directed" });
    const n = 2501;
    for (let i = 0; i < n; i++) graph.addNode(`n${i}.md`, { kind: "note", path: `n${i}.md`, title: `n${i}`, aliases: [], tags: [], headings: [], words: 0, folder: "" });
    for (let i = 1; i < n; i++) graph.addEdge(`n${i - 1}.md`, `n${i}.md`, { weight: 1, kinds: ["wikilink"] });
    const [top] = bridgeNotes(graph, 1);
    const index = Number(top?.title.slice(1));
    expect(Math.abs(index - 1250)).toBeLessThan(150);
    expect(top?.score).toBeGreaterThan(0.35);
    expect(top?.score).toBeLessThan(0.65);
  });
});

describe("coverage report", () => {
  it("summarizes clusters with their missing topics and links inside and out, and lists stubs", async () => {
    const vault = await load({
      "A1.md": "[[A2]] [[A3]] [[Gap]] " + "word ".repeat(50),
      "A2.md": "[[A1]] [[A3]] " + "word ".repeat(50),
      "A3.md": "[[A1]] [[A2]] [[B1]] " + "word ".repeat(50),
      "B1.md": "[[B2]] [[B3]] " + "word ".repeat(50),
      "B2.md": "[[B1]] [[B3]] " + "word ".repeat(50),
      "B3.md": "[[B1]] [[B2]] short",
    });
    const report = coverageReport(vault);
    const a = report.clusters.find((c) => c.notes.includes("A1.md" as never));
    expect(a).toMatchObject({ notes: ["A1.md", "A2.md", "A3.md"], missing: ["Gap"], internalLinks: 6, externalLinks: 1 });
    expect(report.stubs).toEqual([{ path: "B3.md", words: 1 }]);
    expect(report.wanted).toEqual([{ target: "Gap", count: 1, sources: ["A1.md"] }]);
    expect(report.stats).toMatchObject({ clusters: 2, stubs: 1 });
  });
});
