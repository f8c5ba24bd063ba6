import { defineConfig } from "vitest/config";

// Vitest gets its own config so the page's vite config never hides the tests.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
