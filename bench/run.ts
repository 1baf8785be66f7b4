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
import { loadPolicy } from "../runtime/index.js";
import { generatePolicy } from "./gen-policy.js";
import { evaluateByHand } from "./hand-written-seed.js";
import { benchDiff } from "./diff.js";
import { benchLsp } from "./lsp.js";

const SEED = "policies/jiading-2021-industrial-internet.zc";

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

/** Random applications that exercise every monetary clause of the seed. */
function applications(n: number): Record<string, unknown>[] {
  let s = 12345;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const base = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };
  const amount = () => Math.floor(r() * 2e9) / 100;
  const shapes: (() => Record<string, unknown>)[] = [
    () => ({ 获智能工厂授牌: true, 项目实际投资: amount() }),
    () => ({ 通过两化融合贯标认证: true }),
    () => ({ 工业互联网企业: true, 实现股改上市挂牌: true }),
    () => ({
      认定为标杆示范项目: true,
      项目级别: ["区级", "市级", "国家级"][Math.floor(r() * 3)],
      项目已投入金额: amount(),
      已获上级补助金额: Math.floor(amount() * 10) / 100,
    }),
    () => ({
      工业互联网服务商: true,
      服务区内企业数量: Math.floor(r() * 20),
      实际发生服务金额: amount(),
    }),
    () => ({
      平台条件达标: true,
      平台建设总投入: amount(),
      土建投入: Math.floor(amount() * 20) / 100,
    }),
    () => ({
      举办重大活动: true,
      活动级别: "全国性",
      已事前备案: true,
      专项审计确认费用: amount(),
    }),
  ];
  return Array.from({ length: n }, (_, i) => ({ ...base, ...shapes[i % shapes.length]!() }));
}

function benchEvaluate(): void {
  console.log("\n## 求值：编译生成的种子政策 vs 手写的 decimal.js 实现（同一批输入）");
  const src = readFileSync(SEED, "utf8").replace(
    "服务企业数量要求 数量（家） 待定",
    "服务企业数量要求 数量（家） = 10家",
  );
  const policy = loadPolicy(compile(src).js!);
  const apps = applications(7000);
  const date = "2023-05-01";
  let agree = 0;
  for (const app of apps) {
    const a = policy.evaluate(app, { date, explain: false });
    const b = evaluateByHand(app, date, 10);
    if (a.ok && b.ok && a.result.total === b.total) agree++;
  }
  console.log(`两种实现的总额一致：${agree}/${apps.length}`);
  // Alternate the three in rounds and keep each one's best round: other load on the machine
  // then slows all three alike instead of whichever happened to run during it.
  const runs: Record<"hand" | "off" | "on", () => void> = {
    hand: () => apps.forEach((a) => evaluateByHand(a, date, 10)),
    off: () => apps.forEach((a) => policy.evaluate(a, { date, explain: false })),
    on: () => apps.forEach((a) => policy.evaluate(a, { date })),
  };
  const best = { hand: Infinity, off: Infinity, on: Infinity };
  for (let round = 0; round < 15; round++) {
    for (const k of ["hand", "off", "on"] as const) {
      const t = performance.now();
      runs[k]();
      best[k] = Math.min(best[k], performance.now() - t);
    }
  }
  const rate = (ms: number) => (apps.length / ms) * 1000;
  console.log(`手写实现（基准）：${fmt(rate(best.hand) / 1000, 1)} 千次/秒`);
  console.log(
    `编译实现，关闭说明：${fmt(rate(best.off) / 1000, 1)} 千次/秒，是手写的 ${fmt(best.hand / best.off)} 倍（目标 ≥ 2）`,
  );
  console.log(
    `编译实现，开启说明：${fmt(rate(best.on) / 1000, 1)} 千次/秒，开启说明的耗时是关闭的 ${fmt(best.on / best.off)} 倍（目标 ≤ 2）`,
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

benchCompile();
benchEvaluate();
benchColdStart();
await benchLsp();
await benchDiff();
