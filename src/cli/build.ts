import { isAbsolute, relative } from "node:path";
import { buildPage } from "../buildPage.js";
import { writeOutputFolder } from "../emit/outputFolder.js";
import { textReport } from "../emit/textReport.js";
import { parseCacheFor, parseVaultArgs, useColor, vaultFolderArg, vaultOptionsHelp } from "./args.js";
import { earlierLayoutFor, reportLayout } from "./keepLayout.js";
import { progressOnStderr, readProgress } from "./load.js";

export const buildHelp = `Usage: notegraph build [vault] [options]

Builds an interactive map of the vault (default: notes) as a self-contained static page:
open <out>/index.html, or publish the folder. Prints the check report too.

Options:
  --out <folder>     where to write the page (default: dist). Only a new or empty folder, or
                     one an earlier build wrote, is replaced; never the vault or a folder in it
  --title <text>     the page's title (default: the vault folder's name)
  --keep-layout      keep every node where the page already in --out put it, in its colour,
                     and place only new ones, by their neighbours (over 5% new: laid out
                     again from that picture; over half: afresh). The picture holds still
                     as notes are added, but depends on that page
  --quiet            print only the page's path
  --no-color         no colour
${vaultOptionsHelp(21)}
`;

export async function runBuild(args: string[]): Promise<number> {
  const parsed = parseVaultArgs("build", args, {
    out: { type: "string", default: "dist" },
    title: { type: "string" },
    "keep-layout": { type: "boolean" },
    quiet: { type: "boolean" },
    "no-color": { type: "boolean" },
  });
  const vaultArgument = vaultFolderArg("build", buildHelp, parsed);
  if (vaultArgument === null) return 0;
  const { values } = parsed;
  const cache = await parseCacheFor(vaultArgument, values);
  const progress = progressOnStderr();
  const onLayout = (nodes: number) => progress?.update(`laying out ${nodes.toLocaleString("en")} nodes`, 0, 0);
  const kept = await earlierLayoutFor("--keep-layout", values["keep-layout"] ? values.out : undefined);
  const options = { ...readProgress(progress), onLayout, ignore: values.ignore ?? [], ...kept, ...(cache ? { cache } : {}), ...(values.title ? { title: values.title } : {}) };
  const { root, report, html, layout } = await buildPage(vaultArgument, options).finally(() => progress?.finish());
  if (kept.earlier) reportLayout("--keep-layout", layout);
  await cache?.save();
  const written = await writeOutputFolder(values.out, root, { "index.html": html });
  if (!values.quiet) process.stdout.write(`${textReport(report, { vaultArgument, color: useColor(process.stdout, values["no-color"]) })}\n`);
  const shown = relative(process.cwd(), written);
  // Relative when it is below the current folder, else the full path.
  process.stdout.write(`Page written to ${shown === "" ? "." : shown.startsWith("..") || isAbsolute(shown) ? written : shown}/index.html\n`);
  return 0;
}
