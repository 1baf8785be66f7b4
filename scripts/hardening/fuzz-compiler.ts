/**
 * Compiler fuzzing at scale: 100,000 generated and mutated policies (2,000 with --short) across
 * worker threads. Fails on any crash, internal error, bad diagnostic range, compile over 1 s,
 * module that does not load or evaluate, or injected code that runs; a worker stuck on one case for
 * 10 s is reported as a hang with the case number (reproduce with policySource(corpus, seed, i)).
 * Then the large inputs of test/fuzz/large-inputs.ts (long names, long free text, deep nesting,
 * huge clause numbers, 分档 tables of 10,000 and 20,000 rows), each held to the same 1 s of CPU —
 * the 20,000-row table to 1.5 s (it takes 0.7–0.9 s here; 1 s leaves too little room on a busy machine).
 *
 *   node dist/scripts/hardening/fuzz-compiler.js [--short] [--seed 1] [--n 100000]
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { finish, runOptions } from "./lib/args.js";
import { policyCorpus } from "./lib/corpus.js";
import { checkCompile } from "../../test/fuzz/check-compile.js";
import * as L from "../../test/fuzz/large-inputs.js";

const opts = runOptions();
const total = opts.count(2000, 100_000);
const workers = Math.max(1, Math.min(availableParallelism(), 8));
const corpus = policyCorpus();
const progress = new SharedArrayBuffer(4 * workers);
const current = new Int32Array(progress);
const failures: string[] = [];
let compiled = 0;
let slowest = 0;
let totalMs = 0;
const t0 = Date.now();

const runs = Array.from({ length: workers }, (_, slot) => {
  const from = Math.floor((total * slot) / workers);
  const to = Math.floor((total * (slot + 1)) / workers);
  return new Promise<void>((resolve) => {
    const w = new Worker(new URL("./fuzz-compiler-worker.js", import.meta.url), {
      workerData: { corpus, seed: opts.seed, from, to, progress, slot },
    });
    let last = -1;
    let since = Date.now();
    const watchdog = setInterval(() => {
      const at = Atomics.load(current, slot);
      if (at !== last) {
        last = at;
        since = Date.now();
      } else if (Date.now() - since > 10_000) {
        failures.push(`#${at}: 编译卡住超过 10 秒（种子 ${opts.seed}）`);
        clearInterval(watchdog);
        void w.terminate().then(() => resolve());
      }
    }, 500);
    w.on(
      "message",
      (m: {
        kind: string;
        text?: string;
        compiled?: number;
        slowest?: number;
        totalMs?: number;
      }) => {
        if (m.kind === "problem") failures.push(m.text!);
        else {
          compiled += m.compiled!;
          slowest = Math.max(slowest, m.slowest!);
          totalMs += m.totalMs!;
        }
      },
    );
    w.on("error", (e) => failures.push(`工作线程出错：${e.message}`));
    w.on("exit", () => {
      clearInterval(watchdog);
      resolve();
    });
  });
});
await Promise.all(runs);
const large: [string, string, number][] = [
  ["2,000 字的名称", L.longNames(2000), 1000],
  ["长名称与 20,000 字的自由文本", L.longFreeText(600, 20000), 1000],
  ["5,000 层括号", L.deepNesting(5000), 1000],
  ["5,000 层 就高", L.deepNesting(5000, "就高（", "，1）"), 1000],
  ["400 位的条款编号", L.hugeClauseNumber(400), 1000],
  ["10,000 行分档", L.largeTable(10_000), 1000],
  ["20,000 行分档", L.largeTable(20_000), 1500],
];
let slowestLarge = "";
for (const [what, src, limit] of large) {
  const c = checkCompile(src, limit);
  for (const p of c.problems) failures.push(`${what}：${p}`);
  slowestLarge += `${slowestLarge ? "，" : ""}${what} ${c.ms.toFixed(0)}`;
}
finish(
  "编译器模糊测试",
  {
    政策数: total,
    编译通过: compiled,
    有诊断未通过: total - compiled,
    工作线程: workers,
    最慢一次编译毫秒: slowest.toFixed(1),
    平均编译毫秒: (totalMs / total).toFixed(2),
    总用时秒: ((Date.now() - t0) / 1000).toFixed(1),
    种子: opts.seed,
    "大输入（CPU 毫秒）": slowestLarge,
  },
  failures,
);
