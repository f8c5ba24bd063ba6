import { serveVault } from "../serve/serveVault.js";
import { parseCacheFor, parseVaultArgs, UsageError, vaultFolderArg, vaultOptionsHelp } from "./args.js";
import { earlierLayoutFor, reportLayout } from "./keepLayout.js";
import { progressOnStderr } from "./load.js";

export const serveHelp = `Usage: notegraph serve [vault] [options]

Serves the vault's map (default: notes) on this machine and follows the notes: save a note
and the open page redraws. Stop with Ctrl-C.

Options:
  --port <n>        port to listen on (default: 5757; 0 picks a free one)
  --host <address>  address to listen on (default: 127.0.0.1, this machine only)
  --title <text>    the page's title (default: the vault folder's name)
  --layout-from <folder>
                    start from the picture of the page a build wrote there (the one you
                    publish): nodes where they were, in their colours, as build
                    --keep-layout keeps them
${vaultOptionsHelp(20)}
`;

export async function runServe(args: string[]): Promise<number> {
  const parsed = parseVaultArgs("serve", args, {
    port: { type: "string", default: "5757" },
    host: { type: "string", default: "127.0.0.1" },
    title: { type: "string" },
    "layout-from": { type: "string" },
  });
  const vaultArgument = vaultFolderArg("serve", serveHelp, parsed);
  if (vaultArgument === null) return 0;
  const { values } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${values.port}")`);
  const cache = await parseCacheFor(vaultArgument, values);
  // Progress shows for the first build only; a rebuild after a save reports in one line.
  const kept = await earlierLayoutFor("--layout-from", values["layout-from"]);
  let starting = progressOnStderr();
  const served = await serveVault(vaultArgument, {
    ...kept,
    onProgress: (done, total) => starting?.update("reading notes", done, total),
    onLayout: (nodes) => starting?.update(`laying out ${nodes.toLocaleString("en")} nodes`, 0, 0),
    ...(cache ? { cache } : {}),
    port,
    host: values.host,
    ignore: values.ignore ?? [],
    ...(values.title ? { title: values.title } : {}),
    onRebuild: ({ report: { stats } }) => process.stdout.write(`updated: ${stats.notes} note${stats.notes === 1 ? "" : "s"}, ${stats.dangling} missing topic${stats.dangling === 1 ? "" : "s"}\n`),
    onError: (error) => process.stderr.write(`notegraph: rebuild failed: ${(error as Error).message}\n`),
  });
  starting?.finish();
  starting = null;
  if (kept.earlier) reportLayout("--layout-from", served.layout);
  await cache?.save();
  process.stdout.write(`Serving the map at ${served.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.close();
  await cache?.save();
  return 0;
}
