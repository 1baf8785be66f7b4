/**
 * Browser tests of the playground: built once, served statically, driven in Debian's Chromium by
 * playwright-core. Run with `npm run test:browser`.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each file starts its own Chromium; running them one after another keeps timings honest.
    fileParallelism: false,
  },
});
