import { defineConfig } from "vite";

// The CLI as a few bundled files: loading chevrotain's hundreds of ES modules one by one is most
// of a cold start, so `zhengce` runs from this bundle (dist/cli/ stays for library users).
export default defineConfig({
  build: {
    ssr: "cli/main.ts",
    outDir: "dist/cli-bundle",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    rollupOptions: {
      // z3-solver loads its wasm beside itself: it stays a package, imported only by --prove.
      external: [/^node:/, "prettier", /^prettier\//, "typescript", "z3-solver"],
      output: { format: "es", entryFileNames: "main.js" },
    },
  },
  ssr: { noExternal: true, target: "node" },
  logLevel: "warn",
});
