import type { PageBuild } from "../buildPage.js";
import { earlierLayout, type EarlierLayout } from "../emit/earlierPage.js";
import { KEEP_PREVIOUS_SHARE, SEED_PREVIOUS_SHARE } from "../layout/layoutGraph.js";

/**
 * The picture of the page an earlier build wrote into `folder`, for `build --keep-layout` and
 * `serve --layout-from`; none when there is no such page or it cannot be read, which is said on
 * stderr, naming `flag` and the file.
 */
export async function earlierLayoutFor(flag: string, folder: string | undefined): Promise<{ earlier?: EarlierLayout }> {
  if (folder === undefined) return {};
  const found = await earlierLayout(folder);
  if ("layout" in found) return { earlier: found.layout };
  process.stderr.write(`notegraph: ${flag}: ${found.problem}; laying out afresh\n`);
  return {};
}

/** Says on stderr why an earlier picture given by `flag` was not kept as it was. */
export function reportLayout(flag: string, layout: PageBuild["layout"]): void {
  if (layout === "kept") return;
  const why = layout === "seeded" ? `over ${KEEP_PREVIOUS_SHARE * 100}% of the nodes are new; laid out again, starting from the earlier picture` : `over ${SEED_PREVIOUS_SHARE * 100}% of the nodes are new; laid out afresh`;
  process.stderr.write(`notegraph: ${flag}: ${why}\n`);
}
