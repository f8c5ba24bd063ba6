import { defineConfig } from "vitest/config";

// Vitest gets its own config so the page's vite config never hides the tests.
// In CI a JSON summary is written too, so .ci/run can print "N passed, N failed".
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "build/test-report.json" }]] : ["default"],
  },
});
