import { defineConfig } from "vite";

// The page's script: one classic (IIFE) bundle, because browsers refuse module scripts from
// file://. The CLI inlines it (and page.css) into each built index.html.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: "build/site",
    emptyOutDir: true,
    target: "es2022",
    lib: {
      entry: "site/main.ts",
      formats: ["iife"],
      name: "notegraphPage",
      fileName: () => "page.js",
      cssFileName: "page",
    },
  },
});
