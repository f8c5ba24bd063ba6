import type { CoverageReport } from "../analyze/coverageReport.js";
import { baseName, stripMd } from "../keys.js";

export interface Section {
  title: string;
  /** Why the section matters, in one line. */
  note: string;
  items: string[];
}

type Quote = (name: string) => string;

/** The report as titled lists; `quote` marks note names (plain text, or Markdown-escaped). */
export function coverageSections(report: CoverageReport, quote: Quote, limit = 15): Section[] {
  const name = (path: string) => quote(stripMd(baseName(path)));
  const more = (items: string[], total: number) => (total > items.length ? [...items, `… and ${total - items.length} more`] : items);
  const section = (title: string, note: string, all: string[]): Section => ({ title, note, items: more(all.slice(0, limit), all.length) });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [
    section("Wanted topics", "missing notes, by how many notes link to them: what to write next",
      report.wanted.map((w) => `${quote(w.target)}: ${plural(w.count, "note")} (${w.sources.slice(0, 4).map(name).join(", ")}${w.sources.length > 4 ? ", …" : ""})`)),
    section("Near misses", "links that almost name an existing note: `notegraph fix` rewrites them",
      report.nearMisses.map((m) => `${quote(m.target)} → ${name(m.suggestion)} (${plural(m.references, "link")})`)),
    section("Unlinked mentions", "notes named in text without a link",
      report.unlinkedMentions.map((m) => `${name(m.source)} mentions ${name(m.target)} ("${m.text}", line ${m.line}${m.count > 1 ? `, ${m.count} times` : ""})`)),
    section("Suggested links", "notes that share neighbours but do not link",
      report.suggestedLinks.map((s) => `${name(s.source)} ↔ ${name(s.target)}: ${s.reason}`)),
    section("Topic clusters", "groups of closely linked notes, named by their most central note",
      report.clusters.map((c) => `${quote(c.name)}: ${plural(c.notes.length, "note")}, ${plural(c.missing.length, "missing topic")}, links ${c.internalLinks} inside / ${c.externalLinks} out${c.missing.length ? ` (missing: ${c.missing.slice(0, 5).map(quote).join(", ")}${c.missing.length > 5 ? ", …" : ""})` : ""}`)),
    section("Bridge notes", "notes that connect parts of the vault (betweenness)",
      report.bridges.map((b) => `${name(b.path)} (${b.score.toFixed(3)})`)),
    section("Orphans", "notes with no links in or out", report.orphans.map(name)),
    section("Dead ends", "notes that link nowhere", report.deadEnds.map(name)),
    section("Stubs", "very short notes", report.stubs.map((s) => `${name(s.path)} (${plural(s.words, "word")})`)),
  ];
}

/** The coverage report for a terminal. */
export function coverageText(report: CoverageReport): string {
  const { stats } = report;
  const lines = [
    `${stats.notes} notes, ${stats.links} links, ${stats.dangling} missing topics, ${stats.orphans} orphans, ${stats.clusters} topic clusters`,
  ];
  for (const section of coverageSections(report, (n) => n)) {
    lines.push("", `${section.title}: ${section.note}`);
    lines.push(...(section.items.length > 0 ? section.items.map((item) => `  ${item}`) : ["  none"]));
  }
  return `${lines.join("\n")}\n`;
}

/** The coverage report as Markdown, for a wiki page or a pull-request comment. */
export function coverageMarkdown(report: CoverageReport, title = "Notes coverage"): string {
  const { stats } = report;
  const lines = [
    `# ${escapeMarkdown(title)}`,
    "",
    "| notes | links | missing topics | orphans | clusters | stubs |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    `| ${stats.notes} | ${stats.links} | ${stats.dangling} | ${stats.orphans} | ${stats.clusters} | ${stats.stubs} |`,
  ];
  for (const section of coverageSections(report, (n) => `**${escapeMarkdown(n)}**`)) {
    lines.push("", `## ${section.title}`, "", `_${section.note}_`, "");
    lines.push(...(section.items.length > 0 ? section.items.map((item) => `- ${item}`) : ["None."]));
  }
  return `${lines.join("\n")}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}
