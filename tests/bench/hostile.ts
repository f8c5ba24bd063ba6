/**
 * npm run bench:hostile [-- --only NAME]: parse time of each pathological input at a quarter, a
 * half and the whole of its size. "growth" is how the time grew from n/2 to n against how the
 * bytes grew: 1.0 is linear, 2.0 quadratic (noise of a few ms moves small rows).
 */
import { parseNote } from "../../src/parse/parseNote.js";
import { PATHOLOGICAL_CASES } from "../hostile/pathologicalMarkdown.js";

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

console.log("| input | n | bytes at n | ms at n/4 | ms at n/2 | ms at n | growth |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const input of PATHOLOGICAL_CASES) {
  if (only && !input.name.includes(only)) continue;
  const texts = [input.n / 4, input.n / 2, input.n].map((n) => input.make(Math.round(n)));
  const [quarter, half, whole] = texts.map(timeParse) as [number, number, number];
  const [, halfBytes, bytes] = texts.map((text) => Buffer.byteLength(text)) as [number, number, number];
  const growth = (Math.max(whole, 1) / Math.max(half, 1) / (bytes / halfBytes)).toFixed(1);
  console.log(`| ${input.name} | ${input.n.toLocaleString("en")} | ${bytes.toLocaleString("en")} | ${quarter} | ${half} | ${whole} | ${growth} |`);
}

function timeParse(text: string): number {
  parseNote("warm-up.md", "# warm [[up]]");
  const start = performance.now();
  parseNote("input.md", text);
  return Math.round(performance.now() - start);
}
