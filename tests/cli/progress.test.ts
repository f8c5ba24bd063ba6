import { describe, expect, it } from "vitest";
import { progressLine, progressText, wantsProgress } from "../../src/cli/progress.js";
import { runCli } from "../helpers/cli.js";

describe("the progress line", () => {
  it("shows a bar, counts, percent and the time left", () => {
    expect(progressText("reading notes", 2500, 10000, 3000)).toBe("reading notes [######------------------] 2,500/10,000  25%  about 9 s left");
    expect(progressText("reading notes", 10000, 10000, 3000)).toBe("reading notes [########################] 10,000/10,000  100%");
    expect(progressText("laying out 5 nodes", 0, 0, 500)).toBe("laying out 5 nodes…");
    // No guess in the first seconds, nor from the first percent.
    expect(progressText("reading notes", 9, 1000, 3000)).toBe("reading notes [------------------------] 9/1,000  0%");
    expect(progressText("reading notes", 500, 1000, 2000)).toBe("reading notes [############------------] 500/1,000  50%");
  });

  it("waits a second, redraws at most ten times a second, and clears itself", () => {
    let clock = 0;
    const written: string[] = [];
    const line = progressLine((text) => written.push(text), () => clock);
    line.update("reading notes", 1, 100);
    clock = 1000;
    line.update("reading notes", 50, 100);
    clock = 1050;
    line.update("reading notes", 60, 100);
    line.update("reading notes", 100, 100);
    line.finish();
    expect(written).toEqual([
      "\r" + progressText("reading notes", 50, 100, 1000) + "\x1b[K",
      "\r" + progressText("reading notes", 100, 100, 1050) + "\x1b[K",
      "\r\x1b[K",
    ]);
  });

  it("is drawn only on a terminal, and never when CI is set", () => {
    expect(wantsProgress({ isTTY: true }, {})).toBe(true);
    expect(wantsProgress({ isTTY: true }, { CI: "true" })).toBe(false);
    expect(wantsProgress({}, {})).toBe(false);
  });

  it("keeps piped stderr clean", () => {
    const result = runCli(["check", "notes", "--no-cache"], { env: { CI: "" } });
    expect(result.stderr).not.toMatch(/reading notes|\x1b\[K/);
  });
});
