import fc from "fast-check";
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { vaultFindings, type CheckFindings } from "../../src/analyze/checkReport.js";
import type { CacheHeader } from "../../src/cacheFiles.js";
import { nearMissFinder } from "../../src/analyze/nearMiss.js";
import { checkVault } from "../../src/incremental/checkVault.js";
import { checkStateFile, openCheckState, type LastRun } from "../../src/incremental/checkState.js";
import { findingsAfterEdits } from "../../src/incremental/editedNotes.js";
import { noteFacts } from "../../src/incremental/noteFacts.js";
import { patchedVaultFindings } from "../../src/incremental/vaultFindingsAfter.js";
import { loadScanned } from "../../src/loadVault.js";
import { memoryParseCache } from "../../src/parse/parseCache.js";
import { unreadNote } from "../../src/parse/unreadNote.js";
import { scanVault } from "../../src/scan/scanVault.js";
import type { ScanResult } from "../../src/types.js";
import { version } from "../../src/version.js";
import { makeVault } from "../helpers/vault.js";

const caches: string[] = [];
afterAll(() => {
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

function cacheFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "notegraph-state-"));
  caches.push(dir);
  return dir;
}

/** The sample vault, checked once with a cache folder of its own: where most cases start. */
async function checkedSample(): Promise<{ root: string; cache: string }> {
  const root = makeVault(vault);
  const cache = cacheFolder();
  await checkVault(root, { cacheFolder: cache });
  return { root, cache };
}

let clock = 1_700_000_000;
/** Writes a note with a time of its own, so that a change is seen even within one clock tick. */
function write(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  clock += 10;
  utimesSync(join(root, path), clock, clock);
}

function findingsOf(report: CheckFindings): CheckFindings {
  const { stats, dangling, wanted, brokenAnchors, ambiguous, orphans, deadEnds, problems } = report;
  return { stats, dangling, wanted, brokenAnchors, ambiguous, orphans, deadEnds, problems };
}

/** The findings the state kept from the last run, when the vault's files are the same; null otherwise. */
async function keptFindings(root: string, cache: string): Promise<CheckFindings | null> {
  const { file, header } = await checkStateFile(root, cache, version());
  return (await openCheckState(file, header))?.findingsIfUnchanged(await scanVault(root)) ?? null;
}

/** The last run the state kept, or null when it cannot be trusted. */
async function lastRunKept(file: string, header: CacheHeader): Promise<LastRun | null> {
  return (await openCheckState(file, header))?.lastRun() ?? null;
}

/**
 * What `check` gives from the kept state, which must equal what `viaState` made of it, and what
 * a full check gives.
 */
async function keptAndFull(root: string, cache: string, viaState: (file: string, header: CacheHeader, scan: ScanResult) => Promise<CheckFindings | undefined>): Promise<{ kept: CheckFindings; full: CheckFindings }> {
  const { file, header } = await checkStateFile(root, cache, version());
  const made = await viaState(file, header, await scanVault(root));
  const kept = await checkVault(root, { cacheFolder: cache });
  expect(findingsOf(kept)).toEqual(findingsOf(made as CheckFindings));
  return { kept: findingsOf(kept), full: findingsOf(await checkVault(root, { cacheFolder: null })) };
}

/** Vaults whose notes keep their headings, block ids and aliases while their links change: every edit can be patched. */
const linkOnly = (() => {
  const heads: Record<string, string> = {
    "A.md": "---\naliases: [Bee]\n---\n## One\n",
    "B.md": "## Two\ntext ^x\n",
    "C.md": "",
    "Sub/A.md": "## One\n## Two\n",
  };
  const paths = Object.keys(heads);
  const linkTo = fc.tuple(fc.constantFrom("A", "B", "C", "Sub/A", "Missing", "missing", "Bb", "pic.png"), fc.constantFrom("", "#One", "#Two", "#^x", "#^y"));
  const links = fc.array(linkTo, { maxLength: 4 });
  const text = (path: string, list: [string, string][]) => `${heads[path]}${list.map(([t, a]) => `[[${t}${a}]]`).join(" ")}\n`;
  return {
    text,
    start: fc.array(links, { minLength: paths.length, maxLength: paths.length }),
    edits: fc.array(fc.tuple(fc.constantFrom(...paths), links), { minLength: 1, maxLength: 4 }),
    vault: (start: [string, string][][]) => ({ ...Object.fromEntries(paths.map((path, i) => [path, text(path, start[i] ?? [])])), "pic.png": "png" }),
  };
})();

/** The findings patched into the last ones (failing when no patch could be made), as `check` gives them, and from a full check. */
function patchedWay(root: string, cache: string): Promise<{ kept: CheckFindings; full: CheckFindings }> {
  return keptAndFull(root, cache, (file, header, scan) => patchedFindings(file, header, scan));
}

async function patchedFindings(file: string, header: CacheHeader, scan: ScanResult): Promise<CheckFindings | undefined> {
  const run = await lastRunKept(file, header);
  expect(run, "the last run was kept").not.toBeNull();
  const edited = run && (await findingsAfterEdits(scan, run));
  expect(edited, "the edit was patched").not.toBeNull();
  return edited?.findings;
}

/** Reloads the vault after each save as `serve` does, and checks that the findings patched from the last ones are those made whole. */
async function patchesEachSave(root: string, saves: readonly (() => void)[]): Promise<void> {
  const cache = memoryParseCache();
  let scan = await scanVault(root);
  let vault = await loadScanned(scan, { cache });
  let findings = vaultFindings(vault);
  for (const save of saves) {
    save();
    const scanNow = await scanVault(root);
    const now = await loadScanned(scanNow, { cache, previous: vault });
    const patched = patchedVaultFindings({ vault, scanProblems: scan.problems, findings }, { vault: now, scanProblems: scanNow.problems }, (targets) => nearMissFinder(now.notes, targets));
    expect(patched, "the save was patched").not.toBeNull();
    expect(patched).toEqual(vaultFindings(now));
    [scan, vault, findings] = [scanNow, now, patched as CheckFindings];
  }
}

const vault = {
  "EC2.md": "---\naliases: [Elastic Compute Cloud]\n---\n# EC2\n\n## Pricing\n\nSee [[EBS#Snapshots]] and [[EBS#^vol]].\nline ^ec2-end\n",
  "EBS.md": "# EBS\n\n## Snapshots\n\nVolumes. ^vol\n\n[[EC2#Pricing]] [[EC2#^ec2-end]] [[Enclaves]]\n",
  "Pricing.md": "# Pricing\n\n[[EC2]] [[Spot instancs]]\n",
  "Lonely.md": "# Lonely\n",
  "Spot instances.md": "# Spot\n\n[[Pricing]]\n",
};

describe("check from the state the last check kept", () => {
  it("gives the full check's findings as notes change, reading only those", async () => {
    const root = makeVault(vault);
    const cache = cacheFolder();
    const first = await checkVault(root, { cacheFolder: cache });
    expect(findingsOf(first)).toEqual(findingsOf(await checkVault(root, { cacheFolder: null })));
    const edits: [string, string][] = [
      ["a heading others link to is renamed", "# EC2\n\n## Costs\n\nSee [[EBS#Snapshots]] and [[EBS#^vol]].\nline ^ec2-end\n"],
      ["a block id others link to is dropped", "# EC2\n\n## Pricing\n\nSee [[EBS#Snapshots]] and [[EBS#^vol]].\nline\n"],
      ["a new missing topic, a typo of an existing note", "# EC2\n\n## Pricing\n\n[[Spot instance]] [[Nitro]] [[EBS#Nope]]\n"],
      ["an alias changes, which suggestions search", "---\naliases: [Spot instancs]\n---\n# EC2\n\n[[EBS]]\n"],
      ["every link removed: the note may become an orphan", "# EC2\n"],
    ];
    for (const [what, content] of edits) {
      write(root, "EC2.md", content);
      const { kept, full } = await patchedWay(root, cache);
      expect(kept, what).toEqual(full);
    }
  });

  it("takes a change of time alone as no change, and a broken note as a problem", async () => {
    const { root, cache } = await checkedSample();
    write(root, "Lonely.md", readFileSync(join(root, "Lonely.md"), "utf8"));
    expect((await patchedWay(root, cache)).kept).toEqual((await patchedWay(root, cache)).full);
    write(root, "Lonely.md", "\uFEFF# Lonely\n\n```\nunclosed fence [[EC2]]\n");
    const { kept, full } = await patchedWay(root, cache);
    expect(kept).toEqual(full);
    expect(kept.problems.map((p) => p.path)).toContain("Lonely.md");
  });

  it.each([
    ["a note added that a link was waiting for", (root: string) => write(root, "Enclaves.md", "# Enclaves\n")],
    ["a note added by a name already taken (links become ambiguous)", (root: string) => write(root, "Sub/EC2.md", "# Other EC2\n")],
    ["a note removed that links and suggestions went to", (root: string) => rmSync(join(root, "Spot instances.md"))],
    ["a note renamed", (root: string) => renameSync(join(root, "EBS.md"), join(root, "Block storage.md"))],
    ["an attachment added and a note linking to it", (root: string) => {
      write(root, "map.png", "png");
      write(root, "Lonely.md", "# Lonely\n\n![[map.png]] [[map]]\n");
    }],
    ["two notes added at once, the second then linked by its name", (root: string) => {
      write(root, "Enclaves.md", "# Enclaves\n");
      write(root, "Zeta.md", "# Zeta\n");
    }, (root: string) => write(root, "Lonely.md", "# Lonely\n\n[[Zeta]] [[Enclaves]]\n")],
    ["the scan's own problems, with a note edited (Obsidian's config broken, then mended)", (root: string) => {
      write(root, ".obsidian/app.json", "{ not json");
      write(root, "Lonely.md", "# Lonely\n\n[[EC2]]\n");
    }, (root: string) => write(root, ".obsidian/app.json", "{}")],
    ["a symlink out of the vault, which the scan reports and does not follow", (root: string) => symlinkSync(tmpdir(), join(root, "Outside"))],
    ["a note added that shadows an attachment of its name", (root: string) => {
      write(root, "map.png", "png");
      write(root, "Lonely.md", "# Lonely\n\n![[map.png]]\n");
    }, (root: string) => write(root, "map.png.md", "# A note named map.png\n")],
  ])("follows %s from the kept state", async (_name, change, then?: (root: string) => void) => {
    const { root, cache } = await checkedSample();
    for (const step of [change, then]) {
      if (!step) continue;
      step(root);
      const { kept, full } = await patchedWay(root, cache);
      expect(kept).toEqual(full);
    }
  });

  it.each([
    ["a link to an orphan, which is one no more", "Lonely.md", "# Lonely\n\n[[EC2]]\n"],
    ["a note's only link dropped: it turns orphan", "Spot instances.md", "# Spot\n"],
    ["the last link to a missing topic dropped", "EBS.md", "# EBS\n\n## Snapshots\n\nVolumes. ^vol\n\n[[EC2#Pricing]] [[EC2#^ec2-end]]\n"],
    ["a new missing topic, a typo of a note, and a broken anchor", "EC2.md", "---\naliases: [Elastic Compute Cloud]\n---\n# EC2\n\n## Pricing\n\n[[Spot instance]] [[EBS#Nope]] [[EBS#^gone]]\nline ^ec2-end\n"],
    ["a missing topic's name, as most of its links now spell it", "Lonely.md", "# Lonely\n\n[[spot Instancs]] [[spot Instancs]]\n"],
    ["a problem found in a note", "Lonely.md", "\uFEFF# Lonely\n\n```\nunclosed fence [[EC2]]\n"],
    ["a heading others link to renamed (their anchors checked again)", "EBS.md", "# EBS\n\n## Snaps\n\nVolumes. ^vol\n\n[[EC2#Pricing]] [[EC2#^ec2-end]] [[Enclaves]]\n"],
    ["a block id others link to dropped", "EC2.md", "---\naliases: [Elastic Compute Cloud]\n---\n# EC2\n\n## Pricing\n\nSee [[EBS#Snapshots]] and [[EBS#^vol]].\nline\n"],
  ])("patches the last findings for %s", async (_what, path, text) => {
    const { root, cache } = await checkedSample();
    write(root, path, text);
    const { kept, full } = await patchedWay(root, cache);
    expect(kept).toEqual(full);
    // And back again, from the state the patch wrote.
    write(root, path, vault[path as keyof typeof vault]);
    const back = await patchedWay(root, cache);
    expect(back.kept).toEqual(back.full);
  });

  it.each([
    ["an alias added that a missing topic's typo now matches", "Lonely.md", "---\naliases: [Spot instancs]\n---\n# Lonely\n", ["Spot instancs", "Lonely.md", "Spot instances.md"]],
    ["a title changed by front matter to a missing topic's name", "Lonely.md", "---\ntitle: Enclave\n---\n# Lonely\n", ["Enclaves", "Lonely.md", null]],
    ["the title of a note others' typos were sent to changed", "Spot instances.md", "# Spot instancs\n\n[[Pricing]]\n", ["Spot instancs", "Spot instances.md", "Spot instances.md"]],
  ] as const)("patches the last findings when names change: %s", async (_what, path, text, [target, now, before]) => {
    const { root, cache } = await checkedSample();
    const suggestion = (findings: CheckFindings) => findings.dangling.find((group) => group.target === target)?.suggestion;
    write(root, path, text);
    const { kept, full } = await patchedWay(root, cache);
    expect(kept).toEqual(full);
    expect(suggestion(kept)).toBe(now);
    // And back again, from the state the patch wrote: a suggestion that went to the renamed note is searched anew.
    write(root, path, vault[path as keyof typeof vault]);
    const back = await patchedWay(root, cache);
    expect(back.kept).toEqual(back.full);
    expect(suggestion(back.kept)).toBe(before);
  });

  it("follows a note removed that many link to, their parses taken from the parse cache where it still holds them", async () => {
    const linkers = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`Linker ${i}.md`, `# Linker ${i}\n\n[[Hub]] [[Hub#Part]] [[Other]]\n`]));
    const root = makeVault({ "Hub.md": "# Hub\n\n## Part\n", "Other.md": "# Other\n", ...linkers });
    const cache = cacheFolder();
    await checkVault(root, { cacheFolder: cache });
    // Edited since the parse cache was written: read from the file, the others from the cache.
    write(root, "Linker 1.md", "# Linker 1\n\n[[Hub#Part]] [[Hubb]]\n");
    await checkVault(root, { cacheFolder: cache });
    rmSync(join(root, "Hub.md"));
    const { kept, full } = await patchedWay(root, cache);
    expect(kept).toEqual(full);
    expect(kept.dangling.find((group) => group.target === "Hub")?.references).toHaveLength(9);
  });

  it("keeps an anchored link added to a note already linked, so that a heading renamed later breaks it", async () => {
    const { root, cache } = await checkedSample();
    // Pricing links to EC2 already: only the anchored links kept change, not what it links to.
    write(root, "Pricing.md", "# Pricing\n\n[[EC2]] [[EC2#Pricing]] [[Spot instancs]]\n");
    expect((await patchedWay(root, cache)).kept.brokenAnchors).toEqual([]);
    write(root, "EC2.md", vault["EC2.md"].replace("## Pricing", "## Costs"));
    const { kept, full } = await patchedWay(root, cache);
    expect(kept).toEqual(full);
    expect(kept.brokenAnchors.map((link) => [link.source, link.anchor])).toContainEqual(["Pricing.md", "Pricing"]);
  });

  it("keeps a renamed note's names for later searches: a missing topic linked after an alias was added is sent to it", async () => {
    const { root, cache } = await checkedSample();
    write(root, "Lonely.md", "---\naliases: [Nitro System]\n---\n# Lonely\n");
    await patchedWay(root, cache);
    write(root, "Pricing.md", "# Pricing\n\n[[EC2]] [[Spot instancs]] [[Nitro systems]]\n");
    const { kept, full } = await patchedWay(root, cache);
    expect(kept).toEqual(full);
    expect(kept.dangling.find((group) => group.target === "Nitro systems")?.suggestion).toBe("Lonely.md");
  });

  it("patches the findings over random edits of notes' links as a full check finds them (property)", async () => {
    await fc.assert(
      fc.asyncProperty(linkOnly.start, linkOnly.edits, async (start, edits) => {
        const root = makeVault(linkOnly.vault(start));
        const cache = cacheFolder();
        await checkVault(root, { cacheFolder: cache });
        for (const [path, list] of edits) {
          write(root, path, linkOnly.text(path, list));
          const { kept, full } = await patchedWay(root, cache);
          expect(kept).toEqual(full);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("patches the findings over random edits of links, headings, block ids and aliases as a full check finds them (property)", async () => {
    const names = ["A", "B", "C"];
    const note = fc.record({
      // An alias a missing topic's typo may match, or its suggestion lose.
      alias: fc.constantFrom(null, "Bee", "Missin", "Missing"),
      headings: fc.subarray(["One", "Two"]),
      block: fc.boolean(),
      links: fc.array(fc.tuple(fc.constantFrom(...names, "Missing", "Mising"), fc.constantFrom("", "#One", "#Two", "#^x", "#One#Two")), { maxLength: 4 }),
    });
    const text = (_name: string, n: { alias: string | null; headings: string[]; block: boolean; links: [string, string][] }) =>
      `${n.alias === null ? "" : `---\naliases: [${n.alias}]\n---\n`}${n.headings.map((h) => `## ${h}\n`).join("")}${n.links.map(([t, a]) => `[[${t}${a}]]`).join(" ")}\n${n.block ? "text ^x\n" : ""}`;
    await fc.assert(
      fc.asyncProperty(fc.array(note, { minLength: 3, maxLength: 3 }), fc.array(fc.tuple(fc.constantFrom(...names), note), { minLength: 1, maxLength: 4 }), async (start, edits) => {
        const root = makeVault(Object.fromEntries(names.map((name, i) => [`${name}.md`, text(name, start[i] as never)])));
        const cache = cacheFolder();
        await checkVault(root, { cacheFolder: cache });
        for (const [name, n] of edits) {
          write(root, `${name}.md`, text(name, n));
          const { kept, full } = await patchedWay(root, cache);
          expect(kept).toEqual(full);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("patches a reloaded vault's findings (serve, between saves) as made whole (property)", async () => {
    await fc.assert(
      fc.asyncProperty(linkOnly.start, linkOnly.edits, async (start, edits) => {
        const root = makeVault(linkOnly.vault(start));
        await patchesEachSave(root, edits.map(([path, list]) => () => write(root, path, linkOnly.text(path, list))));
      }),
      { numRuns: 60 },
    );
  });

  it("patches a reloaded vault's findings as made whole when notes come and go (serve, property)", async () => {
    const edits = fc.array(fc.tuple(fc.constantFrom(...Object.keys(linkOnly.vault([]))).filter((path) => path.endsWith(".md")), fc.array(fc.tuple(fc.constantFrom("A", "B", "C", "Sub/A", "Missing", "Bb"), fc.constantFrom("", "#One")), { maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(linkOnly.start, edits, async (start, steps) => {
        const root = makeVault(linkOnly.vault(start));
        await patchesEachSave(root, steps.map(([path, list, remove]) => () => (remove ? rmSync(join(root, path), { force: true }) : write(root, path, linkOnly.text(path, list)))));
      }),
      { numRuns: 80 },
    );
  });

  it("patches a reloaded vault's findings as the scan's own problems come and go (serve)", async () => {
    const root = makeVault(vault);
    await patchesEachSave(root, [
      () => write(root, ".obsidian/app.json", "{ not json"),
      () => write(root, "Lonely.md", "# Lonely\n\n[[EC2]]\n"),
      () => {
        write(root, ".obsidian/app.json", '{"userIgnoreFilters": "Lonely.md"}');
        write(root, "Pricing.md", "# Pricing\n\n[[EC2]]\n");
      },
      () => write(root, ".obsidian/app.json", "{}"),
    ]);
  });

  it("checks in full when the state is damaged", async () => {
    const { root, cache } = await checkedSample();
    const { file, header } = await checkStateFile(root, cache, version());
    appendFileSync(file, '["damaged"\n');
    expect(await lastRunKept(file, header)).toBeNull();
    expect(findingsOf(await checkVault(root, { cacheFolder: cache }))).toEqual(findingsOf(await checkVault(root, { cacheFolder: null })));
    expect(readdirSync(cache).filter((name) => name.endsWith(".check.json"))).toHaveLength(1);
  });

  it.each([
    // Five notes, no attachment: what each links to, flat (a count, then the places), and the notes with anchored links into each.
    ["a place past the files", "[[2,1,99,0,0,0,0],[[],[],[],[],[]]]"],
    ["a list missing", "[[1,1,0,0,0],[[],[],[],[],[]]]"],
    ["a count past the end", "[[1,1,0,0,0,9],[[],[],[],[],[]]]"],
    ["not a links line", '{"linkedFrom": []}'],
  ])("does not trust the last run when the links line has %s, and checks in full", async (_what, damage) => {
    const { root, cache } = await checkedSample();
    const { file, header } = await checkStateFile(root, cache, version());
    const lines = readFileSync(file, "utf8").split("\n");
    // After the header, the last findings and a line of facts per note.
    lines[2 + Object.keys(vault).length] = damage;
    writeFileSync(file, lines.join("\n"));
    write(root, "Lonely.md", "# Lonely\n\n[[EC2]]\n");
    expect(await lastRunKept(file, header)).toBeNull();
    expect(findingsOf(await checkVault(root, { cacheFolder: cache }))).toEqual(findingsOf(await checkVault(root, { cacheFolder: null })));
  });

  it("leaves a changed big note to a full check, which parses it on a worker under its time budget", async () => {
    const { root, cache } = await checkedSample();
    write(root, "Lonely.md", `# Lonely\n\n${"word ".repeat(30_000)}[[EC2]]\n`);
    const { file, header } = await checkStateFile(root, cache, version());
    const run = await lastRunKept(file, header);
    expect(run).not.toBeNull();
    expect(run && (await findingsAfterEdits(await scanVault(root), run))).toBeNull();
    expect(findingsOf(await checkVault(root, { cacheFolder: cache }))).toEqual(findingsOf(await checkVault(root, { cacheFolder: null })));
  });

  it.each([
    // The last line holds the details of the last note in scan order ("Spot instances.md"), read only when it changes.
    ["a note's details, read as it changes", (lines: string[]) => lines.length - 2, '["not a hash"', ["Spot instances.md", "# Spot\n\n[[Pricing]] [[EC2]]\n"]],
    // After the header, the last findings, a line of facts per note and the links line, a line holds every note's names in loose form, read only to search near misses.
    ["the names, read as a new missing topic is searched", () => 3 + Object.keys(vault).length, '[["not", "enough"]]', ["Lonely.md", "# Lonely\n\n[[Enclaves]] [[Lonly topic]]\n"]],
    // The line after the names holds the keys every file is found by, read as a file comes or goes.
    ["the keys, read as a note is added", () => 4 + Object.keys(vault).length, '{"noteNames": []}', ["Enclaves.md", "# Enclaves\n"]],
  ] as const)("checks in full when a part of the state it needs turns out damaged: %s", async (_part, lineOf, damage, [path, text]) => {
    const { root, cache } = await checkedSample();
    const { file, header } = await checkStateFile(root, cache, version());
    const lines = readFileSync(file, "utf8").split("\n");
    lines[lineOf(lines)] = damage;
    writeFileSync(file, lines.join("\n"));
    const run = await lastRunKept(file, header);
    expect(run).not.toBeNull();
    write(root, path, text);
    expect(run && (await findingsAfterEdits(await scanVault(root), run))).toBeNull();
    expect(findingsOf(await checkVault(root, { cacheFolder: cache }))).toEqual(findingsOf(await checkVault(root, { cacheFolder: null })));
  });

  it.each([
    // Every line after the findings made unreadable: the kept findings are all a run over the same files reads.
    ["the rest of the state, when no file changed", (lines: string[]) => [...lines.slice(0, 2), ...lines.slice(2).map((line) => (line ? "damaged" : line))], true],
    // The findings line damaged: a full check makes them again.
    ["the kept findings, which a full check then makes again", (lines: string[]) => [lines[0] ?? "", '{"stats":{}}', ...lines.slice(2)], false],
  ] as const)("gives the last findings whatever is damaged in %s", async (_part, damage, keptUsed) => {
    const root = makeVault(vault);
    const cache = cacheFolder();
    const first = findingsOf(await checkVault(root, { cacheFolder: cache }));
    const { file, header } = await checkStateFile(root, cache, version());
    writeFileSync(file, damage(readFileSync(file, "utf8").split("\n")).join("\n"));
    expect(await keptFindings(root, cache)).toEqual(keptUsed ? first : null);
    if (keptUsed) expect(await lastRunKept(file, header)).toBeNull();
    expect(findingsOf(await checkVault(root, { cacheFolder: cache }))).toEqual(first);
  });

  it.each([
    ["a note's time", (root: string) => write(root, "Lonely.md", readFileSync(join(root, "Lonely.md"), "utf8"))],
    ["an attachment added", (root: string) => write(root, "pic.png", "png")],
    ["the scan's own problems (Obsidian's config)", (root: string) => write(root, ".obsidian/app.json", "{ not json")],
  ])("does not take the last findings when %s changed, and keeps new ones for next time", async (_what, change) => {
    const { root, cache } = await checkedSample();
    change(root);
    expect(await keptFindings(root, cache)).toBeNull();
    const full = findingsOf(await checkVault(root, { cacheFolder: null }));
    expect(findingsOf(await checkVault(root, { cacheFolder: cache }))).toEqual(full);
    expect(await keptFindings(root, cache)).toEqual(full);
  });

  it("agrees with a full check over random edits, notes and attachments added and removed (property)", async () => {
    const names = ["A", "B", "C", "D"];
    // Files that come and go: a topic some links wait for, a second "A", an attachment, and a note that shadows it.
    const comers = ["Missing.md", "Sub/A.md", "pic.png", "pic.png.md"];
    const linkTo = fc.tuple(fc.constantFrom(...names, "Missing", "Bb", "Sub/A", "pic.png"), fc.constantFrom("", "#One", "#Two", "#^x", "#^y"));
    const note = fc.record({
      aliases: fc.subarray(["Bee", "Sea", "Missng"], { maxLength: 1 }),
      headings: fc.subarray(["One", "Two"]),
      block: fc.boolean(),
      links: fc.array(linkTo, { maxLength: 4 }),
    });
    const text = (n: { aliases: string[]; headings: string[]; block: boolean; links: [string, string][] }) =>
      `${n.aliases.length > 0 ? `---\naliases: [${n.aliases.join(", ")}]\n---\n` : ""}${n.headings.map((h) => `## ${h}\n`).join("")}${n.links.map(([t, a]) => `[[${t}${a}]]`).join(" ")}\n${n.block ? "text ^x\n" : ""}`;
    const edit = fc.oneof(
      fc.tuple(fc.constantFrom(...names.map((name) => `${name}.md`), ...comers), note).map(([path, n]) => ({ path, text: text(n) })),
      fc.constantFrom(...names.map((name) => `${name}.md`), ...comers).map((path) => ({ path, text: null })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(note, { minLength: 4, maxLength: 4 }), fc.array(edit, { minLength: 1, maxLength: 5 }), async (start, edits) => {
        const root = makeVault(Object.fromEntries(names.map((name, i) => [`${name}.md`, text(start[i] as never)])));
        const cache = cacheFolder();
        await checkVault(root, { cacheFolder: cache });
        for (const { path, text: content } of edits) {
          if (content === null) rmSync(join(root, path), { force: true });
          else write(root, path, content);
          const { kept, full } = await patchedWay(root, cache);
          expect(kept).toEqual(full);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("never takes a note that could not be read as current, so it is read again next time", () => {
    const unread = unreadNote("Locked.md" as never, "cannot be read (EACCES)");
    const facts = noteFacts({ size: 10, mtimeMs: 5 }, null, unread.note, [], unread.problems, new Map());
    expect(facts.size).toBe(-1);
    expect(noteFacts({ size: 10, mtimeMs: 5 }, "hash", unread.note, [], [], new Map()).size).toBe(10);
  });
});
