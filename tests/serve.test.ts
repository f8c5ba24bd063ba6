import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PageDelta } from "../src/emit/pageDelta.js";
import { serveVault, type ServedVault } from "../src/serve/serveVault.js";
import { makeVault } from "./helpers/vault.js";

let served: ServedVault | null = null;
afterEach(async () => {
  await served?.close();
  served = null;
});

interface Update {
  from: number;
  to: number;
  delta: PageDelta;
}

/** The build the stream's first event names, and the first `event: update` after `trigger`. */
async function nextUpdate(url: string, trigger: () => void): Promise<{ hello: number; update: Update }> {
  const response = await fetch(new URL("events", url));
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no event stream");
  const decoder = new TextDecoder();
  let seen = "";
  while (!seen.includes("\n\n")) seen += decoder.decode((await reader.read()).value);
  const hello = /^event: hello\ndata: (.*)\n\n/.exec(seen);
  if (!hello?.[1]) throw new Error(`no hello: ${seen}`);
  trigger();
  let update: RegExpExecArray | null = null;
  while (!(update = /event: update\ndata: (.*)\n\n/.exec(seen))) {
    const { value, done } = await reader.read();
    if (done) throw new Error("stream ended");
    seen += decoder.decode(value);
  }
  await reader.cancel();
  return { hello: (JSON.parse(hello[1]) as { build: number }).build, update: JSON.parse(update[1] ?? "") as Update };
}

describe("serveVault", () => {
  it("serves the live page, its data and nothing else, on this machine only", async () => {
    served = await serveVault(makeVault({ "A.md": "[[B]]", "B.md": "" }), { port: 0 });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(served.url);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("connect-src 'self'");
    expect(html).toContain('data-live="true"');
    const data = await (await fetch(new URL("data.json", served.url))).json();
    expect(data.nodes.map((n: { key: string }) => n.key)).toEqual(["A.md", "B.md"]);
    expect((await fetch(new URL("../etc/passwd", served.url))).status).toBe(404);
  });

  it("rebuilds when a note is saved and tells open pages", async () => {
    const vault = makeVault({ "A.md": "[[B]]", "B.md": "" });
    served = await serveVault(vault, { port: 0 });
    const url = served.url;
    await nextUpdate(url, () => writeFileSync(join(vault, "C.md"), "[[A]] [[New topic]]"));
    const data = await (await fetch(new URL("data.json", url))).json();
    expect(data.nodes.map((n: { key: string }) => n.key)).toEqual(["A.md", "B.md", "C.md", "missing:new topic"]);
    await nextUpdate(url, () => appendFileSync(join(vault, "B.md"), "\n[[C]]"));
    const again = await (await fetch(new URL("data.json", url))).json();
    expect(again.edges).toContainEqual({ source: "B.md", target: "C.md", weight: 1 });
  });

  it("sends open pages only what a save changed, numbered from the build they hold", async () => {
    const vault = makeVault({ "A.md": "[[B]]", "B.md": "", "C.md": "[[A]]" });
    served = await serveVault(vault, { port: 0 });
    const url = served.url;
    const page = await (await fetch(url)).text();
    const first = await fetch(new URL("data.json", url));
    const build = Number(first.headers.get("x-notegraph-build"));
    expect(page).toContain(`data-build="${build}"`);
    const { hello, update } = await nextUpdate(url, () => appendFileSync(join(vault, "B.md"), "\n[[New topic]]"));
    expect(hello).toBe(build);
    expect(update).toMatchObject({ from: build, to: build + 1 });
    expect(update.delta.nodes.map((n) => n.key)).toEqual(["missing:new topic"]);
    expect(update.delta.edges).toEqual([{ source: "B.md", target: "missing:new topic", weight: 1 }]);
    expect(update.delta.meta.stats).toMatchObject({ notes: 3, missing: 1 });
    expect((await fetch(new URL("data.json", url))).headers.get("x-notegraph-build")).toBe(String(build + 1));
    const { hello: now, update: removal } = await nextUpdate(url, () => writeFileSync(join(vault, "C.md"), "no links now"));
    expect(now).toBe(build + 1);
    expect(removal.delta.removedEdges).toEqual([{ source: "C.md", target: "A.md" }]);
  });

  it("looks only at the files the watcher named, and scans everything when one is a new folder", async () => {
    const vault = makeVault({ "A.md": "[[B]]", "B.md": "" });
    served = await serveVault(vault, { port: 0 });
    const url = served.url;
    const { update } = await nextUpdate(url, () => appendFileSync(join(vault, "A.md"), " [[C]]"));
    expect(update.delta.nodes.map((n) => n.key)).toEqual(["missing:c"]);
    const { update: folder } = await nextUpdate(url, () => {
      mkdirSync(join(vault, "Later"));
      writeFileSync(join(vault, "Later", "C.md"), "[[A]]");
    });
    const keys = async () => ((await (await fetch(new URL("data.json", url))).json()).nodes as { key: string }[]).map((n) => n.key).sort();
    // The folder and the note may come in one event burst or two.
    if (!folder.delta.nodes.some((n) => n.key === "Later/C.md")) await nextUpdate(url, () => undefined);
    expect(await keys()).toEqual(["A.md", "B.md", "Later/C.md"]);
  });

  it("keeps the picture still when a note is added: old nodes stay, the new one lands by its links", async () => {
    const ring = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`N${i}.md`, `[[N${(i + 1) % 30}]]`]));
    const vault = makeVault(ring);
    served = await serveVault(vault, { port: 0 });
    const url = served.url;
    type Node = { key: string; x: number; y: number };
    const before: Node[] = (await (await fetch(new URL("data.json", url))).json()).nodes;
    await nextUpdate(url, () => writeFileSync(join(vault, "New.md"), "[[N7]]"));
    const after: Node[] = (await (await fetch(new URL("data.json", url))).json()).nodes;
    const place = (nodes: Node[]) => nodes.map(({ key, x, y }) => ({ key, x, y }));
    expect(place(after.filter((n) => n.key !== "New.md"))).toEqual(place(before));
    const colour = (nodes: (Node & { cluster: number })[]) => nodes.map(({ key, cluster }) => ({ key, cluster }));
    expect(colour(after.filter((n) => n.key !== "New.md") as never)).toEqual(colour(before as never));
    const added = after.find((n) => n.key === "New.md");
    const anchor = before.find((n) => n.key === "N7.md");
    const far = Math.max(...before.map((n) => Math.hypot(n.x - (anchor?.x ?? 0), n.y - (anchor?.y ?? 0))));
    expect(Math.hypot((added?.x ?? Infinity) - (anchor?.x ?? 0), (added?.y ?? Infinity) - (anchor?.y ?? 0))).toBeLessThan(far / 4);
  });
});
