#!/usr/bin/env node
/**
 * `npm start`: the playground's dev server on 127.0.0.1:5173 with the seed policy loaded;
 * `npm start -- --share` listens on every interface so others on the local network can open it.
 * Steps that other parts of the project add (a CLI run on the seed, the HTTP service) belong here,
 * before or beside the server, so that one command shows the whole project.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";

// First the CLI on the sample application, so the terminal shows what the seed policy grants and why.
const root = fileURLToPath(new URL("..", import.meta.url));
console.log(
  "$ zhengce eval policies/jiading-2021-industrial-internet.zc --input policies/jiading-2021-industrial-internet.example.json\n",
);
try {
  const out = execFileSync(
    process.execPath,
    [
      "bin/zhengce.js",
      "eval",
      "policies/jiading-2021-industrial-internet.zc",
      "--input",
      "policies/jiading-2021-industrial-internet.example.json",
    ],
    { cwd: root, encoding: "utf8" },
  );
  console.log(out);
} catch (e) {
  console.error("示例申报计算失败：", e.stdout ?? e.message);
}

const config = fileURLToPath(new URL("../playground/vite.config.ts", import.meta.url));
const port = Number(process.env.PORT ?? 5173);

const share = process.argv.includes("--share");
if (share)
  console.log("注意：--share 使编辑器对本机所在网络中的所有人可见（只提供编辑器所需的文件）。\n");
const server = await createServer({
  configFile: config,
  server: { host: share ? "0.0.0.0" : "127.0.0.1", port, strictPort: true },
});
await server.listen();
console.log("政策编辑器已启动：");
server.printUrls();
