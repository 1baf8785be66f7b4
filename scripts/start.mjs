#!/usr/bin/env node
/**
 * `npm start`: the playground's dev server on 0.0.0.0:5173 with the seed policy loaded.
 * Steps that other parts of the project add (a CLI run on the seed, the HTTP service) belong here,
 * before or beside the server, so that one command shows the whole project.
 */
import { fileURLToPath } from "node:url";
import { createServer } from "vite";

const config = fileURLToPath(new URL("../playground/vite.config.ts", import.meta.url));
const port = Number(process.env.PORT ?? 5173);

const server = await createServer({
  configFile: config,
  server: { host: "0.0.0.0", port, strictPort: true },
});
await server.listen();
console.log("政策编辑器已启动：");
server.printUrls();
