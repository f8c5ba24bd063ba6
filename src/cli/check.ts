import { readFile } from "node:fs/promises";
import { newSinceBaseline } from "../analyze/baseline.js";
import type { CheckFindings } from "../analyze/checkReport.js";
import { NotegraphError } from "../errors.js";
import { githubAnnotations } from "../emit/githubAnnotations.js";
import { jsonReportChunks } from "../emit/jsonReport.js";
import { inPieces } from "../pieces.js";
import { textReport } from "../emit/textReport.js";
import { checkVault } from "../incremental/checkVault.js";
import { cacheFolderFor, oneOf, parseVaultArgs, useColor, vaultFolderArg, vaultOptionsHelp } from "./args.js";
import { progressOnStderr, readProgress } from "./load.js";

export const checkHelp = `Usage: notegraph check [vault] [options]

Reports dangling links, broken heading and block anchors, ambiguous links, orphans and
problems in a vault (default: notes).

Options:
  --format <fmt>        text (default) for people, json for scripts, github for
                        GitHub Actions annotations
  --baseline <file>     a report saved from \`check --format json\`: list only the
                        findings that are new since, and exit by those alone
  --strict              ambiguous links and problems fail the check too
  --exit-zero           exit 0 even when links are broken (report only)
  --no-color            no colour (also NO_COLOR=1, or when output is piped)
${vaultOptionsHelp(24)}

Exit codes: 0 all links resolve; 1 dangling links or broken anchors (or, with --strict,
ambiguous links or problems); 2 usage or fatal error.
`;

export async function runCheck(args: string[]): Promise<number> {
  const parsed = parseVaultArgs("check", args, {
    format: { type: "string" },
    baseline: { type: "string" },
    strict: { type: "boolean" },
    "exit-zero": { type: "boolean" },
    "no-color": { type: "boolean" },
  });
  const vaultArgument = vaultFolderArg("check", checkHelp, parsed);
  if (vaultArgument === null) return 0;
  const { values } = parsed;
  const format = oneOf("--format", values.format, ["text", "json", "github"] as const, "text");
  const baseline = values.baseline === undefined ? null : await readBaseline(values.baseline);
  const progress = progressOnStderr();
  const options = { ignore: values.ignore ?? [], cacheFolder: cacheFolderFor(values), ...readProgress(progress) };
  const since = <Report extends CheckFindings>(report: Report) => (baseline ? newSinceBaseline(report, baseline) : report);
  let report: CheckFindings;
  if (format === "json") {
    const whole = since(await checkVault(vaultArgument, { ...options, wholeReport: true }).finally(() => progress?.finish()));
    await writeChunks(jsonReportChunks(whole));
    report = whole;
  } else {
    report = since(await checkVault(vaultArgument, options).finally(() => progress?.finish()));
    process.stdout.write(format === "github" ? githubAnnotations(report, vaultArgument) : textReport(report, { vaultArgument, color: useColor(process.stdout, values["no-color"]) }));
  }
  const { stats } = report;
  const failed = stats.dangling + stats.brokenAnchors > 0 || (values.strict === true && stats.ambiguous + stats.problems > 0);
  return failed && !values["exit-zero"] ? 1 : 0;
}

/** Writes to stdout a megabyte at a time, waiting while a pipe is full, so a big report never sits in memory whole. */
async function writeChunks(chunks: Iterable<string>): Promise<void> {
  for (const piece of inPieces(chunks)) {
    if (!process.stdout.write(piece)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
}

async function readBaseline(path: string): Promise<CheckFindings> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new NotegraphError(`${path}: cannot read the baseline (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    const report = JSON.parse(text) as Partial<CheckFindings>;
    const lists = [report.dangling, report.brokenAnchors, report.ambiguous, report.orphans, report.problems];
    if (lists.every(Array.isArray)) return report as CheckFindings;
  } catch {
    // reported below
  }
  throw new NotegraphError(`${path}: not a report saved by \`notegraph check --format json\``);
}
