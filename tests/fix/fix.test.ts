import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/fix/applyFix.js";
import { linkName, rewriteWikiLink } from "../../src/fix/planFixes.js";
import type { VaultPath } from "../../src/types.js";
import { runCli } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

describe("rewriteWikiLink keeps the text the reader sees", () => {
  it.each([
    ["[[Firewall]]", "[[Firewalls|Firewall]]"],
    ["[[ Disaster Recover ]]", "[[Disaster Recovery|Disaster Recover]]"],
    ["[[Firewall|the firewall]]", "[[Firewalls|the firewall]]"],
    ["[[Firewall#Rules]]", "[[Firewalls#Rules|Firewall#Rules]]"],
    ["![[Firewall]]", "![[Firewalls]]"],
    ["[[Firewall\\|in a table]]", "[[Firewalls\\|in a table]]"],
  ])("%s -> %s", (raw, expected) => {
    const name = expected.includes("Disaster") ? "Disaster Recovery" : "Firewalls";
    expect(rewriteWikiLink(raw, name)).toBe(expected);
  });

  it("leaves Markdown links alone", () => {
    expect(rewriteWikiLink("[x](Firewall.md)", "Firewalls")).toBeNull();
  });

  it("links by path only when the file name is shared", () => {
    const notes = ["a/Firewalls.md", "b/Firewalls.md", "c/Other.md"] as VaultPath[];
    expect(linkName("a/Firewalls.md" as VaultPath, notes)).toBe("a/Firewalls");
    expect(linkName("c/Other.md" as VaultPath, notes)).toBe("Other");
  });
});

describe("applyEdits", () => {
  it("edits only where the link still stands as read", () => {
    const edit = { line: 2, column: 3, raw: "[[A]]", replacement: "[[B|A]]" };
    expect(applyEdits("x\r\nx [[A]] y\r\n", [edit])?.text).toBe("x\r\nx [[B|A]] y\r\n");
    expect(applyEdits("x\nchanged\n", [edit])).toBeNull();
  });
});

describe("notegraph fix", () => {
  const files = () => ({
    "Firewalls.md": "# Firewalls",
    "Disaster Recovery.md": "# DR",
    "Notes.md": "Intro\r\nSee [[Firewall]] and [[Hadoop]].\r\n| a |\r\n| --- |\r\n| [[Firewall\\|fw]] |\r\n[[ Disaster Recover ]] [x](Firewall.md)\r\n",
    "Other.md": "nothing to fix, [[Firewalls]]",
  });

  it("shows the rewrite as a diff and changes nothing without --write", () => {
    const vault = makeVault(files());
    const before = readFileSync(join(vault, "Notes.md"), "utf8");
    const result = runCli(["fix", vault]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("-See [[Firewall]] and [[Hadoop]].");
    expect(result.stdout).toContain("+See [[Firewalls|Firewall]] and [[Hadoop]].");
    expect(result.stdout).toContain("3 links in 1 note would change. Run with --write to apply.");
    expect(readFileSync(join(vault, "Notes.md"), "utf8")).toBe(before);
  });

  it("--write changes exactly the near-miss links and nothing else", () => {
    const vault = makeVault(files());
    const otherBefore = statSync(join(vault, "Other.md")).mtimeMs;
    const result = runCli(["fix", vault, "--write"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Fixed 3 links in 1 note.");
    expect(readFileSync(join(vault, "Notes.md"), "utf8")).toBe(
      "Intro\r\nSee [[Firewalls|Firewall]] and [[Hadoop]].\r\n| a |\r\n| --- |\r\n| [[Firewalls\\|fw]] |\r\n[[Disaster Recovery|Disaster Recover]] [x](Firewall.md)\r\n",
    );
    expect(statSync(join(vault, "Other.md")).mtimeMs).toBe(otherBefore);
    expect(readdirSync(vault).sort()).toEqual(["Disaster Recovery.md", "Firewalls.md", "Notes.md", "Other.md"]);
    expect(runCli(["fix", vault]).stdout).toBe("No near-miss links to fix.\n");
  });

  it("keeps a UTF-8 byte-order mark and UTF-16", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("[[Firewall]]\n", "utf16le")]);
    const vault = makeVault({ "Firewalls.md": "", "Bom.md": "\uFEFF[[Firewall]]\n", "Wide.md": utf16 });
    runCli(["fix", vault, "--write"]);
    expect(readFileSync(join(vault, "Bom.md"))).toEqual(Buffer.from("\uFEFF[[Firewalls|Firewall]]\n"));
    expect(readFileSync(join(vault, "Wide.md"))).toEqual(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("[[Firewalls|Firewall]]\n", "utf16le")]));
  });

  it("does not touch a note with invalid UTF-8, and says so", () => {
    const bad = Buffer.concat([Buffer.from("[[Firewall]] "), Buffer.from([0xff])]);
    const vault = makeVault({ "Firewalls.md": "", "Bad.md": bad });
    const result = runCli(["fix", vault, "--write"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Bad.md: not valid UTF-8.*left unchanged/);
    expect(readFileSync(join(vault, "Bad.md"))).toEqual(bad);
  });

});
