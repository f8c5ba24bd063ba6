import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("notegraph report", () => {
  it("prints every section for people", () => {
    const result = runCli(["report", "notes"]);
    expect(result.code).toBe(0);
    for (const title of ["Wanted topics", "Near misses", "Unlinked mentions", "Suggested links", "Topic clusters", "Bridge notes", "Orphans", "Dead ends", "Stubs"]) {
      expect(result.stdout).toContain(`${title}:`);
    }
    expect(result.stdout).toContain("Firewall → Firewalls (1 link)");
  });

  it("prints Markdown for a wiki page or a pull request", () => {
    const result = runCli(["report", "notes", "--format", "md"]);
    expect(result.stdout).toMatch(/^# Coverage of notes\n/);
    expect(result.stdout).toContain("## Wanted topics");
    expect(result.stdout).toContain("- **Auto Scaling**: 3 notes");
  });

  it("prints JSON with the same findings", () => {
    const report = JSON.parse(runCli(["report", "notes", "--format", "json"]).stdout);
    expect(report.wanted[0]).toMatchObject({ target: "Auto Scaling", count: 3 });
    expect(report.nearMisses).toContainEqual({ target: "Firewall", suggestion: "Security/Firewalls.md", references: 1 });
    expect(report.bridges[0].path).toBe("Compute/EC2.md");
  });
});
