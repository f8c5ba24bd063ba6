import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, CHROMIUM, launchChromium } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { drawnNodeCount, nodeViews, waitForMap } from "../helpers/pageHelpers.js";
import { makeVault } from "../helpers/vault.js";
import { serveVault } from "../../src/serve/serveVault.js";

const inCi = process.env.CI === "true" || process.env.CI === "1";
const haveBrowser = chromiumAvailable();
if (!haveBrowser && !inCi) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe("a browser is there when CI runs", () => {
  it.runIf(inCi)(`finds Debian's chromium at ${CHROMIUM}`, () => {
    expect(haveBrowser).toBe(true);
  });
});

describe.runIf(haveBrowser)("the map of notes/ in Chromium, from file://", () => {
  let browser: Browser;
  let url: string;
  let expectedOrder: number;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), "notegraph-page-")), "site");
    const built = runCli(["build", "notes", "--out", out, "--quiet"]);
    expect(built.code, built.stderr).toBe(0);
    url = pathToFileURL(join(out, "index.html")).href;
    const html = readFileSync(join(out, "index.html"), "utf8");
    const json = /<script type="application\/json" id="notegraph-data">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}";
    expectedOrder = JSON.parse(json).nodes.length;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(hash = "", options: { dark?: boolean; phone?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      hasTouch: options.phone ?? false,
      colorScheme: options.dark ? "dark" : "light",
    });
    const page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(url + hash);
    await waitForMap(page);
    return page;
  }

  it("draws every node of the graph", async () => {
    const page = await open();
    const { drawn, total } = await drawnNodeCount(page);
    expect(total).toBe(expectedOrder);
    expect(drawn).toBe(total);
  });

  it("searching EMR opens its panel with its backlinks", async () => {
    const page = await open();
    await page.fill("#search", "EMR");
    await expect.poll(() => page.locator("#search-list li").first().textContent()).toContain("EMR");
    await page.press("#search", "Enter");
    await expect.poll(() => page.locator("#panel-title").textContent()).toBe("EMR");
    const panel = await page.locator("#panel").innerText();
    expect(panel).toMatch(/Backlinks \(\d+\)/);
    for (const source of ["Spot", "Pricing Models", "AWS Batch"]) expect(panel).toContain(source);
    expect(page.url()).toMatch(/#Services\/EMR$/);
  });

  it("finds a note by an alias", async () => {
    const page = await open();
    await page.fill("#search", "elastic block");
    await expect.poll(() => page.locator("#search-list li").first().textContent()).toContain("EBS");
  });

  it("hovering a node dims the nodes that are not its neighbours", async () => {
    const page = await open();
    const views = await nodeViews(page);
    const ec2 = views.find((v) => v.key === "Compute/EC2.md");
    expect(ec2).toBeDefined();
    await page.mouse.move(ec2?.x ?? 0, ec2?.y ?? 0);
    await expect.poll(() => page.evaluate(() => (window as any).notegraph.state.hovered)).toBe("Compute/EC2.md");
    const neighbours = new Set(await page.evaluate(() => (window as any).notegraph.graph.neighbors("Compute/EC2.md") as string[]));
    const after = await nodeViews(page);
    const dim = after.filter((v) => v.color === "#d9dce1").map((v) => v.key);
    const expectedDim = after.filter((v) => v.key !== "Compute/EC2.md" && !neighbours.has(v.key)).map((v) => v.key);
    expect(dim.sort()).toEqual(expectedDim.sort());
    expect(dim.length).toBeGreaterThan(0);
  });

  it("on a large map, hovering marks the node, its neighbours and links in place, redrawing only those", async () => {
    const page = await open();
    // What a map over 5,000 nodes does; counting sigma's passes over every node and edge.
    await page.evaluate(() => {
      const { state, renderer } = (window as any).notegraph;
      state.dimOnHover = false;
      renderer.refresh();
      const process = renderer.process.bind(renderer);
      (window as any).passes = 0;
      renderer.process = () => ((window as any).passes++, process());
    });
    const ec2 = (await nodeViews(page)).find((v) => v.key === "Compute/EC2.md");
    await page.mouse.move(ec2?.x ?? 0, ec2?.y ?? 0);
    await expect.poll(() => page.evaluate(() => (window as any).notegraph.state.hovered)).toBe("Compute/EC2.md");
    const marked = await page.evaluate(() => {
      const { graph, renderer } = (window as any).notegraph;
      const neighbours = new Set(graph.neighbors("Compute/EC2.md"));
      return {
        highlighted: graph.filterNodes((key: string) => renderer.getNodeDisplayData(key).highlighted && key !== "Compute/EC2.md").length === neighbours.size,
        dimmed: graph.filterNodes((key: string) => renderer.getNodeDisplayData(key).color === "#d9dce1").length,
        markedLinks: graph.filterEdges((edge: string) => renderer.getEdgeDisplayData(edge).color === "#1f2328").length === graph.degree("Compute/EC2.md"),
        passes: (window as any).passes,
      };
    });
    expect(marked).toEqual({ highlighted: true, dimmed: 0, markedLinks: true, passes: 0 });
    // The rest is dimmed by a shade between the map's layers and the layer sigma draws highlighted nodes on.
    const shade = () => page.evaluate(() => {
      const layer = document.querySelector<HTMLElement>(".hover-shade");
      const hovers = (window as any).notegraph.renderer.getCanvases().hovers;
      return { shown: layer !== null && getComputedStyle(layer).display !== "none", underHovers: layer?.nextElementSibling === hovers };
    });
    expect(await shade()).toEqual({ shown: true, underHovers: true });
    await expectSigmasPicture(page);
    // Leaving the node clears every mark it made, still without a pass over the map.
    await page.evaluate(() => ((window as any).passes = 0));
    await page.mouse.move(5, 790);
    await expect.poll(() => page.evaluate(() => (window as any).notegraph.state.hovered)).toBe(null);
    expect(await page.evaluate(() => (window as any).passes)).toBe(0);
    expect((await shade()).shown).toBe(false);
    await expectSigmasPicture(page);
    // Selecting a note and another, then none: each marks or unmarks nodes in place too.
    for (const key of ["Compute/EC2.md", "Storage/EBS.md", null]) {
      await page.evaluate((node) => {
        (window as any).passes = 0;
        (window as any).notegraph.select(node, { fly: false });
      }, key);
      expect(await page.evaluate(() => [(window as any).passes, (window as any).notegraph.state.selected])).toEqual([0, key]);
      await expectSigmasPicture(page);
    }
  });

  it("hiding missing topics removes them from the map", async () => {
    const page = await open();
    const before = await nodeViews(page);
    const missing = before.filter((v) => v.key.startsWith("missing:"));
    expect(missing.length).toBeGreaterThan(0);
    await page.uncheck("#show-missing");
    const after = await nodeViews(page);
    expect(after.filter((v) => v.hidden).map((v) => v.key).sort()).toEqual(missing.map((v) => v.key).sort());
  });

  it("a deep link opens its note", async () => {
    const page = await open("#Compute/EC2");
    await expect.poll(() => page.locator("#panel-title").textContent()).toBe("EC2");
    expect(await page.evaluate(() => (window as any).notegraph.state.selected)).toBe("Compute/EC2.md");
  });

  it("opens a missing topic from the coverage panel, showing who links to it", async () => {
    const page = await open();
    await page.locator("#wanted button", { hasText: "Hadoop" }).click();
    await expect.poll(() => page.locator("#panel-title").textContent()).toBe("Hadoop");
    const panel = await page.locator("#panel").innerText();
    expect(panel).toContain("Missing topic");
    expect(panel).toContain("EMR");
    expect(panel).toContain("Placement Groups");
  });

  it("shows the selected note's neighbourhood to a chosen depth", async () => {
    const page = await open("#Services/EMR");
    await page.selectOption("#local-depth", "1");
    const visible = (await nodeViews(page)).filter((v) => !v.hidden).map((v) => v.key);
    const expected = await page.evaluate(() => ["Services/EMR.md", ...(window as any).notegraph.graph.neighbors("Services/EMR.md")]);
    expect(visible.sort()).toEqual([...new Set(expected as string[])].sort());
  });

  it("filters by folder and by tag", async () => {
    const page = await open();
    await page.selectOption("#folder-filter", "/Pricing");
    const visible = (await nodeViews(page)).filter((v) => !v.hidden).map((v) => v.key);
    expect(visible.length).toBe(5);
    expect(visible.every((k) => k.startsWith("Pricing/"))).toBe(true);
    await page.selectOption("#folder-filter", "*");
    await page.selectOption("#tag-filter", "#virtualization");
    const tagged = (await nodeViews(page)).filter((v) => !v.hidden).map((v) => v.key);
    expect(tagged).toContain("Virtualization/SR-IOV.md");
    expect(tagged).not.toContain("Compute/EC2.md");
  });

  it("switches colours to folders and names clusters in the legend", async () => {
    const page = await open();
    expect(await page.locator("#legend").innerText()).toMatch(/Topic clusters[\s\S]*EC2/i);
    await page.selectOption("#color-by", "folder");
    expect(await page.locator("#legend").innerText()).toMatch(/Folders[\s\S]*Compute/i);
  });

  it("is usable by keyboard: / focuses search, arrows pick, Escape closes the panel", async () => {
    const page = await open();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search");
    await page.keyboard.type("spot");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#panel").isVisible()).toBe(true);
    await page.locator("#graph").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#panel").isVisible()).toBe(false);
  });

  it("zoom buttons move the camera", async () => {
    const page = await open();
    const ratio = () => page.evaluate(() => (window as any).notegraph.renderer.getCamera().ratio as number);
    const start = await ratio();
    await page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(ratio).toBeLessThan(start);
    await page.getByRole("button", { name: "Reset view" }).click();
    await expect.poll(ratio).toBeCloseTo(1, 2);
  });

  it("follows the dark colour scheme", async () => {
    const page = await open("", { dark: true });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(22, 24, 28)");
  });

  it("fits a phone: the side bar folds behind a button, the panel is a bottom sheet on screen", async () => {
    const page = await open("#Services/EMR", { phone: true });
    const onScreen = async (selector: string) => {
      const box = await page.locator(selector).boundingBox();
      return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= 391 && box.y + box.height <= 845 && box.width > 100;
    };
    expect(await onScreen("#panel")).toBe(true);
    expect(await page.locator("#panel-title").textContent()).toBe("EMR");
    expect(await page.locator("#sidebar").isVisible()).toBe(false);
    await page.getByRole("button", { name: "Show or hide the side bar" }).tap();
    expect(await page.locator("#sidebar").isVisible()).toBe(true);
    expect(await onScreen("#sidebar")).toBe(true);
  });

  it("runs the live layout in a worker the page's policy allows", async () => {
    const page = await open();
    const before = (await nodeViews(page)).find((v) => v.key === "Compute/EC2.md");
    await page.check("#live-layout");
    await page.waitForTimeout(500);
    await page.uncheck("#live-layout");
    const after = (await nodeViews(page)).find((v) => v.key === "Compute/EC2.md");
    expect(after).not.toEqual(before);
  });

  it("makes no request outside the page and logs no error", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => !r.startsWith("file:") && !r.startsWith("blob:") && !r.startsWith("data:"))).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe.runIf(haveBrowser)("hostile note text on the page", () => {
  it("shows titles, aliases, headings and tags as text, never as markup", async () => {
    const attack = "<img src=x onerror=\"window.pwned=1\">";
    const vault = makeVault({
      "Evil.md": `---\ntitle: '${attack}'\naliases: ["</script><script>window.pwned=2</script>"]\ntags: ["<b>t</b>"]\n---\n# Heading ${attack}\n\nLine\u2028separator [[Target]] [x](javascript:alert(1))\n`,
      "Target.md": "[[Evil]]",
    });
    const out = join(mkdtempSync(join(tmpdir(), "notegraph-xss-")), "site");
    expect(runCli(["build", vault, "--out", out, "--quiet"]).code).toBe(0);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${pathToFileURL(join(out, "index.html")).href}#Evil`);
      await waitForMap(page);
      await expect.poll(() => page.locator("#panel-title").textContent()).toBe(attack);
      expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
      expect(await page.locator("#panel img").count()).toBe(0);
      expect(await page.locator("#panel").innerText()).toContain("</script><script>window.pwned=2</script>");
      await page.fill("#search", "<img");
      await expect.poll(() => page.locator("#search-list li").first().textContent()).toContain(attack);
      expect(await page.locator("#search-list img").count()).toBe(0);
      expect(await page.locator("[onerror], [onclick], [onload]").count()).toBe(0);
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});


/** The map drawn now is what sigma's own process draws (after a full refresh), its grid of labels too. */
async function expectSigmasPicture(page: Page): Promise<void> {
  const labelGrid = () => page.evaluate(() => JSON.stringify((window as any).notegraph.renderer.labelGrid));
  const written = { picture: await page.locator("#graph").screenshot(), labels: await labelGrid() };
  await page.evaluate(() => (window as any).notegraph.renderer.refresh());
  expect((await page.locator("#graph").screenshot()).equals(written.picture)).toBe(true);
  expect(await labelGrid()).toBe(written.labels);
}

describe.runIf(haveBrowser)("the page served by notegraph serve", () => {
  it.each([
    ["dimming the rest", true],
    ["marking in place, as above 5,000 nodes", false],
  ])("keeps a hovered node's neighbours up to date when a save links to it (%s)", async (_how, dim) => {
    const vault = makeVault({ "A.md": "[[B]]", "B.md": "# B", "D.md": "# D" });
    const served = await serveVault(vault, { port: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(served.url);
      await waitForMap(page);
      await page.evaluate((dimOnHover) => {
        const { state, renderer, setHovered } = (window as any).notegraph;
        state.dimOnHover = dimOnHover;
        renderer.refresh();
        setHovered("A.md");
      }, dim);
      writeFileSync(join(vault, "C.md"), "[[A]]");
      await expect.poll(() => page.evaluate(() => (window as any).notegraph.graph.order), { timeout: 10_000 }).toBe(4);
      const seen = await page.evaluate(() => {
        const { state, renderer } = (window as any).notegraph;
        const look = (key: string) => ({ dimmed: renderer.getNodeDisplayData(key).color === "#d9dce1", highlighted: Boolean(renderer.getNodeDisplayData(key).highlighted) });
        return { neighbours: [...state.hoveredNeighbours].sort(), C: look("C.md"), D: look("D.md") };
      });
      // Dimming recolours the rest; marking in place highlights the neighbours, drawn above the hover shade.
      expect(seen).toEqual({ neighbours: ["A.md", "B.md", "C.md"], C: { dimmed: false, highlighted: !dim }, D: { dimmed: dim, highlighted: false } });
      await expectSigmasPicture(page);
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it("labels every node of a small vault from the start, not only the large ones", async () => {
    const vault = makeVault({ "Compost.md": "[[Beds]] [[Seeds]]", "Beds.md": "[[Compost]]", "Seeds.md": "[[Stakes]]", "Stakes.md": "[[Mulch]]" });
    const served = await serveVault(vault, { port: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(served.url);
      await waitForMap(page);
      const labels = await page.evaluate(() => [...(window as any).notegraph.renderer.displayedNodeLabels].sort());
      expect(labels).toEqual(["Beds.md", "Compost.md", "Seeds.md", "Stakes.md", "missing:mulch"]);
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it("a page opened from an older build fetches the whole graph, then follows the deltas", async () => {
    const vault = makeVault({ "A.md": "[[B]]", "B.md": "# B" });
    let rebuilt: () => void = () => undefined;
    const served = await serveVault(vault, { port: 0, onRebuild: () => rebuilt() });
    const browser = await launchChromium();
    try {
      const stale = await (await fetch(served.url)).text();
      await new Promise<void>((resolve) => {
        rebuilt = resolve;
        writeFileSync(join(vault, "C.md"), "[[A]]");
      });
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.route(served.url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: stale }));
      await page.goto(served.url);
      await waitForMap(page);
      await expect.poll(() => page.evaluate(() => (window as any).notegraph.graph.order), { timeout: 10_000 }).toBe(3);
      writeFileSync(join(vault, "D.md"), "[[C]] [[Later topic]]");
      await expect.poll(() => page.evaluate(() => (window as any).notegraph.graph.order), { timeout: 10_000 }).toBe(5);
      expect(await page.evaluate(() => (window as any).notegraph.graph.hasEdge("D.md", "C.md"))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it.each([
    ["with a note open, keeping its panel", "#A"],
    ["with nothing selected (no reducer pass over the whole graph)", ""],
  ])("redraws in place when a note is saved, %s, the renderer showing each node as the update left it", async (_how, hash) => {
    const vault = makeVault({ "A.md": "[[B]]", "B.md": "# B" });
    const served = await serveVault(vault, { port: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${served.url}${hash}`);
      await waitForMap(page);
      if (hash) await expect.poll(() => page.locator("#panel-title").textContent()).toBe("A");
      const sizeOfA = () => page.evaluate(() => (window as any).notegraph.graph.getNodeAttribute("A.md", "size") as number);
      const before = await sizeOfA();
      // C links to A: A's size grows with its links in, and C and a missing topic are new.
      writeFileSync(join(vault, "C.md"), "[[A]] [[Fresh topic]]");
      await expect.poll(() => page.evaluate(() => (window as any).notegraph.graph.order), { timeout: 10_000 }).toBe(4);
      expect(await sizeOfA()).toBeGreaterThan(before);
      if (hash) {
        expect(await page.locator("#panel").innerText()).toContain("Backlinks (1)");
        expect(await page.evaluate(() => (window as any).notegraph.state.selected)).toBe("A.md");
      }
      // The renderer holds every node and edge the update brought, placed, each node as its attributes now say.
      const shown = await page.evaluate(() => {
        const { graph, renderer } = (window as any).notegraph;
        return {
          nodes: graph.filterNodes((key: string) => Number.isFinite(renderer.getNodeDisplayData(key)?.x)).sort(),
          edges: graph.filterEdges((key: string) => renderer.getEdgeDisplayData(key) !== undefined).length,
          sizes: graph.filterNodes((key: string) => renderer.getNodeDisplayData(key)?.size !== graph.getNodeAttribute(key, "size")),
        };
      });
      expect(shown).toEqual({ nodes: ["A.md", "B.md", "C.md", "missing:fresh topic"], edges: 3, sizes: [] });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it("writes only what a save changed into sigma's buffers, drawing the same picture as sigma's own process, each new node picked where it is drawn", async () => {
    // A ring of notes with a hub: saves land inside the map's extent, where only changes are written.
    const names = "ABCDEFGHIJKL".split("");
    const vault = makeVault(Object.fromEntries(names.map((name, i) => [`${name}.md`, `[[${names[(i + 1) % names.length]}]] [[A]]`])));
    const served = await serveVault(vault, { port: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(served.url);
      await waitForMap(page);
      const saves: [string, string | null, number][] = [
        ["C.md", "[[D]] [[A]] [[B]] [[Fresh topic]]", 13], // a missing topic, a link, sizes changed
        ["M.md", "[[A]] [[E]]", 14], // a new note
        ["F.md", "[[G]] [[A]] [[B]] [[E]]", 14], // links only
        ["F.md", "[[G]] [[A]]", 14], // links removed: their edges dropped
        ["M.md", null, 13], // a note removed, with its edges
      ];
      let changesOnly = 0;
      for (const [file, text, order] of saves) {
        const version = Number(await page.evaluate(() => document.body.dataset.version ?? "0"));
        if (text === null) rmSync(join(vault, file));
        else writeFileSync(join(vault, file), text);
        await expect.poll(() => page.evaluate(() => Number(document.body.dataset.version ?? "0")), { timeout: 10_000 }).toBeGreaterThan(version);
        expect(await page.evaluate(() => (window as any).notegraph.graph.order)).toBe(order);
        changesOnly = (await page.evaluate(() => (window as any).notegraph.processes())).changesOnly;
        // Every node and edge has its own picking id, and each new node is the one found where it is drawn.
        const picking = await page.evaluate(() => {
          const { graph, renderer } = (window as any).notegraph;
          const ids = [...graph.nodes().map((key: string) => renderer.nodeIndices[key]), ...graph.edges().map((key: string) => renderer.edgeIndices[key])];
          const owners = ids.map((id: number) => renderer.itemIDsIndex[id]?.id);
          const found = graph.filterNodes((key: string) => renderer.getNodeAtPosition(renderer.framedGraphToViewport(renderer.getNodeDisplayData(key))) === key);
          const stale = Object.values(renderer.itemIDsIndex as Record<number, { type: string; id: string }>).filter(({ type, id }) => !(type === "node" ? graph.hasNode(id) : graph.hasEdge(id)));
          return { unique: new Set(ids).size === ids.length, owned: owners.every((owner: string, i: number) => owner === [...graph.nodes(), ...graph.edges()][i]), found, stale };
        });
        expect(picking.unique).toBe(true);
        expect(picking.owned).toBe(true);
        // No id is left to an item gone.
        expect(picking.stale).toEqual([]);
        expect(picking.found).toEqual(expect.arrayContaining(file === "C.md" ? ["missing:fresh topic"] : file === "M.md" && text !== null ? ["M.md"] : []));
        await expectSigmasPicture(page);
      }
      expect(changesOnly).toBe(saves.length);
      // Changes made on the page: a node moved out of the map's extent (every node moves on screen)
      // and every node changed take sigma's own process; a node resized or an edge dropped, the short way.
      const edits: [string, string, { changesOnly: number; whole: number }][] = [
        ["a node moved out of the extent", `graph.setNodeAttribute("B.md", "x", 10000)`, { changesOnly: 0, whole: 1 }],
        ["a node resized", `graph.setNodeAttribute("C.md", "size", 15)`, { changesOnly: 1, whole: 0 }],
        ["an edge dropped", `graph.dropEdge(graph.edges()[0])`, { changesOnly: 1, whole: 0 }],
        ["every node resized", `graph.updateEachNodeAttributes((_key, attrs) => ({ ...attrs, size: attrs.size + 1 }))`, { changesOnly: 0, whole: 1 }],
      ];
      for (const [how, edit, expected] of edits) {
        const before = await page.evaluate(() => (window as any).notegraph.processes());
        await page.evaluate(`(() => { const { graph, renderer } = window.notegraph; ${edit}; renderer.refresh({ partialGraph: {}, skipIndexation: true }); })()`);
        const after = await page.evaluate(() => (window as any).notegraph.processes());
        expect({ how, changesOnly: after.changesOnly - before.changesOnly, whole: after.whole - before.whole }).toEqual({ how, ...expected });
        await expectSigmasPicture(page);
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
    }
  });
});
