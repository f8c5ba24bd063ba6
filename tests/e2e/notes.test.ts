import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { repoRoot, runCli } from "../helpers/cli.js";

describe("the sample vault notes/", async () => {
  const report = await check(`${repoRoot}/notes`);

  it("is a real vault: at least 35 notes and 150 links", () => {
    expect(report.stats.notes).toBeGreaterThanOrEqual(35);
    expect(report.stats.links).toBeGreaterThanOrEqual(150);
  });

  it("finds the topics left unwritten on purpose", () => {
    const missing = report.dangling.map((d) => d.target);
    expect(missing).toEqual(expect.arrayContaining(["Enclaves", "RDS", "Redshift", "Hadoop", "VPN", "Spark", "Kubernetes"]));
  });

  it("suggests the notes that near-miss links meant", () => {
    const suggestions = Object.fromEntries(report.dangling.map((d) => [d.target, d.suggestion]));
    expect(suggestions).toMatchObject({
      Firewall: "Security/Firewalls.md",
      "Disaster Recover": "Resilience/Disaster Recovery.md",
      "Security Group": "Security/Security Groups.md",
      Hadoop: null,
    });
  });

  it("resolves each link form the notes use", () => {
    expect(report.links.find((l) => l.alias === "Elastic Network Interface")).toMatchObject({ target: "ENI", resolved: "Networking/ENI.md" });
    const kinds = new Set(report.links.map((l) => l.kind));
    expect(kinds).toEqual(new Set(["wikilink", "embed", "markdown"]));
    expect(report.links.find((l) => l.block === "az-rule")).toMatchObject({ resolved: "Infrastructure/Availability Zones.md" });
    expect(report.links.find((l) => l.target === "ec2-host-layout.svg")).toMatchObject({ embed: true, resolved: "attachments/ec2-host-layout.svg" });
  });

  it("has exactly the broken anchor and orphan written on purpose", () => {
    expect(report.brokenAnchors.map((b) => `${b.source} ${b.anchor}`)).toEqual(["Compute/Instance Types.md Provisioned IOPS"]);
    expect(report.orphans).toEqual(["Inbox/Open Questions.md"]);
  });

  it("leaves out the folders Obsidian's settings exclude", () => {
    expect(report.notes.some((n) => n.path.startsWith("Templates/"))).toBe(false);
  });

  it("runs as npm start does: report printed, exit 0", () => {
    const result = runCli(["check", "notes", "--exit-zero"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("notes/Compute/EC2.md:37:3  dangling link [[Enclaves]]");
  });
});
