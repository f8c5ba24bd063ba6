import { join } from "node:path";
import { styleText } from "node:util";
import type { CheckFindings } from "../analyze/checkReport.js";
import { baseName, compareCodeUnits, stripMd } from "../keys.js";

export interface TextOptions {
  /** The vault as the user typed it: printed paths start with it, so terminals can open them. */
  vaultArgument: string;
  color: boolean;
}

type Severity = "error" | "warning";

interface Row {
  path: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

/** A linter-style report: one finding a line (`notes/EC2.md:9:14  dangling link [[Hadoop]]`), then a summary. */
export function textReport(report: CheckFindings, options: TextOptions): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(style, text) : text);
  const rows = findingRows(report).sort(
    (a, b) => compareCodeUnits(a.path, b.path) || a.line - b.line || a.column - b.column || compareCodeUnits(a.message, b.message),
  );
  const pathIn = pathsUnder(options.vaultArgument);
  const lines = rows.map((row) => {
    const at = pathIn(row.path);
    const place = row.line > 0 ? `${at}:${row.line}:${row.column}` : at;
    return `${paint("underline", place)}  ${paint(row.severity === "error" ? "red" : "yellow", row.message)}`;
  });
  return [...lines, ...(lines.length > 0 ? [""] : []), ...summary(report, paint)].join("\n") + "\n";
}

/**
 * A vault path as the vault argument leads to it, as path.join gives it. A path with no `.` or
 * `..` part only needs the argument's own join in front: join over every row of a large report
 * cost a short-lived process 15 ms.
 */
export function pathsUnder(vaultArgument: string): (path: string) => string {
  const prefix = join(vaultArgument, "\0").slice(0, -1);
  return (path) => (path !== "" && !/(^|\/)\.\.?(\/|$)|\/\/|^\/|\/$/.test(path) ? prefix + path : join(vaultArgument, path));
}

/** Every row of one shape, so the sort and the printing see one kind of object. */
function findingRows(report: CheckFindings): Row[] {
  const rows: Row[] = [];
  for (const group of report.dangling) {
    const hint = group.suggestion ? `  did you mean [[${noteName(group.suggestion)}]]?` : "";
    for (const ref of group.references) {
      rows.push({ path: ref.source, line: ref.line, column: ref.column, severity: "error", message: `dangling link ${ref.raw}${hint}` });
    }
  }
  for (const broken of report.brokenAnchors) {
    const what = broken.kind === "block" ? `no block ^${broken.anchor}` : `no heading "${broken.anchor}"`;
    rows.push({ path: broken.source, line: broken.line, column: broken.column, severity: "error", message: `broken anchor ${broken.raw}: ${what} in ${broken.resolved}` });
  }
  for (const link of report.ambiguous) {
    const message = `ambiguous link ${link.raw}: ${link.candidates.length} files match (${link.candidates.join(", ")}); using ${link.resolved}`;
    rows.push({ path: link.source, line: link.line, column: link.column, severity: "warning", message });
  }
  for (const path of report.orphans) rows.push({ path, line: 0, column: 0, severity: "warning", message: "orphan: no links in or out" });
  for (const problem of report.problems) {
    rows.push({ path: problem.path, line: problem.line ?? 0, column: 1, severity: "warning", message: `problem: ${problem.message}` });
  }
  return rows;
}

function summary(report: CheckFindings, paint: (style: Parameters<typeof styleText>[0], text: string) => string): string[] {
  const { stats } = report;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const wanted = report.wanted.slice(0, 10).map((topic) => `${topic.target} (${topic.count})`);
  const counts = [
    plural(stats.notes, "note"),
    plural(stats.links, "link"),
    plural(stats.attachments, "attachment"),
    `${plural(stats.dangling, "missing topic")} (${plural(stats.danglingLinks, "dangling link")})`,
    plural(stats.brokenAnchors, "broken anchor"),
    plural(stats.ambiguous, "ambiguous link"),
    plural(stats.orphans, "orphan"),
    plural(stats.problems, "problem"),
  ];
  const failed = stats.dangling + stats.brokenAnchors > 0;
  return [
    paint("bold", counts.join(", ")),
    ...(wanted.length > 0 ? [`Most wanted missing topics: ${wanted.join(", ")}`] : []),
    failed ? paint("red", "✖ links to fix") : paint("green", "✔ every link resolves"),
  ];
}

function noteName(path: string): string {
  return stripMd(baseName(path));
}
