/** A worker thread of the parse pool: reads and parses the notes it is sent, in order. */
import { parentPort } from "node:worker_threads";
import type { VaultFile } from "../types.js";
import { readAndHash } from "./readNotes.js";
import type { ParseOptions } from "./parseNote.js";

export interface ParseTask {
  id: number;
  files: VaultFile[];
  /** The cached content hash per file, when there is one: an equal hash skips the parse. */
  knownHashes: (string | null)[];
  options: ParseOptions;
}

parentPort?.on("message", async (task: ParseTask) => {
  const results = [];
  for (const [i, file] of task.files.entries()) results.push(await readAndHash(file, task.options, task.knownHashes[i] ?? null));
  parentPort?.postMessage({ id: task.id, results });
});
