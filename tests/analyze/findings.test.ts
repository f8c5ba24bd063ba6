import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/analyze/checkReport.js";
import { looseForm, nearMissFinder } from "../../src/analyze/nearMiss.js";
import { parseNote } from "../../src/parse/parseNote.js";
import { loadVault } from "../../src/loadVault.js";
import type { VaultPath } from "../../src/types.js";
import { makeVault } from "../helpers/vault.js";

const note = (path: string, text = "") => parseNote(path as VaultPath, text).note;

describe("near misses", () => {
  const find = nearMissFinder([
    note("Security/Firewalls.md"),
    note("Resilience/Disaster Recovery.md"),
    note("Storage/EBS.md", "---\naliases: [Elastic Block Store]\n---\n"),
    note("Services/EKS.md"),
    note("Services/ECS.md"),
    note("Cloud-Formation.md"),
  ]);

  it.each([
    ["Firewall", "Security/Firewalls.md"],
    ["firewalls", "Security/Firewalls.md"],
    ["Disaster Recover", "Resilience/Disaster Recovery.md"],
    ["Disaster  Recovry", "Resilience/Disaster Recovery.md"],
    ["disaster_recovery", "Resilience/Disaster Recovery.md"],
    ["Elastic Block Store", "Storage/EBS.md"],
    ["CloudFormation", "Cloud-Formation.md"],
  ])("suggests a note for [[%s]]", (target, expected) => {
    expect(find(target)).toBe(expected);
  });

  it.each(["Hadoop", "EFS", "RDS", "Enclaves", "Disaster"])("suggests nothing for [[%s]]", (target) => {
    expect(find(target)).toBeNull();
  });

  it("answers the same when given its targets up front, in one pass", () => {
    const targets = ["Firewall", "Disaster  Recovry", "Elastic Block Store", "CloudFormation", "Hadoop", "EFS", "Disaster"];
    const notes = [note("Security/Firewalls.md"), note("Resilience/Disaster Recovery.md"), note("Storage/EBS.md", "---\naliases: [Elastic Block Store]\n---\n"), note("Cloud-Formation.md")];
    const batch = nearMissFinder(notes, targets);
    expect(targets.map(batch)).toEqual(targets.map(nearMissFinder(notes)));
    expect(targets.map(batch).filter(Boolean)).toHaveLength(4);
  });

  it("reads names loosely: case, separators and plural endings", () => {
    expect(looseForm("Security-Groups")).toBe("securitygroup");
    expect(looseForm("Batches")).toBe("batch");
    expect(looseForm("Policies")).toBe("policy");
    expect(looseForm("EKS")).toBe("eks");
  });
});

describe("check report", () => {
  it("groups dangling links by name and shows the most used spelling", async () => {
    const vault = await loadVault(makeVault({ "A.md": "[[hadoop]] [[Hadoop]]", "B.md": "[[ Hadoop ]] [[A]]" }));
    const report = checkReport(vault);
    expect(report.dangling).toEqual([
      {
        target: "Hadoop",
        suggestion: null,
        references: [
          { source: "A.md", line: 1, column: 1, raw: "[[hadoop]]" },
          { source: "A.md", line: 1, column: 12, raw: "[[Hadoop]]" },
          { source: "B.md", line: 1, column: 1, raw: "[[ Hadoop ]]" },
        ],
      },
    ]);
    expect(report.stats).toMatchObject({ dangling: 1, danglingLinks: 3, links: 4 });
  });

  it("finds orphans (no links in or out) and dead ends (no links out)", async () => {
    const vault = await loadVault(makeVault({ "Hub.md": "[[Leaf]]", "Leaf.md": "text", "Alone.md": "[[#Self]]", "ToMissing.md": "[[Nowhere]]" }));
    const report = checkReport(vault);
    expect(report.orphans).toEqual(["Alone.md"]);
    expect(report.deadEnds).toEqual(["Alone.md", "Leaf.md"]);
  });

  it("lists broken anchors and ambiguous links", async () => {
    const vault = await loadVault(makeVault({ "From.md": "[[T]] [[E#Nope]]", "a/T.md": "", "b/T.md": "", "E.md": "# Yes" }));
    const report = checkReport(vault);
    expect(report.brokenAnchors).toEqual([
      { source: "From.md", raw: "[[E#Nope]]", target: "E", resolved: "E.md", anchor: "Nope", kind: "heading", line: 1, column: 7 },
    ]);
    expect(report.ambiguous).toEqual([
      { source: "From.md", raw: "[[T]]", target: "T", line: 1, column: 1, candidates: ["a/T.md", "b/T.md"], resolved: "a/T.md" },
    ]);
  });
});
