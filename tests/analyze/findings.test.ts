import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/analyze/checkReport.js";
import { looseForm, nearMissFinder, suggestionsAfter, type NamedNote } from "../../src/analyze/nearMiss.js";
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

  it("finds what a pairwise search finds: a name one deletion away on either side, within the edit limit (property)", () => {
    const deletions = (word: string) => new Set([...word].map((_c, i) => word.slice(0, i) + word.slice(i + 1)));
    const near = (a: string, b: string) => a === b || deletions(a).has(b) || deletions(b).has(a) || [...deletions(a)].some((d) => deletions(b).has(d));
    // Every note's loose names, compared with the target one by one; ties go to the lowest path.
    const pairwise = (notes: { path: string; names: string[] }[], target: string) => {
      const loose = looseForm(target);
      const limit = loose.length >= 10 ? 2 : 1;
      const found = notes.flatMap(({ path, names }) => names.map(looseForm).filter((name) => name !== "").map((name) => ({ path, cost: name === loose ? 0 : loose.length < 5 || !near(loose, name) ? Infinity : distance(loose, name) })));
      const fits = found.filter((m) => m.cost <= (m.cost === 0 ? 0 : limit)).sort((a, b) => a.cost - b.cost || (a.path < b.path ? -1 : 1));
      return fits[0]?.path ?? null;
    };
    const word = fc.stringMatching(/^[abc]{3,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(word, { minLength: 1, maxLength: 6 }), (names, targets) => {
        const notes = names.map((name, i) => ({ path: `${String(i).padStart(2, "0")} ${name}.md`, names: [name] }));
        const records = notes.map(({ path, names: [title = ""] }) => ({ ...note(path), title, aliases: [] }));
        const expected = targets.map((target) => pairwise(notes.map((n) => ({ ...n, names: [n.path.slice(3, -3)] })), target));
        expect(targets.map(nearMissFinder(records, targets))).toEqual(expected);
        expect(targets.map(nearMissFinder(records))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps suggestions after notes come, go or are renamed as a search of every note would give them (property)", () => {
    const name = fc.constantFrom("Firewall", "Firewalls", "Fire wall", "Firewell", "Disaster Recovery", "Disaster Recover", "EBS", "Spot", "Spots");
    const named = fc.record({ title: name, aliases: fc.subarray(["Firewal", "Recovery plan", "Spot market"], { maxLength: 1 }) });
    const notesOf = (list: { title: string; aliases: string[] }[]): NamedNote[] => list.map((n, i) => ({ path: `N${i}.md` as VaultPath, ...n }));
    const targets = ["Firewal", "Firewallz", "Disaster Recovry", "Spot markets", "EBS", "Fire-walls", "Recovery plans"];
    fc.assert(
      fc.property(fc.array(named, { maxLength: 6 }), fc.array(fc.option(named), { maxLength: 8 }), (start, edits) => {
        const before = notesOf(start);
        // Notes are N0.md, N1.md...: the edits give each place a name or none, so notes are renamed, added and removed.
        const after = notesOf(edits.flatMap((edit) => (edit === null ? [] : [edit])));
        const known = new Map(targets.map((t) => [looseForm(t), nearMissFinder(before)(t)] as const));
        const byPath = new Map(after.map((n) => [n.path, n]));
        const beforeByPath = new Map(before.map((n) => [n.path, n]));
        const renamed = after.filter((n) => { const old = beforeByPath.get(n.path); return !old || old.title !== n.title || old.aliases.join() !== n.aliases.join(); });
        const changed = new Set([...before.filter((n) => !byPath.has(n.path)).map((n) => n.path), ...renamed.map((n) => n.path)]);
        const kept = suggestionsAfter(known, changed, renamed, (path) => byPath.get(path) ?? { path, title: "", aliases: [] });
        const fresh = nearMissFinder(after);
        expect(targets.map((t) => (kept.has(looseForm(t)) ? kept.get(looseForm(t)) : fresh(t)))).toEqual(targets.map(fresh));
      }),
      { numRuns: 500 },
    );
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
