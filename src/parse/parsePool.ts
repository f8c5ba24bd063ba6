import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { VaultFile } from "../types.js";
import type { ParseOptions } from "./parseNote.js";
import { unreadNote } from "./unreadNote.js";
import type { HashedNote } from "./readNotes.js";
import type { ParseTask, ParsedInTask } from "./parseWorker.js";

/** Below this many notes to parse, starting threads costs more than it saves. */
export const POOL_THRESHOLD = 400;
/** A note this big goes to a worker even alone, where the time budget can stop it. */
export const BIG_NOTE_BYTES = 128 * 1024;
const TASK_SIZE = 50;

/**
 * How long one note may take on a worker before it is given up: far above what any note has
 * needed (a 4 MB note of nesting 50 deep takes 10 s), so only a parser pathology we have not
 * defused reaches it. Then the worker is stopped and a fresh one goes on with the next note.
 */
export interface ParseBudget {
  baseMs: number;
  perMegabyteMs: number;
}
export const DEFAULT_PARSE_BUDGET: ParseBudget = { baseMs: 30_000, perMegabyteMs: 15_000 };

/** The worker: beside this module (the bundled CLI's in build/, the library's in build/parse), or in build/parse seen from src/ (tests). */
const WORKER_FILES = [new URL("./parseWorker.js", import.meta.url), new URL("../../build/parse/parseWorker.js", import.meta.url)];

/**
 * Reads and parses notes on worker threads, one per core, and returns the results in the order
 * of `files`, the same as a single-threaded run. Resolves to null when no worker can start, and
 * the caller parses on its own thread.
 */
export async function parseOnThreads(
  files: readonly VaultFile[],
  knownHashes: readonly (string | null)[],
  options: ParseOptions,
  budget: ParseBudget = DEFAULT_PARSE_BUDGET,
  onNote?: () => void,
): Promise<HashedNote[] | null> {
  const file = WORKER_FILES.find((candidate) => existsSync(candidate));
  const lanes = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files.length / TASK_SIZE)));
  const workers = file ? await startWorkers(file, lanes) : [];
  if (!file || workers.length === 0) return null;
  const results: HashedNote[] = new Array(files.length);
  let next = 0;
  const runLane = async (first: Worker): Promise<void> => {
    let worker = first;
    try {
      while (next < files.length) {
        const start = next;
        next = Math.min(files.length, next + TASK_SIZE);
        for (let from = start; from < next; ) {
          const stuck = await runTask(worker, { files, knownHashes, options, from, to: next, onNote }, budget, results);
          if (stuck === null) break;
          results[stuck] = overBudget(files[stuck] as VaultFile, budget);
          onNote?.();
          await worker.terminate();
          worker = await startWorker(file);
          from = stuck + 1;
        }
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(workers.map(runLane));
  return results;
}

interface TaskRange {
  files: readonly VaultFile[];
  knownHashes: readonly (string | null)[];
  options: ParseOptions;
  from: number;
  to: number;
  onNote: (() => void) | undefined;
}

/** Runs files [from, to) on the worker; resolves to null when all are done, or the index of a note over budget. */
function runTask(worker: Worker, range: TaskRange, budget: ParseBudget, results: HashedNote[]): Promise<number | null> {
  const { files, from, to } = range;
  const task: ParseTask = { id: from, files: files.slice(from, to), knownHashes: range.knownHashes.slice(from, to), options: range.options };
  return new Promise((resolve, reject) => {
    let current = from;
    let timer: NodeJS.Timeout | undefined;
    const watch = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(current), budgetMs(files[current] as VaultFile, budget));
    };
    const finish = (outcome: number | null): void => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      resolve(outcome);
    };
    const onError = (error: Error): void => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      reject(error);
    };
    const onMessage = (message: ParsedInTask): void => {
      if (message.id !== task.id) return;
      results[from + message.index] = message.result;
      range.onNote?.();
      current = from + message.index + 1;
      if (current === to) finish(null);
      else watch();
    };
    worker.on("message", onMessage);
    worker.once("error", onError);
    watch();
    worker.postMessage(task);
  });
}

function budgetMs(file: VaultFile, budget: ParseBudget): number {
  return budget.baseMs + (budget.perMegabyteMs * file.size) / 1_000_000;
}

function overBudget(file: VaultFile, budget: ParseBudget): HashedNote {
  const seconds = Math.round(budgetMs(file, budget) / 100) / 10;
  const message = `took over ${seconds} s to parse and was stopped; its links are not read`;
  return { hash: null, parsed: unreadNote(file.path, message) };
}

async function startWorkers(file: URL, count: number): Promise<Worker[]> {
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
