import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { earlierLayout, layoutOfPage } from "../../src/emit/earlierPage.js";
import { jsonForHtml } from "../../src/emit/pageHtml.js";

const one = { name: "A", centre: "A.md", size: 1, color: "#4e79a7" };
const page = (data: unknown) => `<!doctype html><script type="application/json" id="notegraph-data">${jsonForHtml(data)}</script><script>x</script>`;

describe("the positions of an earlier page (build --keep-layout)", () => {
  it("reads every node's key, place and cluster, keys with markup and line separators included", () => {
    const nodes = [
      { key: "A.md", x: 1.5, y: -2, cluster: 0 },
      { key: "</script>\u2028odd.md", x: 0, y: 3.25, cluster: 1 },
      { key: "missing:enclaves", x: -7, y: 0, cluster: 0 },
    ];
    const clusters = [{ name: "A", centre: "A.md", size: 2, color: "#4e79a7" }, { name: "odd", centre: "</script>\u2028odd.md", size: 1, color: "#f28e2b" }];
    expect(layoutOfPage(page({ title: "t", nodes, edges: [], clusters }))).toEqual({
      positions: { "A.md": { x: 1.5, y: -2 }, "</script>\u2028odd.md": { x: 0, y: 3.25 }, "missing:enclaves": { x: -7, y: 0 } },
      topics: {
        clusters: [{ id: 0, name: "A", centre: "A.md", size: 2 }, { id: 1, name: "odd", centre: "</script>\u2028odd.md", size: 1 }],
        membership: { "A.md": 0, "</script>\u2028odd.md": 1, "missing:enclaves": 0 },
      },
    });
  });

  it.each([
    ["no data script", "<html><body>hello</body></html>"],
    ["data that is not JSON", '<script type="application/json" id="notegraph-data">{"nodes": [</script>'],
    ["no node list", page({ title: "t", clusters: [] })],
    ["no cluster list", page({ nodes: [] })],
    ["a node without a place", page({ nodes: [{ key: "A.md", x: 1, cluster: 0 }], clusters: [one] })],
    ["a place that is not a number", page({ nodes: [{ key: "A.md", x: "1", y: 2, cluster: 0 }], clusters: [one] })],
    ["a node in no cluster the page lists", page({ nodes: [{ key: "A.md", x: 1, y: 2, cluster: 1 }], clusters: [one] })],
    ["a cluster without a centre", page({ nodes: [], clusters: [{ name: "A", size: 1 }] })],
    ["a node that is not an object", page({ nodes: [null], clusters: [] })],
  ])("gives none for a page with %s", (_what, html) => {
    expect(layoutOfPage(html)).toBeNull();
  });

  it("names the file and what is wrong when there is no page or it is not one of ours", async () => {
    const out = mkdtempSync(join(tmpdir(), "notegraph-earlier-"));
    expect(await earlierLayout(join(out, "none"))).toEqual({ problem: `${join(out, "none", "index.html")}: no earlier page there` });
    writeFileSync(join(out, "index.html"), "<html>mine</html>");
    expect(await earlierLayout(out)).toEqual({ problem: `${join(out, "index.html")}: no node places and clusters this notegraph can read (not its page, one of another version, or damaged)` });
  });
});
