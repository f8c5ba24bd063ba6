import { describe, expect, it } from "vitest";
import { buildPage } from "../../src/buildPage.js";
import { makeVault } from "../helpers/vault.js";

const ring = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`R${i}.md`, `[[R${(i + 1) % n}]]`]));

describe("degenerate vaults build a valid page", () => {
  it.each([
    ["an empty vault", {}],
    ["one note", { "Only.md": "# Only" }],
    ["every note isolated", { "A.md": "", "B.md": "", "C.md": "" }],
    ["every score equal (a ring)", ring(12)],
    ["one note linking itself", { "Self.md": "[[Self]] [[#Top]]\n# Top" }],
  ])("%s: finite positions and sizes, no NaN anywhere", async (_name, files) => {
    const { data, html } = await buildPage(makeVault(files));
    expect(data.nodes).toHaveLength(Object.keys(files).length);
    for (const node of data.nodes) {
      for (const value of [node.x, node.y, node.size]) expect(Number.isFinite(value)).toBe(true);
    }
    expect(JSON.stringify(data)).not.toMatch(/NaN|Infinity/);
    expect(html).toMatch(/<\/html>\s*$/);
  });

  it("gives byte-identical pages for the same vault, built twice", async () => {
    const files = { ...ring(30), "Hub.md": "[[R1]] [[R2]] [[Gone]] ![[pic.png]]", "pic.png": "png" };
    // Two folders, one title: the title defaults to the folder's name.
    const [first, second] = [await buildPage(makeVault(files), { title: "Same" }), await buildPage(makeVault(files), { title: "Same" })];
    const differsAt = [...first.html].findIndex((char, i) => second.html[i] !== char);
    expect({ differsAt, length: second.html.length }).toEqual({ differsAt: -1, length: first.html.length });
  });
});
