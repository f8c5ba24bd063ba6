import { describe, expect, it } from "vitest";
import { checkReport, type CheckReport } from "../../src/analyze/checkReport.js";
import { jsonReport, jsonReportChunks } from "../../src/emit/jsonReport.js";
import { loadVault } from "../../src/loadVault.js";
import { inBatches, inPieces } from "../../src/pieces.js";
import { makeVault } from "../helpers/vault.js";

const whole = (report: unknown) => `${JSON.stringify(report, null, 2).replace(/</g, "\\u003c")}\n`;

describe("jsonReport", () => {
  it("streams, item by item, exactly the document JSON.stringify makes", async () => {
    const vault = makeVault({
      "A.md": "---\naliases: [Alpha]\ntags: [x]\n---\n# A </script><b>\n[[B#Nope]] [[Missing]] [[C]]",
      "B.md": "# B\n[[A]]",
      "C/C.md": "",
      "D/C.md": "",
    });
    const report = checkReport(await loadVault(vault));
    const chunks = [...jsonReportChunks(report)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join("")).toBe(whole(report));
    expect(jsonReport(report)).not.toContain("</script>");
  });

  it("matches on an empty vault, and leaves out undefined fields as JSON.stringify does", async () => {
    const report = checkReport(await loadVault(makeVault({})));
    expect(jsonReport(report)).toBe(whole(report));
    const partial = { ...report, notes: undefined } as unknown as CheckReport;
    expect(jsonReport(partial)).toBe(whole(partial));
  });
});

describe("inPieces", () => {
  it("joins small strings into pieces of at least the size asked, the last one shorter, nothing lost", () => {
    const chunks = Array.from({ length: 100 }, (_, i) => "x".repeat(i % 7));
    const pieces = [...inPieces(chunks, 20)];
    expect(pieces.join("")).toBe(chunks.join(""));
    expect(pieces.slice(0, -1).every((piece) => piece.length >= 20 && piece.length < 27)).toBe(true);
    expect([...inPieces([])]).toEqual([]);
  });

  it("batches text and bytes alike for one writev each (a kept line per note is not one write each)", () => {
    const chunks = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? "é".repeat(i % 5) : Buffer.from("y".repeat(i % 7))));
    const batches = [...inBatches(chunks, 20)];
    const bytes = (batch: Uint8Array[]) => batch.reduce((sum, piece) => sum + piece.length, 0);
    expect(Buffer.concat(batches.flat()).toString()).toBe(chunks.map((c) => c.toString()).join(""));
    expect(batches.slice(0, -1).every((batch) => bytes(batch) >= 20 && bytes(batch) < 28)).toBe(true);
    expect(batches.length).toBeLessThan(chunks.length / 4);
    expect([...inBatches(chunks, 1 << 20, 3)].every((batch) => batch.length <= 3)).toBe(true);
  });

  it("writes views that continue one another in the same memory as one view of it, never a copy", () => {
    // Memory of its own, as a state file read whole is (small buffers share Node's pool).
    const file = Buffer.from(new TextEncoder().encode("line one\nline two\nline three\n").buffer);
    // Lines of one file, in order but for a gap and a line made anew, as the check state writes its kept lines.
    const chunks = [file.subarray(0, 9), file.subarray(9, 18), "made\n", file.subarray(18, 29), file.subarray(0, 9)];
    const [batch, ...more] = [...inBatches(chunks, 1 << 20)];
    expect(more).toEqual([]);
    expect(Buffer.concat(batch ?? []).toString()).toBe("line one\nline two\nmade\nline three\nline one\n");
    expect(batch?.map((piece) => [piece.buffer === file.buffer, piece.length])).toEqual([[true, 18], [false, 5], [true, 11], [true, 9]]);
  });
});
