import { defineConfig } from "vite";

// The extension as one CommonJS file with vscode-languageclient inside; `vscode` is the host's.
export default defineConfig({
  build: {
    ssr: "editors/vscode/src/extension.js",
    outDir: "editors/vscode/dist",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rollupOptions: {
      external: ["vscode", /^node:/],
      output: { format: "cjs", entryFileNames: "extension.js" },
    },
  },
  ssr: { noExternal: true, target: "node" },
  logLevel: "warn",
});
