/**
 * Reviewer-diff benchmark: the budget impact of a change (clause 5 市级 cap 500万 → 800万, clause 1
 * ratio 30% → 25%) over 1,000,000 synthetic applications, on worker threads. Prints wall time,
 * CPU time and the totals; target under 2 s on a 2-core machine (issue 16). Run alone with
 * `node dist/bench/diff.js [N]`, or from `npm run bench` through `benchDiff()`.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { budgetParallel } from "../review/node/budget-parallel.js";
import { budgetInThread } from "../review/budget-plan.js";
import { applicationBuilder, applicationValues } from "../review/population.js";
import type { Prepared } from "../review/diff-policies.js";
import type { BudgetPlan } from "../review/budget-plan.js";
import { budgetPlan, prepare } from "../review/diff-policies.js";
import { fmtMoney } from "../runtime/format.js";
import { Dec } from "../runtime/money.js";

const SEED = "policies/jiading-2021-industrial-internet.zc";

/** The seed with the reviewer's two edits. */
function draft(seed: string): string {
  const cap = seed.split("市级 500万").join("市级 800万");
  return cap.replace("资助 比例 30% 基数 项目实际投资", "资助 比例 25% 基数 项目实际投资");
}

/** CPU seconds of `fn`. */
function cpuOf(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1e6;
}

/**
 * The baseline: the straightforward budget (each application built as an object, the public
 * evaluate per version, decimal.js sums), μs of CPU per application (both versions).
 */
function baselineMicros(p: Prepared, plan: BudgetPlan, n: number): number {
  const sides = [p.old.policy!, p.new.policy!].map((policy) => ({
    policy,
    build: applicationBuilder(
      plan.spec,
      policy.meta.inputs.map((i) => i.name),
    ),
  }));
  let total = new Dec(0);
  const s = cpuOf(() => {
    for (let i = 0; i < n; i++) {
      const values = applicationValues(plan.spec, i);
      for (const x of sides) {
        const ev = x.policy.evaluate(x.build(values), { ...plan.options, explain: false });
        if (ev.ok) for (const c of ev.result.clauses) if (c.amount) total = total.plus(c.amount);
      }
    }
  });
  return (s / n) * 1e6;
}

/** Run the budget over `size` synthetic applications and print the figures. */
export async function benchDiff(size = 1_000_000): Promise<void> {
  console.log(`## 版本差异：${size.toLocaleString("zh-CN")} 份合成申报的预算影响（工作线程）`);
  const seed = readFileSync(SEED, "utf8");
  const p = prepare(seed, draft(seed));
  const plan = budgetPlan(p, { size, seed: 1 });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const b = await budgetParallel(p.old, p.new, plan, size);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const m = (s: string) => fmtMoney(new Dec(s));
  console.log(
    `${size.toLocaleString("zh-CN")} 份：${seconds.toFixed(2)} 秒（目标 < 2 秒），${b.threads} 个线程 / ${availableParallelism()} 核，` +
      `CPU ${cpuSeconds.toFixed(1)} 秒，每份 ${((cpuSeconds / size) * 1e6).toFixed(1)} μs（两版各计算一次）`,
  );
  console.log(
    `合计 ${m(b.totalBefore)} → ${m(b.totalAfter)}；获得更多 ${b.better} 份，减少 ${b.worse} 份`,
  );
  // Per application, one thread: the budget's fast lane against the straightforward budget.
  const n = 50_000;
  const base = baselineMicros(p, plan, n);
  const lane = (cpuOf(() => budgetInThread(p.old, p.new, plan, n)) / n) * 1e6;
  console.log(
    `单线程每份（两版）：整数分快速通道 ${lane.toFixed(2)} μs，基线（逐份公开 evaluate + decimal.js 求和）${base.toFixed(2)} μs，${(base / lane).toFixed(1)} 倍`,
  );
  // What the playground's diff worker computes after a keystroke: 100,000 applications, one thread.
  const small = budgetPlan(p, { size: 100_000, seed: 1 });
  budgetInThread(p.old, p.new, small, 10_000);
  const t0 = performance.now();
  const c100 = cpuOf(() => budgetInThread(p.old, p.new, small, 100_000));
  const w100 = (performance.now() - t0) / 1000;
  console.log(
    `编辑器对比视图的预算（100,000 份，单线程，Node）：${w100.toFixed(2)} 秒（CPU ${c100.toFixed(2)} 秒，目标 < 1 秒）`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchDiff(process.argv[2] ? Number(process.argv[2]) : undefined);
}
