import { createHash } from "node:crypto";
import type { PageData } from "./pageData.js";

export interface PageAssets {
  /** The page's classic (IIFE) script, built from `site/` by vite. */
  script: string;
  style: string;
}

export interface PageOptions {
  /** `serve` mode: the page may open a same-origin event stream for live updates. */
  live?: boolean;
  /** `serve` mode: which build of the vault the page holds, so it can tell a delta it can apply. */
  build?: number;
}

/**
 * One self-contained HTML file: works from `file://` and any static host, requests nothing
 * outside. The graph travels as inert JSON (`<` escaped, so no note can close the tag); the
 * script and style are inline and allowed by hash in the Content-Security-Policy.
 */
export function pageHtml(data: PageData, assets: PageAssets, options: PageOptions = {}): string {
  if (/<\/script/i.test(assets.script)) throw new Error("page script contains </script");
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(assets.script)}'`,
    `style-src '${sha256(assets.style)}'`,
    "img-src data: blob:",
    "worker-src blob:",
    `connect-src ${options.live ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(data.title)} · notegraph</title>
<style>${assets.style}</style>
</head>
<body${options.live ? ' data-live="true"' : ""}${options.build === undefined ? "" : ` data-build="${options.build}"`}>
<noscript>This map needs JavaScript.</noscript>
<script type="application/json" id="notegraph-data">${jsonForHtml(data)}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}

/** JSON that is safe inside a script element: `<`, U+2028 and U+2029 escaped. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}
