/**
 * Setting up a budget run: the population's scale from both versions' figures, the application
 * date (in force under both versions where possible), the clause pairs by number, and the notes
 * that state what the run assumes. Also runs it in this thread (the playground and small sizes).
 */
import type { Policy } from "../grammar/ast.js";
import { itemsOf } from "../grammar/ast.js";
import { Dec } from "../runtime/money.js";
import { fmtDate } from "../runtime/format.js";
import { todayInChina } from "../runtime/run.js";
import type { EvaluateOptions } from "../runtime/types.js";
import { figures, reachable } from "./boundary-axes.js";
import { finishBudget, type Budget, type PairRef } from "./budget.js";
import { budgetEvaluator, type BudgetEvaluator } from "./budget-fast.js";
import { budgetRange } from "./budget-range.js";
import type { ClausePair } from "./match-clauses.js";
import { describePopulation, populationSpec, type PopulationSpec } from "./population.js";
import type { Version } from "./version.js";

export interface BudgetOptions {
  readonly size: number;
  readonly seed: number;
  /** Application date (ISO); by default the later of the two effective dates, else today. */
  readonly date?: string;
  /** Parameter values (e.g. from a guideline), as for `evaluate`. */
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface BudgetPlan {
  readonly spec: PopulationSpec;
  readonly pairs: readonly PairRef[];
  readonly options: EvaluateOptions;
  readonly date: string;
  readonly notes: readonly string[];
}

function allItems(p: Policy) {
  return [
    ...itemsOf(p, "Clause").flatMap((c) => c.items),
    ...itemsOf(p, "Eligibility").flatMap((e) => e.items),
  ];
}

/** Everything a budget run needs, as plain data. */
export function planBudget(
  a: Version,
  b: Version,
  pairs: readonly ClausePair[],
  o: BudgetOptions,
): BudgetPlan {
  const exprs = [a, b].flatMap((v) => (v.ast ? reachable(allItems(v.ast), v.ast) : []));
  const figs = figures(exprs);
  const largest = (xs: Dec[]) => xs.reduce((m, x) => Dec.max(m, x), new Dec(0));
  const headers = [a.ast?.header, b.ast?.header];
  const dates = headers.flatMap((h) => [h?.validFrom, h?.validTo]).filter((d): d is string => !!d);
  const from = headers
    .map((h) => h?.validFrom)
    .filter((d): d is string => !!d)
    .sort();
  const date = o.date ?? from[from.length - 1] ?? todayInChina();
  const spec = populationSpec(
    o.seed,
    [a.policy?.meta.inputs ?? [], b.policy?.meta.inputs ?? []],
    largest(figs.amounts),
    largest(figs.counts),
    dates,
  );
  const notes = [
    describePopulation(spec),
    `申报日期均按 ${fmtDate(date)} 计算；每份申报单独计算，不含往年已获资助。`,
  ];
  const quotas = pairs.flatMap((p) =>
    (p.new ?? p.old)!.items.flatMap((i) =>
      i.kind === "Quota" ? [`${p.place.clause} 每年${i.count}个`] : [],
    ),
  );
  if (quotas.length)
    notes.push(`名额（${quotas.join("、")}）未按申报先后截取：总额为不限名额时的金额。`);
  return {
    spec,
    pairs: pairs.map((p) => ({
      clause: p.place.clause ?? "",
      ...(p.old ? { old: p.old.number } : {}),
      ...(p.new ? { new: p.new.number } : {}),
    })),
    options: { date, ...(o.params ? { params: o.params } : {}) },
    date,
    notes,
  };
}

const EVALUATORS = new WeakMap<Version, BudgetEvaluator>();

/** A compiled version as the budget runs it (instantiated once per version). */
export function evaluatorOf(v: Version): BudgetEvaluator {
  let e = EVALUATORS.get(v);
  if (!e) {
    e = v.js ? budgetEvaluator(v.js) : { policy: v.policy! };
    EVALUATORS.set(v, e);
  }
  return e;
}

/** Run a budget in this thread. */
export function budgetInThread(a: Version, b: Version, plan: BudgetPlan, size: number): Budget {
  const [x, y] = [evaluatorOf(a), evaluatorOf(b)];
  const acc = budgetRange(x, y, plan.pairs, plan.spec, plan.options, 0, size);
  return finishBudget(acc, plan.pairs, plan.spec, plan.date, plan.notes);
}
