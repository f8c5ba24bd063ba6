import { NotegraphError } from "../errors.js";
import { version } from "../version.js";
import { UsageError } from "./args.js";

// Each command loads only its own modules: `check` never pays for graphology, layout or the server.
const commands: Record<string, (args: string[]) => Promise<number>> = {
  check: async (args) => (await import("./check.js")).runCheck(args),
  build: async (args) => (await import("./build.js")).runBuild(args),
  serve: async (args) => (await import("./serve.js")).runServe(args),
  fix: async (args) => (await import("./fix.js")).runFix(args),
  report: async (args) => (await import("./report.js")).runReport(args),
  export: async (args) => (await import("./export.js")).runExport(args),
};

export const mainHelp = `Usage: notegraph <command> [vault] [options]

Turns a folder of Obsidian-style Markdown notes into a knowledge graph.

Commands:
  check [vault]   report dangling links, broken anchors, ambiguous links, orphans
  build [vault]   write the interactive map as a static page (default: dist/index.html)
  serve [vault]   serve the map locally and redraw it as notes are saved
  report [vault]  coverage: wanted topics, near misses, unlinked mentions, suggested
                  links, topic clusters, bridge notes, orphans, dead ends, stubs
  export [vault]  the graph as json, gexf (Gephi), graphml or csv
  fix [vault]     show (or with --write, apply) rewrites of near-miss links

Options:
  -h, --help      show help (also: notegraph <command> --help)
  -v, --version   show the version

The vault defaults to ./notes.
`;

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help") {
    process.stdout.write(mainHelp);
    return first === undefined ? 2 : 0;
  }
  if (first === "-v" || first === "--version") {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = commands[first];
  if (!command) throw new UsageError(`unknown command "${first}" (commands: ${Object.keys(commands).join(", ")})`);
  return command(rest);
}

/** Known errors print one line; anything else is a bug and keeps its stack with --debug. */
export function handleError(error: unknown): void {
  const debug = process.argv.includes("--debug") || Boolean(process.env.NOTEGRAPH_DEBUG);
  if (error instanceof NotegraphError && !debug) {
    process.stderr.write(`notegraph: ${error.message}\n`);
  } else if (debug) {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  } else {
    process.stderr.write(`notegraph: internal error: ${(error as Error).message} (run with --debug for details)\n`);
  }
  process.exitCode = 2;
}
