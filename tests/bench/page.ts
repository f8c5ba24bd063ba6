/**
 * npm run bench:page: build a synthetic 10,000-note vault and measure the page in headless
 * Chromium: build time, page weight, first drawn frame, frames per second while panning.
 * Software WebGL (SwiftShader) here, so a real GPU does better.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildPage } from "../../src/buildPage.js";
import { writeOutputFolder } from "../../src/emit/outputFolder.js";
import { launchChromium } from "../helpers/browser.js";
import { writeSyntheticVault } from "./syntheticVault.js";

const notes = Number(process.argv[2] ?? 10_000);
const work = mkdtempSync(join(tmpdir(), "notegraph-bench-page-"));
try {
  const vault = join(work, "vault");
  const made = writeSyntheticVault(vault, { notes, seed: 1 });
  const started = performance.now();
  const build = await buildPage(vault);
  const out = await writeOutputFolder(join(work, "site"), build.root, { "index.html": build.html });
  const buildMs = performance.now() - started;
  const pageBytes = statSync(join(out, "index.html")).size;

  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(pathToFileURL(join(out, "index.html")).href);
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 120_000 });
  const firstFrameMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => `${m.name.replace("notegraph:", "")} ${(m.startTime / 1000).toFixed(2)} s`));
  // Pan as a person does, dragging with the mouse, and count the frames sigma draws meanwhile.
  await page.evaluate(`window.__frames = 0; window.notegraph.renderer.on("afterRender", () => window.__frames++)`);
  const dragStart = performance.now();
  await page.mouse.move(500, 400);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(500 + 200 * Math.sin(i / 6), 400 + 150 * Math.cos(i / 6));
  await page.mouse.up();
  const dragSeconds = (performance.now() - dragStart) / 1000;
  const fps = (await page.evaluate("window.__frames")) as number / dragSeconds;
  // The same through the camera's own animation (edges and labels hidden while it moves).
  const animatedFps = (await page.evaluate(`new Promise((resolve) => {
    const renderer = window.notegraph.renderer;
    let frames = 0;
    const count = () => frames++;
    renderer.on("afterRender", count);
    const start = performance.now();
    renderer.getCamera().animate({ x: 0.3, y: 0.7, ratio: 0.5 }, { duration: 3000 }).then(() => {
      renderer.off("afterRender", count);
      resolve(frames / ((performance.now() - start) / 1000));
    });
  })`)) as number;
  await browser.close();

  const rows: [string, string][] = [
    ["notes / links / missing", `${made.notes} / ${build.report.stats.links} / ${build.report.stats.dangling}`],
    ["vault size", `${(made.bytes / 1e6).toFixed(1)} MB`],
    ["build (load, graph, layout, page)", `${(buildMs / 1000).toFixed(1)} s`],
    ["page weight", `${(pageBytes / 1e6).toFixed(2)} MB`],
    ["first drawn frame", `${(firstFrameMs / 1000).toFixed(2)} s (target 2 s)`],
    ["  of which", marks.join(", ")],
    ["panning (mouse drag)", `${fps.toFixed(1)} frames/s`],
    ["panning (camera animation)", `${animatedFps.toFixed(1)} frames/s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n"));
} finally {
  rmSync(work, { recursive: true, force: true });
}
