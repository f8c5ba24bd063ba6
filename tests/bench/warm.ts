/**
 * npm run bench:warm [-- --notes 10000 --runs 7]: a warm `check` against the floor, both as whole
 * commands (a new Node process each, start-up included), alternated in the same minutes, so that
 * this machine's wandering speed falls on both alike. Each run: Node alone, the floor, `check`
 * with nothing changed, after a one-word edit, after a note was added, and after it was removed.
 * Prints the medians (and the range) in seconds, and each against the floor.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticVault } from "./syntheticVault.js";

const bin = fileURLToPath(new URL("../../build/notegraph.js", import.meta.url));
const floor = fileURLToPath(new URL("./floor.mjs", import.meta.url));
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const notes = option("--notes", 10000);
const runs = option("--runs", 7);

const work = mkdtempSync(join(tmpdir(), "notegraph-warm-"));
try {
  const vault = join(work, "vault");
  writeSyntheticVault(vault, { notes, seed: 1 });
  const cache = join(work, "cache");
  const seconds = (args: string[]) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(" ")} exited with ${run.status}`);
    return (performance.now() - started) / 1000;
  };
  const check = () => seconds([bin, "check", vault, "--cache", cache]);
  const edited = join(vault, "Compute", readdirSync(join(vault, "Compute")).filter((name) => name.endsWith(".md")).sort()[0] ?? "");
  const added = join(vault, "Compute", "Added by the bench.md");
  check();
  const times: Record<string, number[]> = { "node alone": [], floor: [], unchanged: [], edit: [], "note added": [], "note removed": [] };
  for (let run = 0; run < runs; run++) {
    times["node alone"]?.push(seconds(["-e", "0"]));
    times.floor?.push(seconds([floor, vault]));
    times.unchanged?.push(check());
    appendFileSync(edited, ` edited${run}`);
    times.edit?.push(check());
    writeFileSync(added, `# Added\n\nLinks to [[Topic 1 volume]] and [[Missing ${run}]].\n`);
    times["note added"]?.push(check());
    rmSync(added);
    times["note removed"]?.push(check());
  }
  const floorMedian = median(times.floor ?? []);
  console.log(`${notes.toLocaleString("en")} notes, ${runs} runs each, medians (range) in seconds:`);
  for (const [name, list] of Object.entries(times)) {
    const against = name === "floor" || name === "node alone" ? "" : `  ${(median(list) / floorMedian).toFixed(2)}x the floor`;
    console.log(`${name.padEnd(13)} ${median(list).toFixed(3)} (${Math.min(...list).toFixed(3)}-${Math.max(...list).toFixed(3)})${against}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}
