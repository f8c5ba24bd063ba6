import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pathsUnder } from "../../src/emit/textReport.js";

describe("the text report's paths", () => {
  it("are what path.join makes of the vault argument and a path (property)", () => {
    const part = fc.constantFrom("", ".", "..", "notes", "a b", ".obsidian", "x.md", "..x", "/");
    const path = fc.array(part, { maxLength: 4 }).map((parts) => parts.join("/"));
    fc.assert(
      fc.property(path, path, (vaultArgument, place) => {
        expect(pathsUnder(vaultArgument)(place)).toBe(join(vaultArgument, place));
      }),
      { numRuns: 2000 },
    );
  });
});
