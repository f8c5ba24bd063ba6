import { describe, expect, it } from "vitest";
import { loadVault } from "../../src/loadVault.js";
import type { ResolvedLink } from "../../src/types.js";
import { makeVault } from "../helpers/vault.js";

/** Resolves the links of `From.md` (or `source`) in a tiny vault. */
async function linksOf(files: Record<string, string>, source = "From.md"): Promise<ResolvedLink[]> {
  const vault = await loadVault(makeVault(files));
  return vault.links.filter((link) => link.source === source);
}

async function resolvedOf(files: Record<string, string>, source = "From.md"): Promise<(string | null)[]> {
  return (await linksOf(files, source)).map((link) => link.resolved);
}

describe("Obsidian's name rules", () => {
  it("matches a basename anywhere in the vault", async () => {
    expect(await resolvedOf({ "From.md": "[[EC2]]", "Compute/EC2.md": "" })).toEqual(["Compute/EC2.md"]);
  });

  it("ignores case and surrounding whitespace", async () => {
    expect(await resolvedOf({ "From.md": "[[ ec2 ]] [[EC2]] [[Ec2|x]]", "Compute/EC2.md": "" })).toEqual(Array(3).fill("Compute/EC2.md"));
  });

  it("treats .md as optional", async () => {
    expect(await resolvedOf({ "From.md": "[[Spot.md]] [[Spot]]", "Pricing/Spot.md": "" })).toEqual(["Pricing/Spot.md", "Pricing/Spot.md"]);
  });

  it("matches a file named in NFD from a link typed in NFC", async () => {
    const nfd = "Re\u0301sume\u0301.md";
    expect(await resolvedOf({ "From.md": "[[R\u00e9sum\u00e9]]", [nfd]: "" })).toEqual(["R\u00e9sum\u00e9.md"]);
  });

  it("matches a folder path from the root, and a partial path by its ending", async () => {
    const files = { "From.md": "[[Compute/EC2]] [[b/Note]] [[zz/Note]]", "Compute/EC2.md": "", "a/b/Note.md": "", "c/Note.md": "" };
    expect(await resolvedOf(files)).toEqual(["Compute/EC2.md", "a/b/Note.md", null]);
  });

  it("resolves ./ and ../ relative to the linking note", async () => {
    const files = { "dir/From.md": "[[./Near]] [[../Top]]", "dir/Near.md": "", "Top.md": "", "other/Near.md": "" };
    expect(await resolvedOf(files, "dir/From.md")).toEqual(["dir/Near.md", "Top.md"]);
  });

  it("does not resolve through a frontmatter alias", async () => {
    expect(await resolvedOf({ "From.md": "[[Elastic Block Store]]", "EBS.md": "---\naliases: [Elastic Block Store]\n---\n" })).toEqual([null]);
  });

  it("matches attachments by name with their extension", async () => {
    const files = { "From.md": "![[diagram.png]] [[paper.pdf]] ![[missing.png]]", "img/diagram.png": "x", "docs/paper.pdf": "x" };
    expect(await resolvedOf(files)).toEqual(["img/diagram.png", "docs/paper.pdf", null]);
  });

  it("prefers a note whose name has a dot over an attachment guess", async () => {
    expect(await resolvedOf({ "From.md": "[[v1.2]]", "Releases/v1.2.md": "" })).toEqual(["Releases/v1.2.md"]);
  });

  it("resolves [[#Heading]] to the note itself", async () => {
    expect(await resolvedOf({ "From.md": "# Top\n[[#Top]]" })).toEqual(["From.md"]);
  });
});

describe("Markdown links", () => {
  it("are URL-decoded and tried relative to the note's folder first", async () => {
    const files = { "dir/From.md": "[a](Note%20Name.md)", "dir/Note Name.md": "", "Note Name.md": "" };
    expect(await resolvedOf(files, "dir/From.md")).toEqual(["dir/Note Name.md"]);
  });

  it("then from the vault root", async () => {
    const files = { "dir/From.md": "[a](Storage/EBS.md)", "Storage/EBS.md": "" };
    expect(await resolvedOf(files, "dir/From.md")).toEqual(["Storage/EBS.md"]);
  });

  it("then by name anywhere", async () => {
    const files = { "dir/From.md": "[a](EBS.md) [b](EBS)", "Storage/EBS.md": "" };
    expect(await resolvedOf(files, "dir/From.md")).toEqual(["Storage/EBS.md", "Storage/EBS.md"]);
  });

  it("treat the fragment as a heading, compared like a wikilink heading", async () => {
    const [link] = await linksOf({ "From.md": "[a](EBS.md#volume%20TYPES)", "EBS.md": "## Volume types" });
    expect(link).toMatchObject({ resolved: "EBS.md", heading: "volume TYPES", brokenAnchor: null });
  });
});

describe("ambiguous names", () => {
  it("prefer the note in the linking note's folder", async () => {
    const files = { "b/From.md": "[[Templates]]", "a/Templates.md": "", "b/Templates.md": "" };
    const [link] = await linksOf(files, "b/From.md");
    expect(link).toMatchObject({ resolved: "b/Templates.md", candidates: ["a/Templates.md", "b/Templates.md"] });
  });

  it("else the shortest path", async () => {
    const files = { "From.md": "[[Templates]]", "deep/er/Templates.md": "", "x/Templates.md": "" };
    expect(await resolvedOf(files)).toEqual(["x/Templates.md"]);
  });

  it("else the first in path order", async () => {
    const files = { "From.md": "[[Templates]]", "b/Templates.md": "", "a/Templates.md": "" };
    expect(await resolvedOf(files)).toEqual(["a/Templates.md"]);
  });
});

describe("anchors", () => {
  const target = "# EBS\n## Volume types\n### SSD volumes\n## Snapshots\nA paragraph. ^keep-1\n";

  it.each([
    ["[[EBS#Volume types]]", null],
    ["[[EBS#volume TYPES]]", null],
    ["[[EBS#Volume types#SSD volumes]]", null],
    ["[[EBS#Snapshots#SSD volumes]]", "heading"],
    ["[[EBS#io3]]", "heading"],
    ["[[EBS#^keep-1]]", null],
    ["[[EBS#^KEEP-1]]", null],
    ["[[EBS#^gone]]", "block"],
  ])("%s is %s", async (link, broken) => {
    const [found] = await linksOf({ "From.md": link, "EBS.md": target });
    expect(found?.brokenAnchor).toBe(broken);
  });

  it("checks [[#Heading]] against the note's own headings", async () => {
    const found = await linksOf({ "From.md": "# Here\n[[#Here]] [[#Elsewhere]]" });
    expect(found.map((l) => l.brokenAnchor)).toEqual([null, "heading"]);
  });
});

describe("never outside the vault", () => {
  it.each(["[[../../etc/passwd]]", "[[../outside]]", "[[/../x]]", "[[%2e%2e/x]]", "[x](../../outside.md)", "[x](%2e%2e/outside.md)", "![[../../secret.png]]"])(
    "%s stays dangling",
    async (link) => {
      const files = { "vault/From.md": link, "outside.md": "", "vault/x.md": "" };
      const vault = await loadVault(`${makeVault(files)}/vault`);
      expect(vault.links.map((l) => l.resolved)).toEqual([null]);
    },
  );
});
