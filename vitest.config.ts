import { defineConfig } from "vitest/config";

// Unit, golden, property and fuzz tests. Browser tests have their own config (vitest.browser.config.ts).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**", "dist/**"],
    testTimeout: 60_000,
    env: { ZHENGCE_GRAMMAR_CHECKS: "1" },
    hookTimeout: 120_000,
  },
});
