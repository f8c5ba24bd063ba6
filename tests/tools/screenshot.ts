/** npm run screenshot: renders the README's picture of the sample map to site/screenshot.png. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildPage } from "../../src/buildPage.js";
import { writeOutputFolder } from "../../src/emit/outputFolder.js";
import { launchChromium } from "../helpers/browser.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "notegraph-shot-"));
try {
  const build = await buildPage(join(repo, "notes"), { title: "EC2 study notes" });
  const out = await writeOutputFolder(join(work, "site"), build.root, { "index.html": build.html });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(`${pathToFileURL(join(out, "index.html")).href}#Services/EMR`);
  // The EMR panel open beside the whole map.
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  await page.evaluate(() => (window as unknown as { notegraph: { renderer: { getCamera(): { animatedReset(o: object): Promise<void> } } } }).notegraph.renderer.getCamera().animatedReset({ duration: 0 }));
  await page.waitForTimeout(800);
  const file = join(repo, "site", "screenshot.png");
  await page.screenshot({ path: file });
  await browser.close();
  console.log(`wrote ${file}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
