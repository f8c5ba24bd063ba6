import { join } from "node:path";
import type { CheckFindings } from "../analyze/checkReport.js";

/**
 * GitHub Actions workflow commands, one per finding: `::warning file=…,line=…,col=…::message`.
 * Paths are joined to the vault argument as given, so they are relative to the repository
 * when notegraph runs from its root.
 */
export function githubAnnotations(report: CheckFindings, vaultArgument: string): string {
  const lines: string[] = [];
  const at = (path: string, line?: number, column?: number) =>
    [`file=${property(join(vaultArgument, path))}`, ...(line ? [`line=${line}`] : []), ...(column ? [`col=${column}`] : [])].join(",");
  for (const group of report.dangling) {
    const hint = group.suggestion ? ` (did you mean ${group.suggestion}?)` : "";
    for (const ref of group.references) lines.push(`::warning ${at(ref.source, ref.line, ref.column)},title=dangling link::${data(`${ref.raw} points at a note that does not exist${hint}`)}`);
  }
  for (const b of report.brokenAnchors) {
    lines.push(`::warning ${at(b.source, b.line, b.column)},title=broken anchor::${data(`${b.raw}: no ${b.kind === "block" ? `block ^${b.anchor}` : `heading "${b.anchor}"`} in ${b.resolved}`)}`);
  }
  for (const a of report.ambiguous) {
    lines.push(`::warning ${at(a.source, a.line, a.column)},title=ambiguous link::${data(`${a.raw} matches ${a.candidates.join(", ")}; using ${a.resolved}`)}`);
  }
  for (const path of report.orphans) lines.push(`::notice ${at(path)},title=orphan::${data("no links in or out")}`);
  for (const p of report.problems) lines.push(`::warning ${at(p.path, p.line)},title=problem::${data(p.message)}`);
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
