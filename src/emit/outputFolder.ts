import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { NotegraphError } from "../errors.js";

/** Lists what notegraph wrote into an output folder, so its own files are told from a user's. */
export const MANIFEST = ".notegraph-manifest.json";

interface Manifest {
  tool: "notegraph";
  files: string[];
}

/**
 * Writes a whole output folder at once: into a temporary sibling, then renamed into place, so an
 * interrupted build never leaves half a page or loses the previous one. Refuses the vault, any
 * folder inside it, a file, and a folder holding anything notegraph did not write.
 */
export async function writeOutputFolder(out: string, vaultRoot: string, files: Record<string, string>): Promise<string> {
  const target = resolve(out);
  await refuseInsideVault(target, vaultRoot, out);
  const parent = dirname(target);
  await recoverInterruptedBuilds(parent, target);
  const previous = await ownedFolder(target, out);
  await mkdir(parent, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new NotegraphError(`${out}: cannot create its parent folder (${error.code ?? error.message})`);
  });
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = join(parent, `.${basename(target)}.notegraph-new-${suffix}`);
  try {
    await mkdir(staging);
    for (const [name, content] of Object.entries(files)) await writeFile(join(staging, name), content);
    const manifest: Manifest = { tool: "notegraph", files: Object.keys(files).sort() };
    await writeFile(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapIn(staging, target, previous, join(parent, `.${basename(target)}.notegraph-old-${suffix}`));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof NotegraphError) throw error;
    throw new NotegraphError(`${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return target;
}

async function swapIn(staging: string, target: string, previous: boolean, old: string): Promise<void> {
  if (!previous) {
    await rename(staging, target);
    return;
  }
  await rename(target, old);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(old, target);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

/**
 * A build killed mid-write (SIGKILL, a crash, power loss) leaves its staging folder, or, in the
 * instant between the two renames, the previous page under its "old" name. Both carry the pid
 * of their build; once that process is gone, the staging folder is removed and the previous
 * page put back if nothing took its place.
 */
async function recoverInterruptedBuilds(parent: string, target: string): Promise<void> {
  const leftover = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.notegraph-(new|old)-(\\d+)-[0-9a-f]{8}$`);
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const name of entries.sort()) {
    const match = leftover.exec(name);
    if (!match || isRunning(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === "old" && !(await exists(target))) await rename(path, target);
    else await rm(path, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function refuseInsideVault(target: string, vaultRoot: string, out: string): Promise<void> {
  const real = await realpathOfExisting(target);
  const rel = relative(vaultRoot, real);
  if (rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel))) {
    throw new NotegraphError(`${out}: refusing to write the page inside the vault; choose a folder outside it`);
  }
}

/** True when the folder exists and holds only what an earlier build wrote. */
async function ownedFolder(target: string, out: string): Promise<boolean> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return false;
  }
  if (!info.isDirectory()) throw new NotegraphError(`${out}: is a file, not a folder; refusing to replace it`);
  const entries = await readdir(target);
  if (entries.length === 0) return true;
  const manifest = await readManifest(join(target, MANIFEST));
  const foreign = entries.filter((name) => name !== MANIFEST && !manifest?.files.includes(name));
  if (manifest === null || foreign.length > 0) {
    const shown = (manifest === null ? entries : foreign).slice(0, 3).join(", ");
    throw new NotegraphError(`${out}: holds files notegraph did not write (${shown}); refusing to replace it. Choose an empty or new folder`);
  }
  return true;
}

async function readManifest(path: string): Promise<Manifest | null> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<Manifest>;
    return parsed.tool === "notegraph" && Array.isArray(parsed.files) ? (parsed as Manifest) : null;
  } catch {
    return null;
  }
}

/** The real path of a path that may not exist yet: its nearest existing ancestor, resolved. */
async function realpathOfExisting(path: string): Promise<string> {
  let missing = "";
  for (let current = path; ; current = dirname(current)) {
    try {
      return join(await realpath(current), missing);
    } catch {
      if (dirname(current) === current) return path;
      missing = join(basename(current), missing);
    }
  }
}
