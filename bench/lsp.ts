/**
 * `zhengce lsp` latency: from a keystroke's didChange to the diagnostics the server publishes for
 * it, over stdio with a real client connection, on the seed. Baseline: `compile` of the same text
 * in-process (the floor: the server compiles once per change).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
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
/** A process's CPU time so far in ms (Linux /proc; undefined elsewhere). */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

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
  const load = loadavg()[0]!;
  const cpuBefore = cpuMs(child.pid);
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
  const cpuAfter = cpuMs(child.pid);
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
  if (cpuBefore !== undefined && cpuAfter !== undefined)
    console.log(
      `服务器每次编辑的 CPU 时间：${f((cpuAfter - cpuBefore) / times.length)} ms（与负载无关，/proc 统计）`,
    );
  console.log(`基线：同一文本在本进程内编译一次（含代码生成）${f(floor)} ms`);
  console.log(`测量时的负载（1 分钟平均）：${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
}
