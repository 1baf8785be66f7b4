/**
 * Vite config for the playground. The root is playground/, but the app imports the grammar, the
 * compiler, the runtime and the seed policy from the repository root: the dev server may read
 * those folders (and node_modules), nothing else of the repository, and listens on 127.0.0.1
 * unless `npm start -- --share` asks for the local network.
 * `base: "./"` makes the built files work from any static host path and from a file copy.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  server: {
    host: "127.0.0.1",
    port: 5173,
    fs: {
      strict: true,
      allow: [
        "playground",
        "grammar",
        "compiler",
        "language",
        "review",
        "runtime",
        "policies",
        "node_modules",
      ].map((d) => `${repo}${d}`),
    },
  },
  preview: { host: "127.0.0.1", port: 4173 },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Monaco's core is one large chunk by nature; the warning would only be noise.
    chunkSizeWarningLimit: 4000,
  },
});
