/**
 * Compiler fuzzing at scale: 100,000 generated and mutated policies (2,000 with --short) across
 * worker threads. Fails on any crash, internal error, bad diagnostic range, compile over 1 s,
 * module that does not load or evaluate, or injected code that runs; a worker stuck on one case for
 * 10 s is reported as a hang with the case number (reproduce with policySource(corpus, seed, i)).
 *
 *   node dist/scripts/hardening/fuzz-compiler.js [--short] [--seed 1] [--n 100000]
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { finish, runOptions } from "./lib/args.js";
import { policyCorpus } from "./lib/corpus.js";

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
  },
  failures,
);
