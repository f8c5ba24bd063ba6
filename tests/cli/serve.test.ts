import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliBin, runCli } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

interface Served {
  url: string;
  code: number | null;
  /** The page's nodes as `/data.json` gave them. */
  nodes: { key: string; x: number; y: number; cluster: number }[];
  stderr: string;
}

/** Starts `notegraph serve`, waits for its address, then stops it with SIGINT as Ctrl-C would. */
async function serveOnce(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [cliBin, "serve", ...args, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Serving the map at (\S+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.on("exit", () => reject(new Error(`serve ended before serving: ${out}`)));
  });
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const { nodes } = (await (await fetch(new URL("data.json", url))).json()) as Pick<Served, "nodes">;
  child.kill("SIGINT");
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { url, code, nodes, stderr };
}

const dataOf = (html: string) => JSON.parse(/id="notegraph-data">(.*?)<\/script>/s.exec(html)?.[1] ?? "null");

describe("notegraph serve", () => {
  it("keeps its parse cache where --cache says, and writes none with --no-cache", async () => {
    const vault = makeVault({ "A.md": "[[B]]", "B.md": "" });
    const cache = mkdtempSync(join(tmpdir(), "notegraph-serve-cache-"));
    expect((await serveOnce([vault, "--cache", cache])).code).toBe(0);
    expect(readdirSync(cache).filter((name) => name.endsWith(".json"))).toHaveLength(1);
    const none = mkdtempSync(join(tmpdir(), "notegraph-serve-cache-"));
    expect((await serveOnce([vault, "--no-cache", "--cache", none])).code).toBe(0);
    expect(readdirSync(none)).toEqual([]);
  });

  it("starts from the picture of a published page with --layout-from, and says why when it cannot", async () => {
    const ring = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`N${i}.md`, `[[N${(i + 1) % 30}]] [[N${(i + 7) % 30}]]`]));
    const vault = makeVault(ring);
    const out = join(makeVault({}), "public");
    expect(runCli(["build", vault, "--out", out, "--quiet"]).code).toBe(0);
    const published = dataOf(readFileSync(join(out, "index.html"), "utf8")).nodes as Served["nodes"];
    writeFileSync(join(vault, "New.md"), "[[N3]] [[N4]]");
    const served = await serveOnce([vault, "--no-cache", "--layout-from", out]);
    expect(served.stderr).toBe("");
    // Where each node sits and its colour; its size may change with the new note's links.
    const place = ({ x, y, cluster }: Served["nodes"][number]) => ({ x, y, cluster });
    const now = new Map(served.nodes.map((node) => [node.key, place(node)]));
    for (const node of published) expect(now.get(node.key), node.key).toEqual(place(node));
    expect(now.has("New.md")).toBe(true);
    const missing = await serveOnce([vault, "--no-cache", "--layout-from", join(out, "nowhere")]);
    expect(missing.stderr).toMatch(/^notegraph: --layout-from: .*nowhere.index\.html: no earlier page there; laying out afresh\n$/);
  });
});
