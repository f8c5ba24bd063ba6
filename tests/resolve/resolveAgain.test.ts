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

  it("are the links resolved from scratch when notes and attachments come and go (property)", () => {
    const pool = ["A", "B", "sub/B", "C", "sub/D", "D"];
    const target = fc.constantFrom("A", "B", "sub/B", "C", "D", "sub/D", "b", "Gone", "pic.png", "../C", "./B", "", "pic.png/x/..");
    const text = fc
      .record({
        heading: fc.boolean(),
        links: fc.array(fc.tuple(target, fc.constantFrom("", "#One")), { maxLength: 4 }),
        markdown: fc.constantFrom("", "[m](../C.md)", "[m](D.md)", "[m](sub/B.md#One)"),
      })
      .map((n) => `${n.heading ? "## One\n" : ""}${n.links.map(([t, a]) => `[[${t}${a}]]`).join(" ")} ${n.markdown}\n`);
    const files = fc.record({ notes: fc.subarray(pool), pic: fc.boolean() });
    fc.assert(
      fc.property(fc.array(text, { minLength: pool.length, maxLength: pool.length }), fc.array(fc.option(text), { minLength: pool.length, maxLength: pool.length }), files, files, (before, after, was, is) => {
        const notesOf = (present: string[], text: (i: number) => string) => pool.flatMap((name, i) => (present.includes(name) ? [parseNote(path(name), text(i)).note] : []));
        const attachmentsOf = (pic: boolean) => (pic ? ["pic.png" as VaultPath] : []);
        const first = notesOf(was.notes, (i) => before[i] ?? "").sort((a, b) => (a.path < b.path ? -1 : 1));
        // A note there before and not edited is the very same record, as a parse cache hands it back.
        const second = pool
          .flatMap((name, i) => {
            if (!is.notes.includes(name)) return [];
            const kept = first.find((note) => note.path === path(name));
            const edit = after[i];
            return [kept && (edit === null || edit === undefined) ? kept : parseNote(path(name), edit ?? before[i] ?? "").note];
          })
          .sort((a, b) => (a.path < b.path ? -1 : 1));
        const previous = { notes: first, attachments: attachmentsOf(was.pic), links: resolveLinks(first, attachmentsOf(was.pic)) };
        expect(resolveLinksAgain(previous, second, attachmentsOf(is.pic))).toEqual(resolveLinks(second, attachmentsOf(is.pic)));
      }),
      { numRuns: 300 },
    );
  });

  it("resolve a link again when a note of its name is added, and keep the rest", () => {
    const first = [parseNote(path("A"), "[[B]]").note, parseNote(path("C"), "[[A]]").note];
    const second = [first[0] as NoteRecord, parseNote(path("B"), "").note, first[1] as NoteRecord];
    const links = resolveLinks(first, []);
    const again = resolveLinksAgain({ notes: first, attachments: [], links }, second, []);
    expect(again.map((link) => link.resolved)).toEqual(["B.md", "A.md"]);
    expect(again[1]).toBe(links[1]);
  });

  it("resolve a path that climbs with .. again when a file comes, though its last part is not the file's name", () => {
    const notes = [parseNote(path("A"), "[[pic.png/x/..]]").note];
    const again = resolveLinksAgain({ notes, attachments: [], links: resolveLinks(notes, []) }, notes, ["pic.png" as VaultPath]);
    expect(again.map((link) => link.resolved)).toEqual(["pic.png"]);
  });
});
