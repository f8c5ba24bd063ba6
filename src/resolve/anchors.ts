import { headingKey } from "../keys.js";
import type { Heading, LinkRecord } from "../types.js";
import type { NoteAnchors } from "./nameIndex.js";

type HeadingName = Pick<Heading, "depth" | "text">;

/** Whether links into a note check their anchors as before: the same headings (depth and text) and block ids. */
export function sameAnchors(before: Pick<NoteAnchors, "headings" | "blockIds">, after: Pick<NoteAnchors, "headings" | "blockIds">): boolean {
  const same = <T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean) => a.length === b.length && a.every((x, i) => equal(x, b[i] as T));
  return same(before.headings, after.headings, (x, y) => x.depth === y.depth && x.text === y.text) && same(before.blockIds, after.blockIds, (x, y) => x === y);
}

/** Whether a link's `#Heading#Sub` or `#^block` exists in the note it resolved to. */
export function brokenAnchor(link: Pick<LinkRecord, "heading" | "block">, note: NoteAnchors): "heading" | "block" | null {
  if (link.block !== null) {
    const wanted = link.block.toLowerCase();
    return note.blockIds.some((id) => id.toLowerCase() === wanted) ? null : "block";
  }
  if (link.heading !== null) return findHeadingPath(note.headings, link.heading.split("#")) ? null : "heading";
  return null;
}

/** `A#B`: a heading B inside the section of a heading A, as Obsidian nests them. */
function findHeadingPath(headings: readonly HeadingName[], path: readonly string[]): boolean {
  const keys = path.map(headingKey).filter((key) => key !== "");
  if (keys.length === 0) return true;
  return searchSection(headings, 0, headings.length, keys);
}

function searchSection(headings: readonly HeadingName[], from: number, to: number, keys: readonly string[]): boolean {
  const [first, ...rest] = keys;
  for (let i = from; i < to; i++) {
    const heading = headings[i];
    if (!heading || headingKey(heading.text) !== first) continue;
    if (rest.length === 0) return true;
    if (searchSection(headings, i + 1, sectionEnd(headings, i, to), rest)) return true;
  }
  return false;
}

function sectionEnd(headings: readonly HeadingName[], start: number, limit: number): number {
  const depth = headings[start]?.depth ?? 0;
  let end = start + 1;
  while (end < limit && (headings[end]?.depth ?? 0) > depth) end++;
  return end;
}
