import { checkReport, findingsPart, vaultFindings, type CheckFindings, type CheckReport } from "../analyze/checkReport.js";
import { looseNamesOf, suggestionsOf } from "../analyze/nearMiss.js";
import { loadScanned, type LoadOptions } from "../loadVault.js";
import { openDiskCache, type DiskParseCache } from "../parse/diskParseCache.js";
import { fileKeysOf } from "../resolve/nameIndex.js";
import { scanVault } from "../scan/scanVault.js";
import type { Problem, ScanResult, Vault, VaultFile } from "../types.js";
import { version } from "../version.js";
import { checkStateFile, openCheckState, writeCheckState, writePatchedState, type CheckState } from "./checkState.js";
import { findingsAfterEdits } from "./editedNotes.js";
import { noteDetails, noteFacts, type NoteFacts } from "./noteFacts.js";
import { detailsGiven, lineGiven } from "./stateStores.js";

export interface CheckVaultOptions extends Omit<LoadOptions, "cache" | "keepText"> {
  /** Where the parse cache and the check's state are kept; null keeps nothing and parses every note. */
  cacheFolder: string | null;
  /** The whole report, every note and link included (`--format json`); else the findings, which the kept state may give without reading every note. */
  wholeReport?: boolean;
}

/**
 * `notegraph check`: the findings of a vault, read from the state the last check kept when the
 * same files are there, or patched into it when few changed, came or went (only those are read
 * again); else a full check, on worker threads and through the parse cache, that keeps a state
 * for next time.
 */
export async function checkVault(folder: string, options: CheckVaultOptions & { wholeReport: true }): Promise<CheckReport>;
export async function checkVault(folder: string, options: CheckVaultOptions): Promise<CheckFindings>;
export async function checkVault(folder: string, options: CheckVaultOptions): Promise<CheckFindings> {
  const { cacheFolder, wholeReport, ...loadOptions } = options;
  const scan = await scanVault(folder, loadOptions);
  const kept = cacheFolder === null ? null : await checkStateFile(folder, cacheFolder, version());
  if (kept && !wholeReport) {
    const stored = await openCheckState(kept.file, kept.header);
    // The same files as last time, of the same sizes and times: the findings are last time's.
    const same = stored?.findingsIfUnchanged(scan);
    if (same) return same;
    // Some notes changed, came or went: their findings are patched into the last ones.
    const run = stored?.lastRun();
    const edited = run ? await findingsAfterEdits(scan, run, cacheFolder) : null;
    if (edited) {
      await writePatchedState(kept.file, kept.header, edited.run, edited.patch);
      return edited.findings;
    }
  }
  const cache = cacheFolder === null ? undefined : await openDiskCache(folder, version(), cacheFolder);
  let vault: Vault;
  try {
    vault = await loadScanned(scan, { ...loadOptions, ...(cache ? { cache } : {}) });
  } finally {
    await cache?.save();
  }
  // Only JSON lists every note and link: a copy of them all is made only for it.
  const report = wholeReport ? checkReport(vault) : vaultFindings(vault);
  const state = kept && cache ? stateOf(scan, vault, cache, report) : null;
  if (kept && state) await writeCheckState(kept.file, kept.header, state, { findings: findingsPart(report), scanProblems: scan.problems });
  return report;
}

/** The state of a fully checked vault; null when a problem cannot be kept with its note. */
function stateOf(scan: ScanResult, vault: Vault, cache: DiskParseCache, report: CheckFindings): CheckState | null {
  const problemsOf = new Map<string, Problem[]>(vault.notes.map((note) => [note.path, []]));
  for (const problem of vault.problems.slice(scan.problems.length)) {
    const list = problemsOf.get(problem.path);
    if (!list) return null;
    list.push(problem);
  }
  const notePaths = vault.notes.map((note) => note.path);
  const placeOf = new Map([...notePaths, ...vault.attachments].map((path, place) => [path, place] as const));
  const hashes = scan.notes.map((file) => cache.hashOf?.(file, false) ?? null);
  let first = 0;
  const notes = vault.notes.map((note, i): NoteFacts => {
    const links = vault.links.slice(first, (first += note.links.length));
    return noteFacts(scan.notes[i] as VaultFile, hashes[i] ?? null, note, links, problemsOf.get(note.path) ?? [], placeOf);
  });
  const details = detailsGiven(vault.notes.map((note, i) => noteDetails(note, hashes[i] ?? null)));
  const names = lineGiven(vault.notes.map(looseNamesOf));
  const keys = lineGiven(fileKeysOf(notePaths, vault.attachments));
  return { notePaths, attachments: vault.attachments, suggestions: suggestionsOf(report.dangling), notes, names, keys, details };
}
