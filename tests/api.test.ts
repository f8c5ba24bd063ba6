import { describe, expect, it } from "vitest";
import * as notegraph from "../src/index.js";

describe("notegraph", () => {
  it("exposes the public API", () => {
    expect(Object.keys(notegraph).sort()).toEqual([
      "MANIFEST",
      "NotegraphError",
      "ambiguousLinks",
      "brokenAnchors",
      "buildGraph",
      "buildNameIndex",
      "buildPage",
      "check",
      "checkReport",
      "danglingLinks",
      "deadEnds",
      "decodeNote",
      "iterationBudget",
      "jsonReport",
      "layoutPositions",
      "loadVault",
      "missingNodeKey",
      "nearMissFinder",
      "orphans",
      "pageData",
      "pageHtml",
      "parseNote",
      "readNotes",
      "remarkWikiLink",
      "resolveLinks",
      "resolveTarget",
      "scanVault",
      "serveVault",
      "textReport",
      "topicClusters",
      "wikiLinkSyntax",
      "writeOutputFolder",
    ]);
  });
});
