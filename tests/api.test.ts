import { describe, expect, it } from "vitest";
import * as notegraph from "../src/index.js";

describe("notegraph", () => {
  it("exposes the public API", () => {
    expect(Object.keys(notegraph).sort()).toEqual([
      "NotegraphError",
      "ambiguousLinks",
      "brokenAnchors",
      "buildGraph",
      "buildNameIndex",
      "check",
      "checkReport",
      "danglingLinks",
      "deadEnds",
      "decodeNote",
      "jsonReport",
      "loadVault",
      "missingNodeKey",
      "nearMissFinder",
      "orphans",
      "parseNote",
      "readNotes",
      "remarkWikiLink",
      "resolveLinks",
      "resolveTarget",
      "scanVault",
      "textReport",
      "wikiLinkSyntax",
    ]);
  });
});
