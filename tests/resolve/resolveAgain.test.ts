import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/parse/parseNote.js";
import { resolveLinks, resolveLinksAgain } from "../../src/resolve/resolveLinks.js";
import type { NoteRecord, VaultPath } from "../../src/types.js";

const names = ["A", "B", "sub/B", "C"];
const path = (name: string) => `${name}.md` as VaultPath;
const noteText = fc
  .record({
    headings: fc.subarray(["One", "Two"]),
    block: fc.boolean(),
    links: fc.array(fc.tuple(fc.constantFrom("A", "B", "sub/B", "C", "Gone", "pic.png", ""), fc.constantFrom("", "#One", "#Two", "#^x")), { maxLength: 4 }),
  })
  .map((n) => `${n.headings.map((h) => `## ${h}\n`).join("")}${n.links.map(([t, a]) => `[[${t}${a}]]`).join(" ")}\n${n.block ? "end ^x\n" : ""}`);

describe("links resolved again after an edit", () => {
  it("are the links resolved from scratch, whatever changed (property)", () => {
    fc.assert(
      fc.property(fc.array(noteText, { minLength: 4, maxLength: 4 }), fc.array(fc.option(noteText), { minLength: 4, maxLength: 4 }), fc.boolean(), (before, after, attachment) => {
        const attachments = attachment ? [path("pic").replace(/\.md$/, ".png") as VaultPath] : [];
        const first: NoteRecord[] = names.map((name, i) => parseNote(path(name), before[i] ?? "").note);
        // An unchanged note is the very same record, as a parse cache hands it back.
        const second = first.map((note, i) => {
          const edit = after[i];
          return edit === null || edit === undefined ? note : parseNote(note.path, edit).note;
        });
        const previous = { notes: first, attachments, links: resolveLinks(first, attachments) };
        expect(resolveLinksAgain(previous, second, attachments)).toEqual(resolveLinks(second, attachments));
      }),
      { numRuns: 200 },
    );
  });

  it("resolve every link again when a note is added", () => {
    const first = [parseNote(path("A"), "[[B]]").note];
    const second = [...first, parseNote(path("B"), "").note];
    const again = resolveLinksAgain({ notes: first, attachments: [], links: resolveLinks(first, []) }, second, []);
    expect(again.map((link) => link.resolved)).toEqual(["B.md"]);
  });
});
