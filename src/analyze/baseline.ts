import { lookupKey } from "../keys.js";
import type { CheckFindings } from "./checkReport.js";

/**
 * Keeps only the findings that are new since a saved `check --format json` report, so a team can
 * adopt notegraph without fixing everything first. Findings are matched by what they are (note,
 * target, anchor), not by line, so edits elsewhere in a note do not make old findings new; a
 * note with more links to a missing topic than before gets the extra ones.
 */
export function newSinceBaseline<Report extends CheckFindings>(report: Report, baseline: CheckFindings): Report {
  const oldRefs = counter(baseline.dangling.flatMap((g) => g.references.map((r) => `${r.source}\u0000${lookupKey(g.target)}`)));
  const dangling = report.dangling
    .map((group) => ({ ...group, references: group.references.filter((r) => take(oldRefs, `${r.source}\u0000${lookupKey(group.target)}`)) }))
    .filter((group) => group.references.length > 0);
  const stillDangling = new Set(dangling.map((group) => lookupKey(group.target)));
  const oldAnchors = counter(baseline.brokenAnchors.map((b) => `${b.source}\u0000${lookupKey(b.target)}\u0000${b.kind}\u0000${b.anchor}`));
  const brokenAnchors = report.brokenAnchors.filter((b) => take(oldAnchors, `${b.source}\u0000${lookupKey(b.target)}\u0000${b.kind}\u0000${b.anchor}`));
  const oldAmbiguous = counter(baseline.ambiguous.map((a) => `${a.source}\u0000${lookupKey(a.target)}`));
  const ambiguous = report.ambiguous.filter((a) => take(oldAmbiguous, `${a.source}\u0000${lookupKey(a.target)}`));
  const oldOrphans = new Set(baseline.orphans);
  const orphans = report.orphans.filter((path) => !oldOrphans.has(path));
  const oldProblems = counter(baseline.problems.map((p) => `${p.path}\u0000${p.message}`));
  const problems = report.problems.filter((p) => take(oldProblems, `${p.path}\u0000${p.message}`));
  return {
    ...report,
    stats: {
      ...report.stats,
      dangling: dangling.length,
      danglingLinks: dangling.reduce((sum, g) => sum + g.references.length, 0),
      brokenAnchors: brokenAnchors.length,
      ambiguous: ambiguous.length,
      orphans: orphans.length,
      problems: problems.length,
    },
    dangling,
    wanted: report.wanted.filter((w) => stillDangling.has(lookupKey(w.target))),
    brokenAnchors,
    ambiguous,
    orphans,
    problems,
  };
}

function counter(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** True when the finding is new: the baseline has no unused finding with this key left. */
function take(counts: Map<string, number>, key: string): boolean {
  const left = counts.get(key) ?? 0;
  if (left === 0) return true;
  counts.set(key, left - 1);
  return false;
}
