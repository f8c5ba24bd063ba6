import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeIndexOf } from "../../src/incremental/placeIndex.js";
import { compareCodeUnits } from "../../src/keys.js";
import type { VaultPath } from "../../src/types.js";

const path = fc.tuple(fc.constantFrom("", "A/", "a/", "Z z/", "é/"), fc.constantFrom("EC2", "ec2", "Ebs", "Ä", "~x", "map")).map(([folder, name]) => `${folder}${name}` as VaultPath);
const placesByMap = (notes: VaultPath[], attachments: VaultPath[]) => new Map([...notes, ...attachments].map((p, place) => [p, place] as const));

describe("placeIndexOf", () => {
  it("finds each note by its place in scan order and each attachment after every note, as a map does", () => {
    fc.assert(
      fc.property(fc.uniqueArray(path), fc.uniqueArray(path), fc.array(path), (notes, attachments, asked) => {
        const sorted = (list: VaultPath[]) => [...list].sort(compareCodeUnits);
        const [n, a] = [sorted(notes.map((p) => `${p}.md` as VaultPath)), sorted(attachments.map((p) => `${p}.png` as VaultPath))];
        const index = placeIndexOf(n, a);
        const byMap = placesByMap(n, a);
        for (const p of [...n, ...a, ...asked]) expect(index.get(p)).toBe(byMap.get(p));
      }),
    );
  });

  it("still finds every path when a state lists them out of order", () => {
    const notes = ["b.md", "a.md", "c.md"] as VaultPath[];
    const index = placeIndexOf(notes, ["z.png"] as VaultPath[]);
    expect([index.get("a.md" as VaultPath), index.get("b.md" as VaultPath), index.get("z.png" as VaultPath), index.get("d.md" as VaultPath)]).toEqual([1, 0, 3, undefined]);
  });
});
