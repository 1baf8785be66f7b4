/**
 * Budget over a large population with node:worker_threads: the population is cut into one
 * contiguous share per core, each worker evaluates its share, and the partial sums merge exactly.
 * Falls back to this thread when no compiled worker script is available (tests on sources).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { budgetInThread, type BudgetPlan } from "../budget-plan.js";
import { finishBudget, mergeAcc, type Budget, type BudgetAcc } from "../budget.js";
import type { BudgetJob } from "./budget-worker.js";
import type { Version } from "../version.js";

/** The compiled worker script in dist/, wherever this module was loaded from. */
function workerScript(): URL | undefined {
  // beside this module; from the sources; from the CLI bundle (dist/cli-bundle/ or its assets/)
  const candidates = [
    "./budget-worker.js",
    "../../dist/review/node/budget-worker.js",
    "../review/node/budget-worker.js",
    "../../review/node/budget-worker.js",
  ];
  for (const rel of candidates) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

function runWorker(script: URL, job: BudgetJob): Promise<BudgetAcc> {
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { workerData: job });
    w.once("message", (m: { ok: boolean; acc?: BudgetAcc; message?: string }) => {
      if (m.ok && m.acc) resolve(m.acc);
      else reject(new Error(`预算计算线程出错：${m.message ?? "未知错误"}`));
      void w.terminate();
    });
    w.once("error", reject);
  });
}

/** Run a budget on `threads` worker threads (default: one per core). */
export async function budgetParallel(
  a: Version,
  b: Version,
  plan: BudgetPlan,
  size: number,
  threads = availableParallelism(),
): Promise<Budget & { threads: number }> {
  const script = workerScript();
  if (!script || threads <= 1 || size < 5000 || !a.js || !b.js)
    return { ...budgetInThread(a, b, plan, size), threads: 1 };
  const share = Math.ceil(size / threads);
  const jobs: BudgetJob[] = [];
  for (let from = 0; from < size; from += share)
    jobs.push({
      oldJs: a.js,
      newJs: b.js,
      pairs: plan.pairs,
      spec: plan.spec,
      options: plan.options,
      from,
      to: Math.min(size, from + share),
    });
  const parts = await Promise.all(jobs.map((j) => runWorker(script, j)));
  return {
    ...finishBudget(mergeAcc(parts), plan.pairs, plan.spec, plan.date, plan.notes),
    threads: jobs.length,
  };
}
