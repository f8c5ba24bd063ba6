import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliBin } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

/** Starts `notegraph serve`, waits for its address, then stops it with SIGINT as Ctrl-C would. */
async function serveOnce(args: string[]): Promise<{ url: string; code: number | null }> {
  const child = spawn(process.execPath, [cliBin, "serve", ...args, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Serving the map at (\S+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.on("exit", () => reject(new Error(`serve ended before serving: ${out}`)));
  });
  const page = await fetch(url);
  expect(page.status).toBe(200);
  child.kill("SIGINT");
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { url, code };
}

describe("notegraph serve", () => {
  it("keeps its parse cache where --cache says, and writes none with --no-cache", async () => {
    const vault = makeVault({ "A.md": "[[B]]", "B.md": "" });
    const cache = mkdtempSync(join(tmpdir(), "notegraph-serve-cache-"));
    expect((await serveOnce([vault, "--cache", cache])).code).toBe(0);
    expect(readdirSync(cache).filter((name) => name.endsWith(".json"))).toHaveLength(1);
    const none = mkdtempSync(join(tmpdir(), "notegraph-serve-cache-"));
    expect((await serveOnce([vault, "--no-cache", "--cache", none])).code).toBe(0);
    expect(readdirSync(none)).toEqual([]);
  });
});
