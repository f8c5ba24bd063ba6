import { watch, type FSWatcher } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildPage, type PageBuild, type PageBuildOptions } from "../buildPage.js";
import { jsonForHtml } from "../emit/pageHtml.js";
import { memoryParseCache } from "../parse/parseCache.js";

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
  const build = () => buildPage(folder, { ...options, live: true, cache, previous: current });
  // Made once per build, not per request: every open page fetches it after each save.
  let json: { of: PageBuild; text: string } | null = null;
  const dataJson = () => {
    if (json?.of !== current) json = { of: current, text: jsonForHtml(current.data) };
    return json.text;
  };
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/" || path === "/index.html") return send(response, "text/html; charset=utf-8", current.html);
    if (path === "/data.json") return send(response, "application/json", dataJson());
    if (path === "/events") {
      response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
      response.write(": notegraph live updates\n\n");
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
  const rebuild = debounce(async () => {
    try {
      current = await build();
      for (const client of clients) client.write("event: update\ndata: {}\n\n");
      options.onRebuild?.(current);
    } catch (error) {
      options.onError?.(error);
    }
  }, 80);
  const watcher: FSWatcher = watch(current.root, { recursive: true }, (_event, name) => {
    if (name && !String(name).split(/[\\/]/).some((part) => part.startsWith(".") && part !== ".obsidian")) rebuild();
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    close: async () => {
      watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, type: string, body: string, status = 200): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  response.end(body);
}

/** Runs `task` once a burst of calls has been quiet for `ms`; never two at once. */
function debounce(task: () => Promise<void>, ms: number): () => void {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
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
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  };
}
