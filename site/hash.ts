import type { PageGraph } from "./graph.js";

/** `#Compute/EC2`: the note's path without `.md`, so a view can be shared. */
export function nodeForHash(graph: PageGraph, hash: string): string | null {
  let wanted: string;
  try {
    wanted = decodeURIComponent(hash.replace(/^#/, ""));
  } catch {
    return null;
  }
  if (wanted === "") return null;
  const lower = wanted.toLowerCase();
  return graph.findNode((_key, attrs) => attrs.page.hash === wanted) ?? graph.findNode((_key, attrs) => attrs.page.hash.toLowerCase() === lower) ?? null;
}

export function hashForNode(graph: PageGraph, key: string): string {
  return `#${encodeURI(graph.getNodeAttributes(key).page.hash).replace(/#/g, "%23")}`;
}
