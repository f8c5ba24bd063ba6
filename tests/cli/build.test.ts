import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

const dataOf = (html: string) => JSON.parse(/id="notegraph-data">(.*?)<\/script>/s.exec(html)?.[1] ?? "null");

describe("notegraph build", () => {
  it("writes index.html, prints the report and the page's path, and exits 0 with broken links", () => {
    const vault = makeVault({ "A.md": "[[B]] [[Missing]]", "B.md": "# B" });
    const out = join(makeVault({}), "public");
    const result = runCli(["build", vault, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("dangling link [[Missing]]");
    expect(result.stdout).toMatch(/Page written to .*public\/index.html/);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
    expect(dataOf(html).nodes.map((n: { key: string }) => n.key)).toEqual(["A.md", "B.md", "missing:missing"]);
  });

  it("gives the same bytes for the same vault", () => {
    const vault = makeVault({ "A.md": "[[B]] [[C]]", "B.md": "[[C]]", "C.md": "[[A]] [[Gone]]", "D.md": "" });
    const first = join(makeVault({}), "one");
    const second = join(makeVault({}), "two");
    runCli(["build", vault, "--out", first, "--quiet"]);
    runCli(["build", vault, "--out", second, "--quiet"]);
    expect(readFileSync(join(first, "index.html"), "utf8")).toBe(readFileSync(join(second, "index.html"), "utf8"));
  });

  it("builds a valid page for an empty vault and for one note", () => {
    for (const files of [{}, { "Only.md": "# Only" }]) {
      const out = join(makeVault({}), "site");
      expect(runCli(["build", makeVault(files), "--out", out, "--quiet"]).code).toBe(0);
      const data = dataOf(readFileSync(join(out, "index.html"), "utf8"));
      for (const node of data.nodes) expect([node.x, node.y, node.size].every(Number.isFinite)).toBe(true);
    }
  });

  it("refuses to write into the vault, with exit code 2 and one line", () => {
    const vault = makeVault({ "A.md": "" });
    const result = runCli(["build", vault, "--out", join(vault, "site")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^notegraph: .*refusing to write the page inside the vault/);
  });

  it("escapes note text so it cannot close the data script", () => {
    const vault = makeVault({ "X.md": "---\ntitle: \"</script><script>alert(1)</script>\"\n---\n" });
    const out = join(makeVault({}), "site");
    runCli(["build", vault, "--out", out, "--quiet"]);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(dataOf(html).nodes[0].label).toBe("</script><script>alert(1)</script>");
  });

  describe("--keep-layout", () => {
    // A ring of 30 notes: one note added is well under the 5% of new nodes a kept layout allows.
    const ring = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`N${i}.md`, `[[N${(i + 1) % 30}]] [[N${(i + 7) % 30}]]`]));
    type Place = { x: number; y: number; cluster: number };
    const placesOf = (out: string): Map<string, Place> => new Map(dataOf(readFileSync(join(out, "index.html"), "utf8")).nodes.map((n: Place & { key: string }) => [n.key, { x: n.x, y: n.y, cluster: n.cluster }]));

    it("puts a note written for a missing topic where the topic was, in its cluster", () => {
      const vault = makeVault({ ...ring, "N5.md": "[[N6]] [[N12]] [[Enclaves]]" });
      const out = join(makeVault({}), "site");
      runCli(["build", vault, "--out", out, "--quiet"]);
      const topic = placesOf(out).get("missing:enclaves");
      writeFileSync(join(vault, "Enclaves.md"), "# Enclaves\n\n[[N20]]");
      runCli(["build", vault, "--out", out, "--quiet", "--keep-layout"]);
      const after = placesOf(out);
      expect(after.has("missing:enclaves")).toBe(false);
      expect(after.get("Enclaves.md")).toEqual(topic);
    });

    it("keeps every node where the earlier page put it, in its cluster, and places a new note by its neighbours", () => {
      const vault = makeVault(ring);
      const out = join(makeVault({}), "site");
      runCli(["build", vault, "--out", out, "--quiet"]);
      const before = placesOf(out);
      writeFileSync(join(vault, "New.md"), "[[N3]] [[N4]]");
      const kept = runCli(["build", vault, "--out", out, "--quiet", "--keep-layout"]);
      expect([kept.code, kept.stderr]).toEqual([0, ""]);
      const after = placesOf(out);
      for (const [key, place] of before) expect(after.get(key), key).toEqual(place);
      // Near its neighbours: closer to N3 than half the picture's width.
      const [n3, added] = [after.get("N3.md"), after.get("New.md")] as { x: number; y: number }[];
      const xs = [...before.values()].map((p) => p.x);
      expect(Math.hypot((added?.x ?? 0) - (n3?.x ?? 0), (added?.y ?? 0) - (n3?.y ?? 0))).toBeLessThan((Math.max(...xs) - Math.min(...xs)) / 2);
      // Without the flag, the new note's pull moves the others.
      const fresh = join(makeVault({}), "fresh");
      runCli(["build", vault, "--out", fresh, "--quiet"]);
      expect([...before].some(([key, place]) => JSON.stringify(placesOf(fresh).get(key)) !== JSON.stringify(place))).toBe(true);
    });

    it("lays out again from the earlier picture when over 5% of the nodes are new: the old ones move less than afresh, in their clusters", () => {
      const vault = makeVault(ring);
      const out = join(makeVault({}), "site");
      runCli(["build", vault, "--out", out, "--quiet"]);
      const before = placesOf(out);
      for (const i of [1, 2, 3, 4]) writeFileSync(join(vault, `New ${i}.md`), `[[N${i * 5}]] [[N${i * 5 + 1}]]`);
      const seeded = runCli(["build", vault, "--out", out, "--quiet", "--keep-layout"]);
      expect(seeded.stderr).toMatch(/--keep-layout: over 5% of the nodes are new; laid out again, starting from the earlier picture/);
      const fresh = join(makeVault({}), "fresh");
      runCli(["build", vault, "--out", fresh, "--quiet"]);
      // How far the notes there before moved, in all: the picture is compared as drawn, centred and scaled to fit.
      const moved = (after: Map<string, Place>) => {
        const fit = (places: Place[]) => {
          const [cx, cy] = [places.reduce((sum, p) => sum + p.x, 0) / places.length, places.reduce((sum, p) => sum + p.y, 0) / places.length];
          const scale = Math.max(...places.map((p) => Math.hypot(p.x - cx, p.y - cy)));
          return places.map((p) => ({ x: (p.x - cx) / scale, y: (p.y - cy) / scale }));
        };
        const [was, now] = [fit([...before.values()]), fit([...before.keys()].map((key) => after.get(key) as Place))];
        return was.reduce((sum, p, i) => sum + Math.hypot(p.x - (now[i]?.x ?? 0), p.y - (now[i]?.y ?? 0)), 0);
      };
      expect(moved(placesOf(out))).toBeLessThan(moved(placesOf(fresh)) * 0.6);
      // And the colours hold: every note there before stays in its cluster.
      for (const [key, place] of before) expect(placesOf(out).get(key)?.cluster, key).toBe(place.cluster);
    });

    const built = (vault: string, out: string) => runCli(["build", vault, "--out", out, "--quiet"]);
    it.each([
      ["there is no earlier page", ring, () => {}, /--keep-layout: .*index\.html: no earlier page there; laying out afresh/],
      ["the page there is not one notegraph wrote", ring, (vault: string, out: string) => {
        built(vault, out);
        writeFileSync(join(out, "index.html"), "<html>edited by hand</html>");
      }, /--keep-layout: .*index\.html: no node places and clusters this notegraph can read \(not its page, one of another version, or damaged\); laying out afresh/],
      ["over half the nodes are new", { "N0.md": "[[N1]]", "N1.md": "" }, (vault: string, out: string) => {
        built(vault, out);
        for (const name of ["A", "B", "C"]) writeFileSync(join(vault, `${name}.md`), "[[N0]]");
      }, /--keep-layout: over 50% of the nodes are new; laid out afresh/],
    ])("lays out afresh, and says so on stderr, when %s", (_what, files, before, message) => {
      const vault = makeVault(files);
      const out = join(makeVault({}), "site");
      before(vault, out);
      const result = runCli(["build", vault, "--out", out, "--quiet", "--keep-layout"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(message);
      const plain = join(makeVault({}), "plain");
      built(vault, plain);
      expect(readFileSync(join(out, "index.html"), "utf8")).toBe(readFileSync(join(plain, "index.html"), "utf8"));
    });
  });
});
