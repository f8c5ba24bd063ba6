import { basename } from "node:path";
import { coverageReport } from "../analyze/coverageReport.js";
import { coverageMarkdown, coverageText } from "../emit/coverageText.js";
import { oneOf, parseVaultArgs, vaultFolderArg, vaultOptionsHelp } from "./args.js";
import { loadVaultWithFlags } from "./load.js";

export const reportHelp = `Usage: notegraph report [vault] [options]

The coverage report: wanted topics (what to write next), near misses, unlinked mentions,
suggested links, topic clusters, bridge notes, orphans, dead ends and stubs.

Options:
  --format <text|md|json>  text (default), md (Markdown for a wiki page or a pull
                           request comment), or json
${vaultOptionsHelp(27)}
`;

export async function runReport(args: string[]): Promise<number> {
  const parsed = parseVaultArgs("report", args, {
    format: { type: "string" },
  });
  const vaultArgument = vaultFolderArg("report", reportHelp, parsed);
  if (vaultArgument === null) return 0;
  const { values } = parsed;
  const format = oneOf("--format", values.format, ["text", "md", "json"] as const, "text");
  const vault = await loadVaultWithFlags(vaultArgument, values, { keepText: true });
  const report = coverageReport(vault);
  if (format === "json") process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === "md") process.stdout.write(coverageMarkdown(report, `Coverage of ${basename(vault.root)}`));
  else process.stdout.write(coverageText(report));
  return 0;
}
