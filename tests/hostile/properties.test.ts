import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/parse/parseNote.js";
import { buildNameIndex } from "../../src/resolve/nameIndex.js";
import { resolveTarget } from "../../src/resolve/resolveTarget.js";
import type { VaultPath } from "../../src/types.js";

const path = (p: string) => p as VaultPath;
const markdownChars = fc.constantFrom(..."ab Z9\n\t[]|#!^`*_<>-+:/\\()%&.\"'".split(""), "[[", "]]", "```", "\r\n", "é", "😀");

describe("parsing never throws", () => {
  it("on random Markdown full of brackets, pipes, code marks and line endings", () => {
    fc.assert(
      fc.property(fc.array(markdownChars, { maxLength: 300 }), (parts) => {
        const { note } = parseNote(path("R.md"), parts.join(""));
        for (const link of note.links) {
          expect(link.line).toBeGreaterThanOrEqual(1);
          expect(link.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });
});

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,10}[A-Za-z0-9]$/);
const segment = fc.oneof(
  fc.record({ kind: fc.constant("word" as const), text: fc.stringMatching(/^[a-z]{1,8}$/) }),
  fc.record({ kind: fc.constant("link" as const), text: name }),
  fc.record({ kind: fc.constant("code" as const), text: name }),
);

describe("every wikilink outside code is found once, where it stands", () => {
  it("for random lines of words, links and code spans", () => {
    fc.assert(
      fc.property(fc.array(fc.array(segment, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (lines) => {
        const expected: { target: string; line: number; column: number }[] = [];
        const text = lines
          .map((segments, lineIndex) => {
            let column = 1;
            return segments
              .map((s, i) => {
                const piece = s.kind === "word" ? s.text : s.kind === "link" ? `[[${s.text}]]` : `\`[[${s.text}]]\``;
                if (i > 0) column += 1;
                if (s.kind === "link") expected.push({ target: s.text, line: lineIndex * 2 + 1, column });
                column += piece.length;
                return piece;
              })
              .join(" ");
          })
          .join("\n\n");
        const found = parseNote(path("P.md"), text).note.links.map(({ target, line, column }) => ({ target, line, column }));
        expect(found).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("resolution does not depend on case or Unicode normalization", () => {
  it("finds the same note however the link spells its name", () => {
    const letters = fc.constantFrom(..."abcdeé ñüXYZ".split(""));
    fc.assert(
      fc.property(fc.array(fc.array(letters, { minLength: 2, maxLength: 8 }).map((l) => l.join("").trim()), { minLength: 1, maxLength: 6 }), fc.nat(), fc.boolean(), (names, pick, nfd) => {
        const unique = [...new Set(names.filter((n) => n !== "").map((n) => n.normalize("NFC").toLowerCase()))];
        fc.pre(unique.length > 0);
        const notes = unique.map((n, i) => parseNote(path(`f${i}/${n}.md`), "").note);
        const index = buildNameIndex(notes, []);
        const target = unique[pick % unique.length] ?? "";
        const respelled = [...target].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join("");
        const written = nfd ? respelled.normalize("NFD") : respelled;
        const plain = resolveTarget({ target }, path("From.md"), index).resolved;
        expect(plain).not.toBeNull();
        expect(resolveTarget({ target: ` ${written} ` }, path("From.md"), index).resolved).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });
});
