import picomatch from "picomatch";

/** Tells whether a vault-relative path (a folder ends with `/`) is left out of the scan. */
export type IgnoreRule = (path: string) => boolean;

/** Leaves nothing out: a vault with no exclusions pays one call per path that returns at once. */
const NOTHING: IgnoreRule = () => false;

/**
 * Obsidian's "Excluded files" (`userIgnoreFilters` in `.obsidian/app.json`): a filter written
 * `/…/` is a regular expression, anything else a path prefix. They are not globs.
 */
export function obsidianFilterRule(filters: readonly string[]): IgnoreRule {
  const tests = filters.filter((f) => f.length > 0).map(obsidianFilterTest);
  return tests.length === 0 ? NOTHING : (path) => tests.some((test) => test(path));
}

function obsidianFilterTest(filter: string): IgnoreRule {
  const regex = /^\/(.+)\/$/.exec(filter);
  if (regex?.[1] !== undefined) {
    try {
      const pattern = new RegExp(regex[1]);
      return (path) => pattern.test(path);
    } catch {
      return () => false;
    }
  }
  return (path) => path.startsWith(filter);
}

/** `--ignore GLOB`: a glob matches the path itself or a folder holding it. */
export function globRule(globs: readonly string[]): IgnoreRule {
  if (globs.length === 0) return NOTHING;
  const matches = picomatch([...globs], { dot: true, basename: true });
  return (path) => matches(path.replace(/\/$/, ""));
}

export function anyRule(rules: readonly IgnoreRule[]): IgnoreRule {
  const some = rules.filter((rule) => rule !== NOTHING);
  if (some.length <= 1) return some[0] ?? NOTHING;
  return (path) => some.some((rule) => rule(path));
}
