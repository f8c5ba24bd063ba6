import { watch, type FSWatcher } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildPage, prepareForSaves, type PageBuild, type PageBuildOptions } from "../buildPage.js";
import { readPageAssets } from "../emit/pageAssets.js";
import { jsonForHtml, pageHtml } from "../emit/pageHtml.js";
import { memoryParseCache } from "../parse/parseCache.js";
import { sameScan } from "../scan/rescanVault.js";
import { scanVault } from "../scan/scanVault.js";

/** `cache` defaults to a new in-memory cache; either way it is kept between saves. */
export interface ServeOptions extends PageBuildOptions {
  /** Default 127.0.0.1: only this machine can open the page. */
  host?: string;
  /** Default 5757; 0 picks a free port. */
  port?: number;
  /** Called after each rebuild a saved note caused. */
  onRebuild?: (build: PageBuild) => void;
  onError?: (error: unknown) => void;
}

export interface ServedVault {
  url: string;
  /** How the first build placed the nodes, when given an `earlier` picture (see PageBuild.layout). */
  layout: PageBuild["layout"];
  close(): Promise<void>;
}

/**
 * Serves the vault's map on a local port and follows the notes: a change under the vault
 * rebuilds the page and tells open pages over server-sent events, and they redraw in place.
 */
export async function serveVault(folder: string, options: ServeOptions = {}): Promise<ServedVault> {
  // Between saves only the notes that changed are parsed and resolved again, and the picture and its colours hold still.
  const cache = options.cache ?? memoryParseCache();
  let current = await buildPage(folder, { ...options, live: true, cache });
  const firstLayout = current.layout;
  // Each build is numbered: a page holding build n applies the delta from n to n + 1, and
  // fetches the whole data when it missed one. Counting from the clock keeps the numbers of a
  // restarted server apart from the old one's, for a page left open across the restart.
  let build = Date.now();
  const assets = await readPageAssets();
  // The paths the watcher named since the last build; null when it named none (a full scan then).
  let named: Set<string> | null = new Set();
  const nextBuild = () => {
    const changed = named;
    named = new Set();
    return buildPage(folder, { ...options, live: true, cache, previous: current, ...(changed ? { changed } : {}) });
  };
  // Made once per build, not per request.
  const html = perBuild(() => pageHtml(current.data, assets, { live: true, build }));
  const dataJson = perBuild(() => jsonForHtml(current.data));
  // Made at start, as pages ask for it: its node entries are what each save's delta compares against.
  dataJson(build);
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/" || path === "/index.html") return send(response, "text/html; charset=utf-8", html(build));
    if (path === "/data.json") return send(response, "application/json", dataJson(build), 200, { "X-Notegraph-Build": String(build) });
    if (path === "/events") {
      response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
      // A page that loaded just before a rebuild learns here that its data is old.
      response.write(`event: hello\ndata: ${JSON.stringify({ build })}\n\n`);
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    send(response, "text/plain; charset=utf-8", "not found\n", 404);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 5757, options.host ?? "127.0.0.1", resolve);
  });
  // 30 ms: an editor's save (write a temporary file, rename it over the note) is one burst of events.
  const rebuild = debounce(async () => {
    try {
      current = await nextBuild();
      build += 1;
      // A null delta tells pages to fetch the whole data. One line: JSON.stringify escapes every line break inside strings.
      const delta = current.delta === undefined || current.delta === "reload" ? null : current.delta;
      const update = `event: update\ndata: ${JSON.stringify({ from: build - 1, to: build, delta })}\n\n`;
      for (const client of clients) client.write(update);
      options.onRebuild?.(current);
      verify();
    } catch (error) {
      // The paths it was given are lost with it: the next build looks at every file.
      named = null;
      options.onError?.(error);
    }
  }, 30);
  // Should the watcher ever miss an event, a full scan once saves are quiet finds what it missed.
  const verify = debounce(async () => {
    try {
      if (sameScan(await scanVault(folder, options), current.scan)) return;
      named = null;
      rebuild();
    } catch (error) {
      options.onError?.(error);
    }
  }, 2000);
  const watcher: FSWatcher = watch(current.root, { recursive: true }, (_event, name) => {
    if (name === null) named = null;
    else if (String(name).split(/[\\/]/).some((part) => part.startsWith(".") && part !== ".obsidian")) return;
    else named?.add(String(name));
    rebuild();
  });
  // While nothing is saved yet, do what the first save would otherwise wait for.
  setImmediate(() => prepareForSaves(current).catch((error: unknown) => options.onError?.(error)));
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    layout: firstLayout,
    close: async () => {
      watcher.close();
      await Promise.all([rebuild.stop(), verify.stop()]);
      for (const client of clients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Kept-alive connections would hold close() up for the server's keep-alive timeout.
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(response: ServerResponse, type: string, body: string, status = 200, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers });
  response.end(body);
}

/** `make()`, made again only when asked for another build. */
function perBuild(make: () => string): (build: number) => string {
  let made: { of: number; text: string } | null = null;
  return (of) => {
    if (made?.of !== of) made = { of, text: make() };
    return made.text;
  };
}

interface Debounced {
  (): void;
  /** No more runs; resolves when the one under way, if any, is done. */
  stop(): Promise<void>;
}

/** Runs `task` once a burst of calls has been quiet for `ms`; never two at once. */
function debounce(task: () => Promise<void>, ms: number): Debounced {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = task();
    await running;
    running = null;
    if (again) {
      again = false;
      void run();
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void run(), ms);
  };
  return Object.assign(schedule, {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  });
}
