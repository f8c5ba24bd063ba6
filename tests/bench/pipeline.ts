/**
 * npm run bench [-- --sizes 1000,10000,100000]: each stage's cost on synthetic vaults, against the
 * floor (reading every file and finding [[...]] with a regular expression), and cold and warm
 * `check` and `build` as a user runs them (a new Node process each, start-up included), each with
 * its wall time and its peak RSS, worker threads included.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scanVault } from "../../src/scan/scanVault.js";
import { readNotes } from "../../src/parse/readNotes.js";
import { resolveLinks } from "../../src/resolve/resolveLinks.js";
import { buildGraph } from "../../src/graph/buildGraph.js";
import { layoutPositions } from "../../src/layout/layoutGraph.js";
import { topicClusters } from "../../src/analyze/topicClusters.js";
import { floorScan } from "./floor.mjs";
import { writeSyntheticVault } from "./syntheticVault.js";

const bin = fileURLToPath(new URL("../../build/notegraph.js", import.meta.url));
const peakRss = fileURLToPath(new URL("./peakRss.mjs", import.meta.url));
const args = process.argv.slice(2);

if (args[0] === "--stages") {
  // One size in its own process, so its peak memory is its own.
  console.log(JSON.stringify(await stages(args[1] ?? "")));
} else {
  const sizes = (args[args.indexOf("--sizes") + 1] ?? "1000,10000,100000").split(",").map(Number);
  const rows = [];
  for (const size of args.includes("--sizes") ? sizes : [1000, 10000, 100000]) rows.push(await measure(size));
  printTable(rows);
}

async function measure(notes: number): Promise<Record<string, string>> {
  const work = mkdtempSync(join(tmpdir(), "notegraph-bench-"));
  try {
    const vault = join(work, "vault");
    const made = writeSyntheticVault(vault, { notes, seed: 1 });
    const staged = JSON.parse(execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--stages", vault], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n").pop() ?? "{}");
    const cache = join(work, "cache");
    const rssFile = join(work, "rss");
    const cli = (command: string[]) => {
      const env = { ...process.env, NOTEGRAPH_BENCH_RSS: rssFile };
      const seconds = timed(() => spawnSync(process.execPath, ["--import", peakRss, bin, ...command, "--cache", cache], { stdio: "ignore", env }));
      return `${seconds} (${Math.round(Number(readFileSync(rssFile, "utf8")) / 1024)})`;
    };
    const coldCheck = cli(["check", vault]);
    appendFileSync(firstNote(vault), "\nedited\n");
    const warmCheck = cli(["check", vault]);
    rmSync(cache, { recursive: true, force: true });
    const coldBuild = cli(["build", vault, "--out", join(work, "site"), "--quiet"]);
    appendFileSync(firstNote(vault), "\nedited again\n");
    const warmBuild = cli(["build", vault, "--out", join(work, "site"), "--quiet"]);
    appendFileSync(firstNote(vault), "\nand again\n");
    const keptBuild = cli(["build", vault, "--out", join(work, "site"), "--quiet", "--keep-layout"]);
    return {
      notes: String(notes),
      links: String(made.links),
      MB: (made.bytes / 1e6).toFixed(1),
      "floor ms": String(staged.floor),
      "scan ms": String(staged.scan),
      "parse ms": String(staged.parse),
      "resolve ms": String(staged.resolve),
      "graph ms": String(staged.graph),
      "clusters + layout ms": String(staged.layout),
      "total ms": String(staged.total),
      "total/floor": (Number(staged.parse + staged.scan + staged.resolve + staged.graph) / Number(staged.floor)).toFixed(1),
      "stages peak RSS MB": String(staged.rss),
      "check cold s (MB)": coldCheck,
      "check warm s (MB)": warmCheck,
      "build cold s (MB)": coldBuild,
      "build warm s (MB)": warmBuild,
      "build warm --keep-layout s (MB)": keptBuild,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function stages(vault: string): Promise<Record<string, number>> {
  let start = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - start);
    start = now;
    return ms;
  };
  const floor = timedFloor(vault);
  lap();
  const scan = await scanVault(vault);
  const scanMs = lap();
  const { notes } = await readNotes(scan.notes);
  const parseMs = lap();
  const links = resolveLinks(notes, []);
  const resolveMs = lap();
  const graph = buildGraph({ root: scan.root, notes, attachments: [], links, problems: [] });
  const graphMs = lap();
  // As buildPage does: from 20,000 nodes the layout starts from the clusters.
  layoutPositions(graph, { clusters: topicClusters(graph).membership });
  const layoutMs = lap();
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  return { floor, scan: scanMs, parse: parseMs, resolve: resolveMs, graph: graphMs, layout: layoutMs, total: scanMs + parseMs + resolveMs + graphMs + layoutMs, rss };
}

/** What reading the bytes costs: every file read, every [[...]] found by a regular expression. */
function timedFloor(vault: string): number {
  const started = performance.now();
  floorScan(vault);
  return Math.round(performance.now() - started);
}

function firstNote(vault: string): string {
  return execFileSync("find", [join(vault, "Compute"), "-maxdepth", "1", "-name", "*.md"], { encoding: "utf8" }).split("\n").filter(Boolean).sort()[0] ?? "";
}

function timed(run: () => unknown): string {
  const started = performance.now();
  run();
  return ((performance.now() - started) / 1000).toFixed(2);
}

function printTable(rows: Record<string, string>[]): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join(" | ")} |`;
  console.log([line(columns), `|${widths.map((w) => `${"-".repeat(w + 1)}:`).join("|")}|`, ...rows.map((r) => line(columns.map((c) => r[c] ?? "")))].join("\n"));
}
