import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

const files = { "A.md": "---\ntags: [x, y]\n---\n[[B]] [[B]] [[Gone]] ![[pic.png]]", "B.md": "[[A]]", "Odd, \"quoted\" & <name>.md": "[[A]]", "img/pic.png": "x" };

function exported(format: string): { vault: string; out: string; text: string } {
  const vault = makeVault(files);
  const out = join(makeVault({}), `graph.${format}`);
  const result = runCli(["export", vault, "--format", format, "--out", out]);
  expect(result.code, result.stderr).toBe(0);
  return { vault, out, text: readFileSync(out, "utf8") };
}

describe("notegraph export", () => {
  it("json: graphology's own format, read back by graph.import()", () => {
    const graph = new Graph();
    graph.import(JSON.parse(exported("json").text));
    expect(graph.order).toBe(5);
    expect(graph.getEdgeAttributes("A.md", "B.md")).toEqual({ weight: 2, kinds: "wikilink" });
    expect(graph.getNodeAttribute("missing:gone", "kind")).toBe("missing");
  });

  it("gexf: read back by graphology-gexf's parser with positions, sizes and colours", () => {
    const { text } = exported("gexf");
    const graph = parseGexf(Graph, text);
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(5);
    const a = graph.getNodeAttributes("A.md");
    expect(a).toMatchObject({ label: "A", kind: "note", tags: "x y" });
    expect(typeof a.x).toBe("number");
    expect(typeof a.y).toBe("number");
    expect(a.color).toMatch(/^rgb|^#/);
    expect(graph.getNodeAttribute('Odd, "quoted" & <name>.md', "label")).toBe('Odd, "quoted" & <name>');
  });

  it("graphml: well-formed XML with every node, edge and attribute", () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(exported("graphml").text);
    const graph = parsed.graphml.graph;
    expect(graph.edgedefault).toBe("directed");
    expect(graph.node.map((n: { id: string }) => n.id)).toContain('Odd, "quoted" & <name>.md');
    expect(graph.edge).toHaveLength(5);
    const ab = graph.edge.find((e: { source: string; target: string }) => e.source === "A.md" && e.target === "B.md");
    expect(ab.data.find((d: { key: string }) => d.key === "weight")["#text"]).toBe(2);
  });

  it("csv: a nodes table and an edges table, quoted where needed", () => {
    const { out } = exported("csv");
    const nodes = readFileSync(out, "utf8").trim().split("\r\n");
    const edges = readFileSync(out.replace(/\.csv$/, ".edges.csv"), "utf8").trim().split("\r\n");
    expect(nodes[0]).toBe("key,label,kind,path,folder,tags,words,cluster,x,y,size,color");
    expect(nodes).toHaveLength(6);
    expect(nodes.some((line) => line.startsWith('"Odd, ""quoted"" & <name>.md","Odd, ""quoted"" & <name>",note,'))).toBe(true);
    expect(edges).toContain("A.md,B.md,2,wikilink");
  });

  it("replaces its own earlier export, but not a user's file, and never writes into the vault", () => {
    const { vault, out } = exported("gexf");
    expect(runCli(["export", vault, "--format", "gexf", "--out", out]).code).toBe(0);
    const mine = join(makeVault({}), "thesis.xml");
    writeFileSync(mine, "<thesis/>");
    expect(runCli(["export", vault, "--format", "gexf", "--out", mine])).toMatchObject({ code: 2, stderr: expect.stringContaining("was not written by notegraph") });
    expect(readFileSync(mine, "utf8")).toBe("<thesis/>");
    expect(runCli(["export", vault, "--format", "json", "--out", join(vault, "graph.json")])).toMatchObject({ code: 2, stderr: expect.stringContaining("inside the vault") });
  });

  it("asks for a format, and for --out with csv", () => {
    expect(runCli(["export", "notes"])).toMatchObject({ code: 2, stderr: expect.stringContaining("needs --format") });
    expect(runCli(["export", "notes", "--format", "csv"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--out") });
  });
});
