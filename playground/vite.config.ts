/**
 * Vite config for the playground. The root is playground/, but the app imports the grammar, the
 * compiler and the runtime from the repository root, so the dev server may read the whole repo.
 * `base: "./"` makes the built files work from any static host path and from a file copy.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  server: { host: "0.0.0.0", port: 5173, fs: { allow: [repo] } },
  preview: { host: "0.0.0.0", port: 4173 },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Monaco's core is one large chunk by nature; the warning would only be noise.
    chunkSizeWarningLimit: 4000,
  },
});
