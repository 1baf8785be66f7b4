/**
 * `zhengce lsp` latency: from a keystroke's didChange to the diagnostics the server publishes for
 * it, over stdio with a real client connection, on the seed. Baseline: `compile` of the same text
 * in-process (the floor: the server compiles once per change).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import { compile } from "../compiler/index.js";

const SEED = "policies/jiading-2021-industrial-internet.zc";
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function benchLsp(): Promise<void> {
  console.log("\n## 语言服务器：一次编辑到收到诊断（zhengce lsp，标准输入输出，种子政策）");
  const text = readFileSync(SEED, "utf8");
  const child = spawn(process.execPath, ["bin/zhengce.js", "lsp", "--stdio"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const conn = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let waiting: (() => void) | null = null;
  conn.onNotification(PublishDiagnosticsNotification.type, () => {
    const w = waiting;
    waiting = null;
    w?.();
  });
  conn.listen();
  await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification("initialized", {});
  const uri = pathToFileURL(SEED).href;
  const next = () => new Promise<void>((resolve) => (waiting = resolve));
  let p = next();
  await conn.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "zhengce", version: 1, text },
  });
  await p;
  const times: number[] = [];
  // Type one character at the end of the first comment line, then delete it, 60 times.
  const at = { line: 0, character: text.split("\n")[0]!.length };
  for (let v = 2; v < 122; v++) {
    const insert = v % 2 === 0;
    p = next();
    const t = performance.now();
    await conn.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: v },
      contentChanges: [
        insert
          ? { range: { start: at, end: at }, text: "。" }
          : { range: { start: at, end: { ...at, character: at.character + 1 } }, text: "" },
      ],
    });
    await p;
    times.push(performance.now() - t);
  }
  await conn.sendRequest("shutdown");
  await conn.sendNotification("exit");
  conn.dispose();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < 500) {
    compile(text, { emit: ["js"] });
    runs++;
  }
  const floor = (performance.now() - start) / runs;
  const f = (x: number) => x.toFixed(1);
  console.log(
    `编辑 → 诊断：中位数 ${f(pct(times, 0.5))} ms，p95 ${f(pct(times, 0.95))} ms，最慢 ${f(Math.max(...times))} ms（目标 < 50 ms，${times.length} 次编辑）`,
  );
  console.log(`基线：同一文本在本进程内编译一次 ${f(floor)} ms`);
}
