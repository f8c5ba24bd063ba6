import { loadVault, type LoadOptions } from "../loadVault.js";
import type { Vault } from "../types.js";
import { parseCacheFor } from "./args.js";
import { progressLine, wantsProgress, type ProgressLine } from "./progress.js";

export interface VaultFlags {
  ignore?: string[] | undefined;
  cache?: string | undefined;
  "no-cache"?: boolean | undefined;
}

/** Loads the vault as the shared flags say (`--ignore`, `--cache`, `--no-cache`), then saves the cache. */
export async function loadVaultWithFlags(vaultArgument: string, flags: VaultFlags, options: LoadOptions = {}): Promise<Vault> {
  const cache = await parseCacheFor(vaultArgument, flags);
  const progress = progressOnStderr();
  try {
    return await loadVault(vaultArgument, { ...options, ...readProgress(progress), ignore: flags.ignore ?? [], ...(cache ? { cache } : {}) });
  } finally {
    progress?.finish();
    await cache?.save();
  }
}

/** A progress line on stderr when a person is watching it, else null. */
export function progressOnStderr(): ProgressLine | null {
  return wantsProgress(process.stderr, process.env) ? progressLine((text) => process.stderr.write(text)) : null;
}

export function readProgress(progress: ProgressLine | null): Pick<LoadOptions, "onProgress"> {
  return progress ? { onProgress: (done, total) => progress.update("reading notes", done, total) } : {};
}
