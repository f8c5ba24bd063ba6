import { serveVault } from "../serve/serveVault.js";
import { parseVaultArgs, UsageError, vaultFolderArg } from "./args.js";

export const serveHelp = `Usage: notegraph serve [vault] [options]

Serves the vault's map (default: notes) on this machine and follows the notes: save a note
and the open page redraws. Stop with Ctrl-C.

Options:
  --port <n>        port to listen on (default: 5757; 0 picks a free one)
  --host <address>  address to listen on (default: 127.0.0.1, this machine only)
  --title <text>    the page's title (default: the vault folder's name)
  --ignore <glob>   leave matching vault paths out (repeatable)
  -h, --help        show this help
`;

export async function runServe(args: string[]): Promise<number> {
  const parsed = parseVaultArgs("serve", args, {
    port: { type: "string", default: "5757" },
    host: { type: "string", default: "127.0.0.1" },
    title: { type: "string" },
  });
  const vaultArgument = vaultFolderArg("serve", serveHelp, parsed);
  if (vaultArgument === null) return 0;
  const { values } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${values.port}")`);
  const served = await serveVault(vaultArgument, {
    port,
    host: values.host,
    ignore: values.ignore ?? [],
    ...(values.title ? { title: values.title } : {}),
    onRebuild: ({ report: { stats } }) => process.stdout.write(`updated: ${stats.notes} note${stats.notes === 1 ? "" : "s"}, ${stats.dangling} missing topic${stats.dangling === 1 ? "" : "s"}\n`),
    onError: (error) => process.stderr.write(`notegraph: rebuild failed: ${(error as Error).message}\n`),
  });
  process.stdout.write(`Serving the map at ${served.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.close();
  return 0;
}
