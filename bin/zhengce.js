#!/usr/bin/env node
// The CLI entry point; the compiled CLI lives in dist/ (built by `npm run build`, run on install).
import { main } from "../dist/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`zhengce：内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
