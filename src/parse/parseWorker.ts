/** A worker thread of the parse pool: reads and parses the notes it is sent, in order, reporting each. */
import { parentPort } from "node:worker_threads";
import type { VaultFile } from "../types.js";
import { readAndHash, type HashedNote } from "./readNotes.js";
import type { ParseOptions } from "./parseNote.js";

export interface ParseTask {
  id: number;
  files: VaultFile[];
  /** The cached content hash per file, when there is one: an equal hash skips the parse. */
  knownHashes: (string | null)[];
  options: ParseOptions;
}

/** One note of a task done: the pool times each note apart. */
export interface ParsedInTask {
  id: number;
  index: number;
  result: HashedNote;
}

parentPort?.on("message", async (task: ParseTask) => {
  for (const [index, file] of task.files.entries()) {
    const result = await readAndHash(file, task.options, task.knownHashes[index] ?? null);
    parentPort?.postMessage({ id: task.id, index, result } satisfies ParsedInTask);
  }
});
