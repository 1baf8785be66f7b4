/**
 * `npm run bench`: figures, not assertions. Compiler throughput, the compiled seed evaluator against
 * a hand-written decimal.js evaluator (same inputs, same run), explanations on versus off, and the
 * cold start of `zhengce eval`. Each figure is printed with its baseline and ratio.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { compile } from "../compiler/index.js";
import { loadPolicy, useFastPath } from "../runtime/index.js";
import { generatePolicy } from "./gen-policy.js";
import { Decimal } from "decimal.js";
import { evaluateFloat, evaluateLean } from "./lean-seed.js";
import { applications, SEED, seedSource } from "./seed-applications.js";
import { benchDiff } from "./diff.js";
import { benchProve } from "./prove.js";
import { benchLsp } from "./lsp.js";
import { benchFastDiff } from "./fast-diff.js";

function time(fn: () => void, minMs = 400): { ms: number; runs: number } {
  fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return { ms: (performance.now() - start) / runs, runs };
}

const fmt = (x: number, d = 2) => x.toFixed(d);

function benchCompile(): void {
  console.log("## 编译（解析 + 检查 + 生成 TypeScript 与脚本）");
  const seed = readFileSync(SEED, "utf8");
  const big = generatePolicy(2000);
  for (const [name, src] of [
    ["种子政策", seed],
    ["生成的 2,000 条政策", big],
  ] as const) {
    const { ms } = time(() => compile(src), name === "种子政策" ? 500 : 3000);
    const mb = Buffer.byteLength(src) / 1e6;
    console.log(
      `${name}：${fmt(ms)} ms/次，${fmt(mb / (ms / 1000))} MB/s（${fmt(mb * 1000, 1)} KB）`,
    );
  }
}

function benchEvaluate(): void {
  console.log("\n## 求值：编译生成的种子政策 vs 手写实现（同一批输入、同一进程）");
  const policy = loadPolicy(compile(seedSource()).js!);
  const apps = applications(7000);
  const date = "2023-05-01";
  let agree = 0;
  let floatWrong = 0;
  for (const app of apps) {
    const a = policy.evaluate(app, { date, explain: false });
    const lean = evaluateLean(app, date, 10);
    const float = evaluateFloat(app, date, 10);
    if (a.ok && lean.ok && a.result.total === lean.total) agree++;
    if (!a.ok || !float.ok || new Decimal(float.total!).cmp(a.result.total) !== 0) floatWrong++;
  }
  console.log(`精简手写 decimal.js 实现与编译实现的总额一致：${agree}/${apps.length}`);
  console.log(
    `浮点实现与编译实现的总额不一致：${floatWrong}/${apps.length}（浮点不精确，只作速度上限）`,
  );
  // Alternate the contenders in rounds and keep each one's best round: other load on the machine
  // then slows all alike instead of whichever happened to run during it.
  const runs: Record<"lean" | "float" | "off" | "full" | "on", () => void> = {
    lean: () => apps.forEach((a) => evaluateLean(a, date, 10)),
    float: () => apps.forEach((a) => evaluateFloat(a, date, 10)),
    off: () => apps.forEach((a) => policy.evaluate(a, { date, explain: false })),
    // The same evaluations with the generated fast path turned off: the decimal.js path alone.
    full: () => {
      useFastPath(false);
      apps.forEach((a) => policy.evaluate(a, { date, explain: false }));
      useFastPath(true);
    },
    on: () => apps.forEach((a) => policy.evaluate(a, { date })),
  };
  const best = { lean: Infinity, float: Infinity, off: Infinity, full: Infinity, on: Infinity };
  for (let round = 0; round < 15; round++) {
    for (const k of ["lean", "float", "off", "full", "on"] as const) {
      const t = performance.now();
      runs[k]();
      best[k] = Math.min(best[k], performance.now() - t);
    }
  }
  const rate = (ms: number) => (apps.length / ms) * 1000;
  const k = (ms: number) => `${fmt(rate(ms) / 1000, 1)} 千次/秒`;
  console.log(
    `精简手写 decimal.js 实现（基准：只算条件成立的条款，校验等同，无说明）：${k(best.lean)}`,
  );
  console.log(`浮点实现（速度上限，不精确）：${k(best.float)}`);
  console.log(
    `编译实现，关闭说明（生成的整数分快速路径）：${k(best.off)}，是精简手写的 ${fmt(best.lean / best.off)} 倍（目标 ≥ 2），` +
      `浮点上限的 1/${fmt(best.off / best.float)}（目标 ≤ 5），${fmt(rate(best.off) / 1e6, 3)} 百万次/秒（目标 ≥ 1）`,
  );
  console.log(
    `编译实现，关闭说明，只走 decimal.js 完整路径（快速路径关闭）：${k(best.full)}，是精简手写的 ${fmt(best.lean / best.full)} 倍`,
  );
  console.log(
    `编译实现，开启说明：${k(best.on)}，开启说明的耗时是关闭的 ${fmt(best.on / best.off)} 倍（目标 ≤ 2）`,
  );
}

function benchColdStart(): void {
  console.log("\n## 冷启动：zhengce eval 种子政策（新进程）");
  const args = [
    "bin/zhengce.js",
    "eval",
    SEED,
    "--input",
    "policies/jiading-2021-industrial-internet.example.json",
    "--json",
  ];
  const run = (env: NodeJS.ProcessEnv) => {
    const t = performance.now();
    execFileSync(process.execPath, args, { stdio: "pipe", env });
    return performance.now() - t;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const env = { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "zc-bench-")) };
    cold.push(run(env));
    warm.push(run(env));
  }
  const t = performance.now();
  execFileSync(process.execPath, ["-e", "0"]);
  const bare = performance.now() - t;
  console.log(
    `首次（无缓存，载入编译器并编译）：中位数 ${fmt(median(cold), 0)} ms（目标 < 500 ms）`,
  );
  console.log(`再次（编译结果缓存命中，不载入编译器）：中位数 ${fmt(median(warm), 0)} ms`);
  console.log(`同机空 node 进程：${fmt(bare, 0)} ms`);
}

/** `ZC_BENCH=evaluate,diff npm run bench` runs only the named parts (`fastdiff` only so). */
const PARTS: Record<string, () => void | Promise<void>> = {
  compile: benchCompile,
  evaluate: benchEvaluate,
  cold: benchColdStart,
  lsp: benchLsp,
  diff: benchDiff,
  prove: benchProve,
  fastdiff: () => benchFastDiff(),
};
const only = process.env.ZC_BENCH?.split(",").filter(Boolean);
// The million-application comparison of the two paths takes minutes: only when named.
for (const [name, part] of Object.entries(PARTS))
  if (only ? only.includes(name) : name !== "fastdiff") await part();
