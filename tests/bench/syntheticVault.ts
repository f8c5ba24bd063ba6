import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { seededRandom } from "../../src/random.js";

export interface SyntheticVaultOptions {
  notes: number;
  seed?: number;
  /** Links per note on average; default 5. */
  linksPerNote?: number;
}

const WORDS = "instance volume network zone region host image cluster storage pricing capacity policy queue service latency throughput snapshot replica gateway subnet kernel memory cache".split(" ");
const FOLDERS = ["Compute", "Storage", "Network", "Security", "Pricing", "Services", "Ops", "Data"];

/**
 * A deterministic vault of `notes` notes (same options, same bytes): folders, 1-3 KB notes,
 * headings, aliases, Zipf-like link popularity, every link form, and about 5% dangling links.
 */
export function writeSyntheticVault(root: string, options: SyntheticVaultOptions): { notes: number; links: number; bytes: number } {
  const random = seededRandom(options.seed ?? 1);
  const count = options.notes;
  const names = Array.from({ length: count }, (_, i) => `Topic ${i} ${WORDS[i % WORDS.length]}`);
  const paths = names.map((name, i) => `${FOLDERS[i % FOLDERS.length]}/${i % 7 === 0 ? "deep/" : ""}${name}.md`);
  const word = () => WORDS[Math.floor(random() * WORDS.length)] ?? "note";
  // Zipf-like: low indexes are linked far more often.
  const popular = () => Math.min(count - 1, Math.floor(Math.pow(random(), 2.2) * count));
  let links = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const lines = [`---`, `aliases: [${names[i]} alias]`, `tags: [${word()}, bench]`, `---`, `# ${names[i]}`, ""];
    const target = 1000 + Math.floor(random() * 2000);
    let size = 0;
    let section = 0;
    while (size < target) {
      if (size > section * 700) lines.push(`## Section ${++section}`, "");
      const sentence = Array.from({ length: 12 }, word).join(" ");
      let text = sentence;
      // About 24 sentences a note: this chance per sentence gives `linksPerNote` links a note.
      if (random() < (options.linksPerNote ?? 5) / 24) {
        text += ` ${linkFor(random, names, paths, popular())}`;
        links++;
      }
      lines.push(`${text}.`, "");
      size += text.length + 2;
    }
    lines.push(`Last line of ${names[i]}. ^end-${i}`);
    const content = lines.join("\n");
    const file = join(root, paths[i] ?? `n${i}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    bytes += Buffer.byteLength(content);
  }
  return { notes: count, links, bytes };
}

function linkFor(random: () => number, names: string[], paths: string[], index: number): string {
  const name = names[index] ?? "Nothing";
  const roll = random();
  if (roll < 0.05) return `[[Missing ${Math.floor(random() * 500)}]]`;
  if (roll < 0.6) return `[[${name}]]`;
  if (roll < 0.7) return `[[${name}|${name.toLowerCase()}]]`;
  if (roll < 0.78) return `[[${name}#Section 1]]`;
  if (roll < 0.83) return `[[${name}#^end-${index}]]`;
  if (roll < 0.88) return `![[${name}]]`;
  if (roll < 0.94) return `[[${(paths[index] ?? "").replace(/\.md$/, "")}]]`;
  return `[${name}](/${encodeURI(paths[index] ?? "")})`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1] ?? ""]));
  const out = args.get("--out") ?? "bench-vault";
  const result = writeSyntheticVault(out, { notes: Number(args.get("--notes") ?? 1000), seed: Number(args.get("--seed") ?? 1) });
  console.log(`${out}: ${result.notes} notes, ${result.links} links, ${(result.bytes / 1e6).toFixed(1)} MB`);
}
