import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { VaultFile } from "../types.js";
import type { ParseOptions } from "./parseNote.js";
import type { HashedNote } from "./readNotes.js";
import type { ParseTask } from "./parseWorker.js";

/** Below this many notes to parse, starting threads costs more than it saves. */
export const POOL_THRESHOLD = 400;
const TASK_SIZE = 50;

/** Compiled worker: beside this module in build/, or in build/ when running from src/ (tests). */
const WORKER_FILES = [new URL("./parseWorker.js", import.meta.url), new URL("../../build/parse/parseWorker.js", import.meta.url)];

/**
 * Reads and parses notes on worker threads, one per core, and returns the results in the order
 * of `files`, the same as a single-threaded run. Resolves to null when no worker can start, and
 * the caller parses on its own thread.
 */
export async function parseOnThreads(files: readonly VaultFile[], knownHashes: readonly (string | null)[], options: ParseOptions): Promise<HashedNote[] | null> {
  const workers = await startWorkers(Math.max(1, Math.min(availableParallelism(), 8)));
  if (workers.length === 0) return null;
  try {
    const results: HashedNote[] = new Array(files.length);
    let next = 0;
    const runOn = async (worker: Worker): Promise<void> => {
      while (next < files.length) {
        const start = next;
        next += TASK_SIZE;
        const task: ParseTask = { id: start, files: files.slice(start, start + TASK_SIZE), knownHashes: knownHashes.slice(start, start + TASK_SIZE), options };
        const done = await send(worker, task);
        done.forEach((result, i) => (results[start + i] = result));
      }
    };
    await Promise.all(workers.map(runOn));
    return results;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function startWorkers(count: number): Promise<Worker[]> {
  const file = WORKER_FILES.find((candidate) => existsSync(candidate));
  if (!file) return [];
  const started = await Promise.allSettled(Array.from({ length: count }, () => startWorker(file)));
  const workers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  if (workers.length === count) return workers;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return [];
}

function startWorker(file: URL): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    worker.once("online", () => resolve(worker));
    worker.once("error", reject);
  });
}

function send(worker: Worker, task: ParseTask): Promise<HashedNote[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; results: HashedNote[] }) => {
      if (message.id !== task.id) return;
      worker.off("message", onMessage);
      worker.off("error", reject);
      resolve(message.results);
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
    worker.postMessage(task);
  });
}
