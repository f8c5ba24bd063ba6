import type { CheckReport } from "../analyze/checkReport.js";

/** One JSON document; `<` escaped so it can also sit inside an HTML script tag. */
export function jsonReport(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2).replace(/</g, "\\u003c")}\n`;
}
