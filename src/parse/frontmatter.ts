import { isScalar, parseDocument, visit } from "yaml";

/** What a note's YAML frontmatter says about it. */
export interface Frontmatter {
  title: string | null;
  aliases: string[];
  tags: string[];
  /** `[[…]]` found in string values, with offsets into the YAML text. */
  links: { inner: string; raw: string; offset: number }[];
  problems: string[];
}

const EMPTY: Frontmatter = { title: null, aliases: [], tags: [], links: [], problems: [] };

/** Reads title, aliases, tags and wikilinks (Obsidian properties such as `related: "[[Note]]"`). */
export function readFrontmatter(yamlText: string): Frontmatter {
  const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) return { ...EMPTY, problems: [`frontmatter is not valid YAML: ${firstLine(error.message)}`] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (caught) {
    return { ...EMPTY, problems: [`frontmatter cannot be read: ${firstLine((caught as Error).message)}`] };
  }
  if (data === null || data === undefined) return EMPTY;
  if (typeof data !== "object" || Array.isArray(data)) {
    return { ...EMPTY, problems: ["frontmatter is not a map of properties; ignored"] };
  }
  const fields = data as Record<string, unknown>;
  const problems: string[] = [];
  return {
    title: titleOf(fields.title, problems),
    aliases: textList(fields.aliases ?? fields.alias, "aliases", problems),
    tags: textList(fields.tags ?? fields.tag, "tags", problems)
      .flatMap((tag) => tag.split(/[\s,]+/))
      .map((tag) => tag.replace(/^#/, ""))
      .filter((tag) => tag !== ""),
    links: frontmatterLinks(doc, yamlText),
    problems,
  };
}

function titleOf(value: unknown, problems: string[]): string | null {
  if (typeof value === "string" || typeof value === "number") return String(value).trim() || null;
  if (value !== undefined && value !== null) problems.push(`frontmatter title: expected text, found ${describe(value)}; using the first heading or the file name`);
  return null;
}

/** A string, a number or a list of them; anything else is reported and dropped. */
function textList(value: unknown, field: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const texts: string[] = [];
  for (const item of items) {
    if (typeof item === "string" || typeof item === "number") texts.push(String(item).trim());
    else if (item !== null) problems.push(`frontmatter ${field}: expected text or a list of text, found ${describe(item)}`);
  }
  return texts.filter((text) => text !== "");
}

function frontmatterLinks(doc: ReturnType<typeof parseDocument>, yamlText: string): Frontmatter["links"] {
  const links: Frontmatter["links"] = [];
  // Most frontmatter links nowhere: its nodes are walked only when its text holds a `[[`.
  if (!yamlText.includes("[[")) return links;
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
      const [start, end] = node.range;
      const source = yamlText.slice(start, end);
      for (const match of source.matchAll(/!?\[\[([^[\]\r\n]+)\]\]/g)) {
        links.push({ inner: match[1] ?? "", raw: match[0], offset: start + (match.index ?? 0) });
      }
    },
  });
  return links;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  return typeof value === "object" ? "a map" : `a ${typeof value}`;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
