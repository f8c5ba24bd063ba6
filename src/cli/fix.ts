import { join } from "node:path";
import { styleText } from "node:util";
import { checkReport } from "../analyze/checkReport.js";
import { previewFix, writeFix, type FixedText } from "../fix/applyFix.js";
import { nearMissFixes } from "../fix/planFixes.js";
import { parseVaultArgs, useColor, vaultFolderArg, vaultOptionsHelp } from "./args.js";
import { loadVaultWithFlags } from "./load.js";

export const fixHelp = `Usage: notegraph fix [vault] [options]

Shows how near-miss links would be rewritten to the note they almost name, as a diff:
[[Firewall]] becomes [[Firewalls|Firewall]], so readers see the same text. A dry run
unless --write is given. The only notegraph command that edits notes.

Options:
  --write          apply the rewrites: each note is written atomically (a temporary file,
                   then renamed), keeping its encoding and line endings; nothing else changes
  --no-color       no colour
${vaultOptionsHelp(19)}
`;

export async function runFix(args: string[]): Promise<number> {
  const parsed = parseVaultArgs("fix", args, {
    write: { type: "boolean" },
    "no-color": { type: "boolean" },
  });
  const vaultArgument = vaultFolderArg("fix", fixHelp, parsed);
  if (vaultArgument === null) return 0;
  const { values } = parsed;
  const vault = await loadVaultWithFlags(vaultArgument, values);
  const color = useColor(process.stdout, values["no-color"]);
  const paint = (style: "red" | "green" | "bold", text: string) => (color ? styleText(style, text) : text);
  let links = 0;
  let notes = 0;
  let failed = 0;
  for (const fix of nearMissFixes(checkReport(vault))) {
    const shown = join(vaultArgument, fix.path);
    let result: FixedText;
    try {
      result = values.write ? await writeFix(join(vault.root, fix.path), fix.edits) : await previewFix(join(vault.root, fix.path), fix.edits);
    } catch (error) {
      process.stderr.write(`notegraph: ${shown}: ${(error as Error).message}\n`);
      failed++;
      continue;
    }
    notes++;
    links += fix.edits.length;
    process.stdout.write(`${paint("bold", `--- ${shown}`)}\n${paint("bold", `+++ ${shown}`)}\n`);
    for (const change of result.changes) {
      process.stdout.write(`@@ line ${change.line} @@\n${paint("red", `-${change.before}`)}\n${paint("green", `+${change.after}`)}\n`);
    }
  }
  const counts = `${links} link${links === 1 ? "" : "s"} in ${notes} note${notes === 1 ? "" : "s"}`;
  if (links === 0 && failed === 0) process.stdout.write("No near-miss links to fix.\n");
  else if (values.write) process.stdout.write(`Fixed ${counts}.\n`);
  else process.stdout.write(`${counts} would change. Run with --write to apply.\n`);
  return failed > 0 ? 2 : 0;
}
