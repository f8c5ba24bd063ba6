import { basename } from "node:path";
import { parseArgs } from "node:util";
import { coverageReport } from "../analyze/coverageReport.js";
import { coverageMarkdown, coverageText } from "../emit/coverageText.js";
import { loadVault } from "../loadVault.js";
import { oneOf, UsageError, withUsageErrors } from "./args.js";

export const reportHelp = `Usage: notegraph report [vault] [options]

The coverage report: wanted topics (what to write next), near misses, unlinked mentions,
suggested links, topic clusters, bridge notes, orphans, dead ends and stubs.

Options:
  --format <text|md|json>  text (default), md (Markdown for a wiki page or a pull
                           request comment), or json
  --ignore <glob>          leave matching vault paths out (repeatable)
  -h, --help               show this help
`;

export async function runReport(args: string[]): Promise<number> {
  const { values, positionals } = withUsageErrors("report", () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        ignore: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(reportHelp);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`report takes one vault folder, got ${positionals.length}`);
  const format = oneOf("--format", values.format, ["text", "md", "json"] as const, "text");
  const vault = await loadVault(positionals[0] ?? "notes", { ignore: values.ignore ?? [], keepText: true });
  const report = coverageReport(vault);
  if (format === "json") process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === "md") process.stdout.write(coverageMarkdown(report, `Coverage of ${basename(vault.root)}`));
  else process.stdout.write(coverageText(report));
  return 0;
}
