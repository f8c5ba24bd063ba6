/** What a link names, split from how it was written. */
export interface LinkParts {
  target: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
}

/**
 * The inside of `[[…]]`: `target#Heading#Sub|alias`, `target#^block`, `#Heading` (this note).
 * A table's escaped `\|` divides like `|`.
 */
export function wikiLinkParts(inner: string): LinkParts {
  const pipe = inner.indexOf("|");
  const hasAlias = pipe !== -1;
  let destination = hasAlias ? inner.slice(0, pipe) : inner;
  if (hasAlias && destination.endsWith("\\")) destination = destination.slice(0, -1);
  const alias = hasAlias ? inner.slice(pipe + 1).trim() : "";
  return { ...destinationParts(destination), alias: alias === "" ? null : alias };
}

/** `target#fragment` into the name and its heading or `^block`. */
export function destinationParts(destination: string): Omit<LinkParts, "alias"> {
  const hash = destination.indexOf("#");
  const target = (hash === -1 ? destination : destination.slice(0, hash)).trim();
  if (hash === -1) return { target, heading: null, block: null };
  const fragment = destination.slice(hash + 1).trim();
  const blockAt = fragment.search(/(^|#)\^/);
  if (blockAt !== -1) {
    const block = fragment.slice(fragment.indexOf("^", blockAt) + 1).trim();
    return { target, heading: null, block: block === "" ? null : block };
  }
  return { target, heading: fragment === "" ? null : fragment, block: null };
}

/** A Markdown link's destination: URL-decoded, with its `#fragment` as heading or block. */
export function markdownLinkParts(url: string, text: string | null): LinkParts {
  const decoded = safeDecode(url);
  const hash = decoded.indexOf("#");
  const target = (hash === -1 ? decoded : decoded.slice(0, hash)).trim();
  const parts = destinationParts(hash === -1 ? "" : `#${decoded.slice(hash + 1)}`);
  const alias = text?.trim() ?? "";
  return { target, heading: parts.heading, block: parts.block, alias: alias === "" ? null : alias };
}

/** http:, mailto:, //host…: anything with a scheme or a host is not a note link. */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
