import { readFile } from "node:fs/promises";
import { NotegraphError } from "../errors.js";
import type { PageAssets } from "./pageHtml.js";

/** Where vite writes the page bundle, seen from the compiled library (build/emit), the bundled CLI (build/) or `src/emit`. */
const BUNDLE_FOLDERS = [new URL("../site/", import.meta.url), new URL("./site/", import.meta.url), new URL("../../build/site/", import.meta.url)];

let assets: Promise<PageAssets> | undefined;

/** The page's script and style, built from `site/` by `npm run build`; read once per process (`serve` builds a page per save). */
export function readPageAssets(): Promise<PageAssets> {
  assets ??= readAssets().catch((error: unknown) => {
    assets = undefined;
    throw error;
  });
  return assets;
}

async function readAssets(): Promise<PageAssets> {
  for (const folder of BUNDLE_FOLDERS) {
    try {
      const [script, style] = await Promise.all([readFile(new URL("page.js", folder), "utf8"), readFile(new URL("page.css", folder), "utf8")]);
      return { script, style };
    } catch {
      // try the next place
    }
  }
  throw new NotegraphError("the page bundle is missing (build/site/page.js): run `npm run build` first");
}
