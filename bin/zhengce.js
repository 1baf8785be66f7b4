#!/usr/bin/env node
// The CLI entry point: the bundled CLI in dist/cli-bundle/ (built by `npm run build`, which
// `npm ci` runs), one file instead of hundreds of modules, so that it starts quickly.
import { main } from "../dist/cli-bundle/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`zhengce：内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
