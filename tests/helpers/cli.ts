import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The CLI's parse cache goes here during tests, never into the user's cache folder. */
export const testCacheHome = mkdtempSync(join(tmpdir(), "notegraph-cache-"));

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** The bundled CLI, as `npm install` gives it to users. */
export const cliBin = fileURLToPath(new URL("../../build/notegraph.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `notegraph` bin with plain node, as a user's shell would. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: testCacheHome, ...options.env };
  const result = spawnSync(process.execPath, [cliBin, ...args], { cwd: options.cwd ?? repoRoot, env, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
