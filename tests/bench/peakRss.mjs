// Loaded with `node --import` by the benchmark: writes the process's peak RSS (worker threads
// included) in kB to the file NOTEGRAPH_BENCH_RSS names, when the process exits.
import { writeFileSync } from "node:fs";

const file = process.env.NOTEGRAPH_BENCH_RSS;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
