import { readFile } from "node:fs/promises";
import { NotegraphError } from "../errors.js";
import type { PageAssets } from "./pageHtml.js";

/** The page bundle vite wrote next to the compiled library (`build/site/`). */
export async function readPageAssets(): Promise<PageAssets> {
  const folder = new URL("../site/", import.meta.url);
  try {
    const [script, style] = await Promise.all([readFile(new URL("page.js", folder), "utf8"), readFile(new URL("page.css", folder), "utf8")]);
    return { script, style };
  } catch {
    throw new NotegraphError("the page bundle is missing (build/site/page.js): run `npm run build` first");
  }
}
