/** A progress line on stderr for work longer than a second: counts, a bar and an estimate of the time left. */

/** Only people watching a terminal see it: never in pipes, logs or CI. */
export function wantsProgress(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.CI;
}

export interface ProgressLine {
  /** `done` of `total` items of a stage (`total` 0: one step of unknown length, shown by name). */
  update(stage: string, done: number, total: number): void;
  /** Clears the line, so what follows starts clean. */
  finish(): void;
}

const DELAY_MS = 1000;
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/** Draws onto `write` (stderr's), from one second in, at most ten times a second. */
export function progressLine(write: (text: string) => void, now: () => number = () => performance.now()): ProgressLine {
  const started = now();
  let stageStarted = started;
  let stage = "";
  let drawnAt = -Infinity;
  let shown = false;
  return {
    update(name, done, total) {
      const time = now();
      if (name !== stage) [stage, stageStarted] = [name, time];
      const final = total > 0 && done === total;
      if (time - started < DELAY_MS || (time - drawnAt < REDRAW_MS && !final)) return;
      drawnAt = time;
      shown = true;
      write(`\r${progressText(name, done, total, time - stageStarted)}\x1b[K`);
    },
    finish() {
      if (shown) write("\r\x1b[K");
      shown = false;
    },
  };
}

/** `parsing [#########---------------] 3,750/10,000  38%  about 12 s left` */
export function progressText(stage: string, done: number, total: number, elapsedMs: number): string {
  if (total <= 0) return `${stage}…`;
  const share = Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
  const counts = `${done.toLocaleString("en")}/${total.toLocaleString("en")}`;
  // The first seconds (workers starting, caches warming) say little about the rest.
  const settled = elapsedMs >= 3000 && share >= 0.01 && share < 1;
  const left = settled ? `  about ${seconds((elapsedMs / share) * (1 - share))} left` : "";
  return `${stage} ${bar} ${counts}  ${Math.floor(share * 100)}%${left}`;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
