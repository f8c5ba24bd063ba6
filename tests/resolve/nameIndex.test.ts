import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileKeysOf, pathIndexFromKeys, pathIndexOf, type PathIndex } from "../../src/resolve/nameIndex.js";
import { parseNote } from "../../src/parse/parseNote.js";
import { resolveNoteLinks } from "../../src/resolve/resolveLinks.js";
import type { VaultPath } from "../../src/types.js";

describe("the path index from kept keys", () => {
  it("answers every lookup, by reading the keys and then by its own map, and resolves links, as the maps do (property)", () => {
    // Names that collide by case, by folder, by extension, and in NFC.
    const name = fc.constantFrom("EC2", "ec2", "Ec2", "EBS", "e\u0301", "\u00e9", " Pad ", "map.png", "Map");
    const folder = fc.constantFrom("", "Sub/", "sub/", "Deep/Sub/");
    const path = fc.tuple(folder, name, fc.constantFrom(".md", ".MD", ".png", "")).map(([f, n, ext]) => `${f}${n}${ext}` as VaultPath);
    const paths = fc.uniqueArray(path, { maxLength: 12 });
    const link = fc.tuple(fc.constantFrom("", "Sub/", "/sub/", "../", "./"), name, fc.constantFrom("", ".md", ".png")).map(([f, n, ext]) => `[[${f}${n}${ext}]] [${n}](${f}${encodeURI(n)}${ext})`);
    fc.assert(
      fc.property(paths, fc.array(link, { maxLength: 6 }), (all, links) => {
        const notes = all.filter((p) => /\.md$/i.test(p));
        const attachments = all.filter((p) => !/\.md$/i.test(p));
        const maps = pathIndexOf(notes, attachments);
        const kept = pathIndexFromKeys(notes, attachments, fileKeysOf(notes, attachments));
        const keys = fileKeysOf(notes, attachments);
        // Twice over: the first lookups read every key, those past SCANS_BEFORE_MAP use a map made of them.
        const asked = [...keys.noteNames, ...keys.notePaths, ...keys.attachmentNames, ...keys.attachmentPaths, "nothing"] as never[];
        for (const key of [...asked, ...asked]) {
          for (const part of ["notesByName", "notesByPath", "attachmentsByName", "attachmentsByPath"] as (keyof PathIndex)[]) {
            expect(kept[part].get(key), `${part} ${key}`).toEqual(maps[part].get(key));
          }
        }
        const note = parseNote("Sub/Source.md" as VaultPath, links.join("\n"));
        const anchorsOf = () => undefined;
        expect(resolveNoteLinks(note.note, { ...kept, anchorsOf })).toEqual(resolveNoteLinks(note.note, { ...maps, anchorsOf }));
      }),
      { numRuns: 300 },
    );
  });
});
