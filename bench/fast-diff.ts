/**
 * Differential run of the two evaluation paths: N random applications to the seed (1,000,000 by
 * default), each evaluated with the generated fast path (exact integer money) and with the
 * decimal.js path, the two results compared as JSON text. Prints how many differ (must be 0) and
 * how many the fast path answered. `node dist/bench/fast-diff.js [N]`, or `ZC_BENCH=fastdiff`.
 */
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { compile } from "../compiler/index.js";
import { loadPolicy, useFastPath } from "../runtime/index.js";
import { seedSource } from "./seed-applications.js";

const DEFAULTS = [0, 0.01, 200000, 1000000, 2000000, 5000000, 6666666.67, 3333333.33];

/** A fixed LCG, so that every run checks the same applications. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function amount(r: () => number): unknown {
  const k = r();
  if (k < 0.15) return DEFAULTS[Math.floor(r() * DEFAULTS.length)];
  if (k < 0.4) return Math.floor(r() * 2000) * 10000;
  if (k < 0.95) return Math.floor(r() * 1e8) + Math.floor(r() * 100) / 100;
  if (k < 0.99) return Math.floor(r() * 1e7) * 1e6 + Math.floor(r() * 100) / 100; // full path
  return ["200万", -1, 1.234][Math.floor(r() * 3)];
}

/** Run the comparison and print its figures. */
export function benchFastDiff(n = 1_000_000): void {
  console.log(`\n## 两条求值路径逐份比对：${n.toLocaleString("zh-CN")} 份随机申报（种子政策）`);
  const policy = loadPolicy(compile(seedSource()).js!);
  const inputs = policy.meta.inputs;
  const r = lcg(20261203);
  let differ = 0;
  let fast = 0;
  let first: string | undefined;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const app: Record<string, unknown> = {};
    for (const m of inputs) {
      if (!m.required && r() > 0.35) continue;
      if (m.type === "bool") app[m.name] = m.required ? r() < 0.93 : r() < 0.6;
      else if (m.type === "money") app[m.name] = amount(r);
      else if (m.type === "enum") app[m.name] = m.values![Math.floor(r() * m.values!.length)];
      else if (m.type === "count") app[m.name] = Math.floor(r() * 30);
    }
    const options = {
      explain: false,
      date: `202${Math.floor(r() * 6)}-0${1 + Math.floor(r() * 9)}-15`,
    };
    const before = useFastPath(true);
    const a = JSON.stringify(policy.evaluate(app, options));
    fast += useFastPath(false) - before;
    const b = JSON.stringify(policy.evaluate(app, options));
    useFastPath(true);
    if (a !== b && differ++ === 0) first = `${JSON.stringify(app)}\n快速：${a}\n完整：${b}`;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `结果不一致：${differ} 份（应为 0）；快速路径给出 ${fast.toLocaleString("zh-CN")} 份（${((fast / n) * 100).toFixed(1)}%），其余由 decimal.js 路径计算；用时 ${seconds.toFixed(1)} 秒`,
  );
  if (first) console.log(`第一份不一致：\n${first}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchFastDiff(process.argv[2] ? Number(process.argv[2]) : undefined);
}
