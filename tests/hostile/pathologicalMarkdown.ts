/**
 * Markdown that made parsers slow (markdown-it, comrak, pulldown-cmark, md4c, cmark's own
 * pathological tests), each as a generator of `n` repeats, with the size the issue names and the
 * links a reader finds in it. Shared by tests/hostile/markdown.test.ts and `npm run bench:hostile`.
 */
export interface PathologicalCase {
  name: string;
  make: (n: number) => string;
  /** The size to test and benchmark at. */
  n: number;
  /** How many links the note holds at size `n`. */
  links: (n: number) => number;
}

const none = (): number => 0;
const repeat = (unit: string) => (n: number) => unit.repeat(n);
const lines = (line: (i: number) => string) => (n: number) => Array.from({ length: n }, (_, i) => line(i)).join("\n");

export const PATHOLOGICAL_CASES: PathologicalCase[] = [
  { name: "2,000-deep blockquote", make: (n) => `${"> ".repeat(n)}[[A]]`, n: 2_000, links: () => 1 },
  { name: "blockquote lines, each one deeper", make: lines((i) => `${">".repeat(i + 1)} [[A${i}]]`), n: 2_000, links: (n) => n },
  { name: "10,000-deep list", make: (n) => `${"- ".repeat(n)}[[A]]`, n: 10_000, links: () => 1 },
  { name: "list lines, each one deeper", make: lines((i) => `${"  ".repeat(i)}- [[A${i}]]`), n: 2_000, links: (n) => n },
  { name: '"[a](<b" x 50,000', make: repeat("[a](<b"), n: 50_000, links: none },
  { name: '"<" x 200,000', make: repeat("<"), n: 200_000, links: none },
  { name: '"a***" x 20,000', make: repeat("a***"), n: 20_000, links: none },
  { name: '"]([\\n" x 50,000', make: repeat("]([\n"), n: 50_000, links: none },
  { name: '"[[" x 100,000', make: repeat("[["), n: 100_000, links: none },
  { name: '"[" x 100,000', make: repeat("["), n: 100_000, links: none },
  { name: '"[[a|" x 20,000', make: repeat("[[a|"), n: 20_000, links: none },
  { name: "a 2 MB line with links", make: repeat("word [[Link]] "), n: 150_000, links: (n) => n },
  { name: "20,000 links in one paragraph", make: lines((i) => `[[N${i}]] and [m${i}](M${i}.md)`), n: 10_000, links: (n) => 2 * n },
  { name: '"[[a|]] [[|b]] [[]]" x 10,000', make: repeat("[[a|]] [[|b]] [[]] "), n: 10_000, links: (n) => n },
  { name: "an unclosed fence", make: (n) => `\`\`\`\n${"x [[a]]\n".repeat(n)}`, n: 100_000, links: none },
  { name: "emphasis closers without openers", make: repeat("a_ "), n: 50_000, links: none },
  { name: "mismatched emphasis", make: repeat("*a_ "), n: 50_000, links: none },
  { name: "emphasis, multiple of 3", make: (n) => `a**b${"c* ".repeat(n)}`, n: 50_000, links: none },
  { name: "link openers and emphasis closers", make: repeat("[ a_"), n: 50_000, links: none },
  { name: "link openers with parentheses", make: repeat("[ (]("), n: 50_000, links: none },
  { name: "unclosed links", make: repeat("[a](b"), n: 50_000, links: none },
  { name: "nested brackets", make: (n) => `${"[".repeat(n)}a${"]".repeat(n)}`, n: 50_000, links: () => 1 },
  { name: "link closers without openers", make: repeat("a]"), n: 50_000, links: none },
  { name: "unclosed HTML comments", make: (n) => `</${"<!--".repeat(n)}`, n: 50_000, links: none },
  { name: "reference definitions on one line", make: repeat("[x]: "), n: 50_000, links: none },
  { name: "unclosed footnote references", make: repeat("[^a"), n: 50_000, links: none },
];
