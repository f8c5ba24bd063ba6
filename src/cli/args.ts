import { parseArgs, type ParseArgsConfig } from "node:util";
import { NotegraphError } from "../errors.js";
import { defaultCacheFolder } from "../cacheFiles.js";
import { openDiskCache, type DiskParseCache } from "../parse/diskParseCache.js";
import { version } from "../version.js";

/** A wrong flag or argument: exit code 2 and a pointer to `--help`. */
export class UsageError extends NotegraphError {
  override name = "UsageError";
}

/** Runs Node's own argument parser, turning its errors into one-line usage errors. */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split("\n")[0]} (see notegraph ${command} --help)`);
  }
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

/** Colour on a terminal; none when piped, with NO_COLOR, or `--no-color`. */
export function useColor(stream: NodeJS.WriteStream, disabled: boolean | undefined): boolean {
  if (disabled || "NO_COLOR" in process.env) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

type VaultCommandConfig<T extends NonNullable<ParseArgsConfig["options"]>> = { args: string[]; allowPositionals: true; options: typeof VAULT_OPTIONS & T };

/** Parses a vault command's flags: the shared VAULT_OPTIONS plus its own; usage errors in one line. */
export function parseVaultArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<VaultCommandConfig<T>>> {
  return withUsageErrors(command, () => parseArgs({ args, allowPositionals: true, options: { ...VAULT_OPTIONS, ...options } }));
}

/** Options every vault command takes. */
export const VAULT_OPTIONS = {
  ignore: { type: "string", multiple: true },
  cache: { type: "string" },
  "no-cache": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

interface ParsedArgs {
  values: { help?: boolean | undefined };
  positionals: string[];
}

/** Prints the help and gives null for `--help`; else the one vault folder (default `notes`). */
export function vaultFolderArg(command: string, help: string, parsed: ParsedArgs): string | null {
  if (parsed.values.help) {
    process.stdout.write(help);
    return null;
  }
  if (parsed.positionals.length > 1) throw new UsageError(`${command} takes one vault folder, got ${parsed.positionals.length}`);
  return parsed.positionals[0] ?? "notes";
}

/** The cache folder the flags ask for: `--no-cache` none, `--cache DIR` that one, else the user's cache folder. */
export function cacheFolderFor(values: { cache?: string | undefined; "no-cache"?: boolean | undefined }): string | null {
  return values["no-cache"] ? null : (values.cache ?? defaultCacheFolder());
}

/** The parse cache the flags ask for: `--no-cache` none, `--cache DIR` there, else the user's cache folder. */
export async function parseCacheFor(vault: string, values: { cache?: string | undefined; "no-cache"?: boolean | undefined }): Promise<DiskParseCache | undefined> {
  if (values["no-cache"]) return undefined;
  return openDiskCache(vault, version(), values.cache);
}

/** Help lines for VAULT_OPTIONS, with descriptions starting at column `width`. */
export function vaultOptionsHelp(width: number): string {
  const line = (flag: string, ...text: string[]) => text.map((t, i) => `${(i === 0 ? `  ${flag}` : "").padEnd(width)}${t}`).join("\n");
  return [
    line("--ignore <glob>", "leave matching vault paths out (repeatable); Obsidian's own", '"Excluded files" (.obsidian/app.json) always apply'),
    line("--cache <dir>", "keep the parse cache here (default: $XDG_CACHE_HOME/notegraph,", "or ~/.cache/notegraph); only changed notes are parsed again"),
    line("--no-cache", "parse every note afresh and write no cache"),
    line("-h, --help", "show this help"),
  ].join("\n");
}
