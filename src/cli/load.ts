import { loadVault, type LoadOptions } from "../loadVault.js";
import type { Vault } from "../types.js";
import { parseCacheFor } from "./args.js";

export interface VaultFlags {
  ignore?: string[] | undefined;
  cache?: string | undefined;
  "no-cache"?: boolean | undefined;
}

/** Loads the vault as the shared flags say (`--ignore`, `--cache`, `--no-cache`), then saves the cache. */
export async function loadVaultWithFlags(vaultArgument: string, flags: VaultFlags, options: LoadOptions = {}): Promise<Vault> {
  const cache = await parseCacheFor(vaultArgument, flags);
  const vault = await loadVault(vaultArgument, { ...options, ignore: flags.ignore ?? [], ...(cache ? { cache } : {}) });
  await cache?.save();
  return vault;
}
