import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { earlierPositions, positionsOfPage } from "../../src/emit/earlierPage.js";
import { jsonForHtml } from "../../src/emit/pageHtml.js";

const page = (data: unknown) => `<!doctype html><script type="application/json" id="notegraph-data">${jsonForHtml(data)}</script><script>x</script>`;

describe("the positions of an earlier page (build --keep-layout)", () => {
  it("reads every node's key and place, keys with markup and line separators included", () => {
    const nodes = [
      { key: "A.md", x: 1.5, y: -2 },
      { key: "</script>\u2028odd.md", x: 0, y: 3.25 },
      { key: "missing:enclaves", x: -7, y: 0 },
    ];
    expect(positionsOfPage(page({ title: "t", nodes, edges: [] }))).toEqual({
      "A.md": { x: 1.5, y: -2 },
      "</script>\u2028odd.md": { x: 0, y: 3.25 },
      "missing:enclaves": { x: -7, y: 0 },
    });
  });

  it.each([
    ["no data script", "<html><body>hello</body></html>"],
    ["data that is not JSON", '<script type="application/json" id="notegraph-data">{"nodes": [</script>'],
    ["no node list", page({ title: "t" })],
    ["a node without a place", page({ nodes: [{ key: "A.md", x: 1 }] })],
    ["a place that is not a number", page({ nodes: [{ key: "A.md", x: "1", y: 2 }] })],
    ["a node that is not an object", page({ nodes: [null] })],
  ])("gives none for a page with %s", (_what, html) => {
    expect(positionsOfPage(html)).toBeNull();
  });

  it("names the file and what is wrong when there is no page or it is not one of ours", async () => {
    const out = mkdtempSync(join(tmpdir(), "notegraph-earlier-"));
    expect(await earlierPositions(join(out, "none"))).toEqual({ problem: `${join(out, "none", "index.html")}: no earlier page there` });
    writeFileSync(join(out, "index.html"), "<html>mine</html>");
    expect(await earlierPositions(out)).toEqual({ problem: `${join(out, "index.html")}: not a page notegraph wrote, or damaged (no node positions in it)` });
  });
});
