import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyDelta, graphFromData, type PageGraph } from "../site/graph.js";
import { buildPage, prepareForSaves, type PageBuild } from "../src/buildPage.js";
import { vaultFindings } from "../src/analyze/checkReport.js";
import { keptClusters } from "../src/analyze/topicClusters.js";
import { KEEP_PREVIOUS_SHARE } from "../src/layout/layoutGraph.js";
import { pageData } from "../src/emit/pageData.js";
import { pageDelta } from "../src/emit/pageDelta.js";
import { memoryParseCache } from "../src/parse/parseCache.js";
import { makeVault } from "./helpers/vault.js";

describe("buildPage with the previous build (serve, between saves)", () => {
  it("reports what a fresh build reports, while suggestions and the names index are kept or made again", async () => {
    const vault = makeVault({ "Firewalls.md": "# Firewalls", "Storage.md": "[[Firewall rules]]", "Other.md": "" });
    const cache = memoryParseCache();
    let previous: PageBuild = await buildPage(vault, { cache });
    const edits: [string, string][] = [
      // A new typo'd topic: searched in the kept names.
      ["Other.md", "[[Firewals]]"],
      // An alias near the first topic: the names changed, so the suggestions are searched again.
      ["Storage.md", "---\naliases: [Firewall rule]\n---\n[[Firewall rules]]"],
      ["Storage.md", "[[Firewall rules]] again"],
      // A new topic near the alias that is gone: an index kept from before would still offer it.
      ["Other.md", "[[Firewals]] [[Firewall ruls]]"],
    ];
    for (const [path, text] of edits) {
      writeFileSync(join(vault, path), text);
      const next = await buildPage(vault, { cache, previous });
      const fresh = await buildPage(vault);
      expect(next.report.dangling).toEqual(fresh.report.dangling);
      expect(next.report).toEqual(fresh.report);
      // Page entries are reused by identity where nothing they show changed: the same data and delta as made afresh.
      expect(next.data).toEqual(pageData(next.data.title, next.graph.copy(), next.positions, next.topics, next.report));
      expect(pageDelta(previous.data, next.data)).toEqual(pageDelta(structuredClone(previous.data), structuredClone(next.data)));
      previous = next;
    }
    expect(previous.report.dangling.map((d) => [d.target, d.suggestion])).toEqual([
      ["Firewall rules", null],
      ["Firewall ruls", null],
      ["Firewals", "Firewalls.md"],
    ]);
  });

  it("reports what a fresh build reports as notes come and go, suggestions kept where they cannot change", async () => {
    const vault = makeVault({ "Firewalls.md": "# Firewalls", "Storage.md": "[[Firewall rules]] [[Firewals]]", "Other.md": "[[Storage]]" });
    const cache = memoryParseCache();
    let previous: PageBuild = await buildPage(vault, { cache });
    const suggestions = (build: PageBuild) => build.report.dangling.map((d) => [d.target, d.suggestion]);
    const steps: [string, () => void, (string | null)[][]][] = [
      // A note new by a missing topic's near name: the better suggestion.
      ["a note added", () => writeFileSync(join(vault, "Firewall rule.md"), "# Rule"), [["Firewall rules", "Firewall rule.md"], ["Firewals", "Firewalls.md"]]],
      // The note a suggestion went to is gone: searched anew.
      ["a note removed", () => rmSync(join(vault, "Firewalls.md")), [["Firewall rules", "Firewall rule.md"], ["Firewals", null]]],
      // A note named as the missing topic: its links resolve, it is no longer missing.
      ["a missing topic written", () => writeFileSync(join(vault, "Firewals.md"), "# Firewals"), [["Firewall rules", "Firewall rule.md"]]],
      // Moved into a folder in one save (gone and new at once): links by its name follow it.
      ["a note moved", () => {
        mkdirSync(join(vault, "Rules"));
        renameSync(join(vault, "Firewall rule.md"), join(vault, "Rules", "Firewall rule.md"));
      }, [["Firewall rules", "Rules/Firewall rule.md"]]],
    ];
    for (const [what, step, expected] of steps) {
      step();
      const next = await buildPage(vault, { cache, previous });
      expect(next.report, what).toEqual((await buildPage(vault)).report);
      expect(suggestions(next), what).toEqual(expected);
      expect(next.delta, what).not.toBe("reload");
      // The note written for a missing topic takes the topic's place and colour.
      if (what === "a missing topic written") {
        expect(next.positions["Firewals.md"]).toEqual(previous.positions["missing:firewals"]);
        expect(next.topics.membership["Firewals.md"]).toBe(previous.topics.membership["missing:firewals"]);
      }
      previous = next;
    }
  });

  it("does not keep the build before it alive (serve makes one per save, for as long as it runs)", async () => {
    const vault = makeVault({ "A.md": "[[B]] [[Gone]]", "B.md": "# B" });
    const cache = memoryParseCache();
    let previous: PageBuild = await buildPage(vault, { cache });
    const firstGone = new WeakRef(previous);
    for (const text of ["[[B]] [[New]]", "[[B]]"]) {
      writeFileSync(join(vault, "A.md"), text);
      previous = await buildPage(vault, { cache, previous });
    }
    // Read what each getter gives, as serve does: a getter's closure is where the chain was held.
    expect(previous.html.length + previous.nearMissNames.entries.length).toBeGreaterThan(0);
    // A WeakRef's target lives at least until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(firstGone.deref()).toBeUndefined();
  });
});

/** The graph's nodes and edges with their attributes, in a fixed order. */
function contents(graph: PageGraph) {
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes })).sort((a, b) => (a.key < b.key ? -1 : 1));
  const edges = graph.mapEdges((_e, attributes, source, target) => ({ source, target, attributes })).sort((a, b) => (`${a.source}>${a.target}` < `${b.source}>${b.target}` ? -1 : 1));
  return { nodes, edges };
}

describe("the delta a build gives open pages (serve)", () => {
  it("turns the page of the previous build into this build's page, and its findings into this one's, whatever was saved (property)", async () => {
    const names = ["A", "B", "C"];
    const text = fc.array(fc.constantFrom("[[A]]", "[[B#H]]", "[[C]]", "[[Gone]]", "[[gone]]", "[[New topic]]", "# H", "---\naliases: [Z]\n---"), { maxLength: 4 }).map((parts) => parts.join("\n"));
    // A save edits a note (the graph is updated in place), adds one (built afresh), or removes one.
    // Serve prepares for the next save while idle (the findings patch's counts, the picture's scale): with or without it, the same.
    const save = fc.record({ name: fc.constantFrom(...names, "D"), text: fc.option(text, { nil: null }), prepared: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 3, maxLength: 3 }), fc.array(save, { minLength: 1, maxLength: 4 }), async (start, saves) => {
        const vault = makeVault(Object.fromEntries(names.map((name, i) => [`${name}.md`, start[i] ?? ""])));
        const cache = memoryParseCache();
        let previous: PageBuild = await buildPage(vault, { cache });
        for (const { name, text: content, prepared } of saves) {
          if (prepared) await prepareForSaves(previous);
          if (content === null) rmSync(join(vault, `${name}.md`), { force: true });
          else writeFileSync(join(vault, `${name}.md`), content);
          // As serve does: the page holds the previous build's data, read before the next build.
          const page = graphFromData(previous.data);
          const next = await buildPage(vault, { cache, previous });
          const delta = next.delta;
          if (delta !== "reload") applyDelta(page, JSON.parse(JSON.stringify(delta)));
          expect(contents(delta === "reload" ? graphFromData(next.data) : page)).toEqual(contents(graphFromData(next.data)));
          // Findings patched from the previous build's, or made whole: what a whole search finds.
          expect(next.report).toEqual(vaultFindings(next.vault));
          // Clusters kept with only the touched ones scored again: as scoring every one.
          expect(next.topics).toEqual(keptClusters(next.graph, previous.topics, KEEP_PREVIOUS_SHARE) ?? next.topics);
          previous = next;
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** V8's collector, reached without starting Node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
