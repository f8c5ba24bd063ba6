import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { makeVault } from "../helpers/vault.js";

const dataOf = (html: string) => JSON.parse(/id="notegraph-data">(.*?)<\/script>/s.exec(html)?.[1] ?? "null");

describe("notegraph build", () => {
  it("writes index.html, prints the report and the page's path, and exits 0 with broken links", () => {
    const vault = makeVault({ "A.md": "[[B]] [[Missing]]", "B.md": "# B" });
    const out = join(makeVault({}), "public");
    const result = runCli(["build", vault, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("dangling link [[Missing]]");
    expect(result.stdout).toMatch(/Page written to .*public\/index.html/);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
    expect(dataOf(html).nodes.map((n: { key: string }) => n.key)).toEqual(["A.md", "B.md", "missing:missing"]);
  });

  it("gives the same bytes for the same vault", () => {
    const vault = makeVault({ "A.md": "[[B]] [[C]]", "B.md": "[[C]]", "C.md": "[[A]] [[Gone]]", "D.md": "" });
    const first = join(makeVault({}), "one");
    const second = join(makeVault({}), "two");
    runCli(["build", vault, "--out", first, "--quiet"]);
    runCli(["build", vault, "--out", second, "--quiet"]);
    expect(readFileSync(join(first, "index.html"), "utf8")).toBe(readFileSync(join(second, "index.html"), "utf8"));
  });

  it("builds a valid page for an empty vault and for one note", () => {
    for (const files of [{}, { "Only.md": "# Only" }]) {
      const out = join(makeVault({}), "site");
      expect(runCli(["build", makeVault(files), "--out", out, "--quiet"]).code).toBe(0);
      const data = dataOf(readFileSync(join(out, "index.html"), "utf8"));
      for (const node of data.nodes) expect([node.x, node.y, node.size].every(Number.isFinite)).toBe(true);
    }
  });

  it("refuses to write into the vault, with exit code 2 and one line", () => {
    const vault = makeVault({ "A.md": "" });
    const result = runCli(["build", vault, "--out", join(vault, "site")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^notegraph: .*refusing to write the page inside the vault/);
  });

  it("escapes note text so it cannot close the data script", () => {
    const vault = makeVault({ "X.md": "---\ntitle: \"</script><script>alert(1)</script>\"\n---\n" });
    const out = join(makeVault({}), "site");
    runCli(["build", vault, "--out", out, "--quiet"]);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(dataOf(html).nodes[0].label).toBe("</script><script>alert(1)</script>");
  });
});
