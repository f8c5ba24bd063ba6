import type { CheckReport } from "../analyze/checkReport.js";

/** One JSON document; `<` escaped so it can also sit inside an HTML script tag. */
export function jsonReport(report: CheckReport): string {
  return [...jsonReportChunks(report)].join("");
}

/**
 * The same document as `jsonReport`, byte for byte, a top-level array's item at a time: at
 * 100,000 notes the whole string is 200 MB, and twice that while it is made.
 */
export function* jsonReportChunks(report: CheckReport): Generator<string> {
  // As JSON.stringify does, a key whose value is undefined is left out.
  const keys = (Object.keys(report) as (keyof CheckReport)[]).filter((key) => report[key] !== undefined);
  yield "{";
  for (const [k, key] of keys.entries()) {
    const value: unknown = report[key];
    yield `${k === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      for (const [i, item] of value.entries()) yield `${i === 0 ? "[" : ","}\n    ${indented(item, 4)}`;
      yield "\n  ]";
    } else {
      yield indented(value, 2);
    }
  }
  yield "\n}\n";
}

/** JSON.stringify(value, null, 2) as it reads `depth` spaces in; strings in JSON hold no raw newline. */
function indented(value: unknown, depth: number): string {
  return (JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `\n${" ".repeat(depth)}`).replace(/</g, "\\u003c");
}
