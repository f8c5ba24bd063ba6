import { randomBytes } from "node:crypto";
import { readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";
import { NotegraphError } from "../errors.js";

/** Marks each export format carries, so a later export knows it may replace the file. */
const OWN_MARKS = ["notegraph"];

/**
 * Writes an export file atomically (temporary file, then rename). Refuses a path inside the vault,
 * and an existing file that is not an earlier notegraph export: nothing of the user's is replaced.
 */
export async function writeExportFile(out: string, vaultRoot: string, content: string, ownHeader?: string): Promise<void> {
  const target = resolve(out);
  const folder = await realpath(dirname(target)).catch(() => {
    throw new NotegraphError(`${out}: its folder does not exist`);
  });
  const inside = relative(vaultRoot, join(folder, basename(target)));
  if (!inside.startsWith("..") && !isAbsolute(inside)) throw new NotegraphError(`${out}: refusing to write an export inside the vault`);
  const existing = await readFile(target, "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? null : `\u0000${error.code}`));
  if (existing !== null) {
    const ours = OWN_MARKS.some((mark) => existing.slice(0, 4096).includes(mark)) || (ownHeader !== undefined && existing.startsWith(ownHeader));
    if (!ours) throw new NotegraphError(`${out}: exists and was not written by notegraph; refusing to replace it`);
  }
  const temporary = join(folder, `.${basename(target)}.notegraph-${randomBytes(4).toString("hex")}`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new NotegraphError(`${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
