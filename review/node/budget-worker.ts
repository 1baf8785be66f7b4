/**
 * Worker thread for a budget run: loads both compiled versions from their factory scripts and
 * evaluates its share of the synthetic population, posting back the partial sums.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { EvaluateOptions } from "../../runtime/types.js";
import type { PairRef } from "../budget.js";
import { budgetEvaluator } from "../budget-fast.js";
import { budgetRange } from "../budget-range.js";
import type { PopulationSpec } from "../population.js";

/** What the parent sends each worker. */
export interface BudgetJob {
  readonly oldJs: string;
  readonly newJs: string;
  readonly pairs: readonly PairRef[];
  readonly spec: PopulationSpec;
  readonly options: EvaluateOptions;
  readonly from: number;
  readonly to: number;
}

const job = workerData as BudgetJob;
try {
  const acc = budgetRange(
    budgetEvaluator(job.oldJs),
    budgetEvaluator(job.newJs),
    job.pairs,
    job.spec,
    job.options,
    job.from,
    job.to,
  );
  parentPort?.postMessage({ ok: true, acc });
} catch (e) {
  parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
}
