/**
 * The diff Web Worker: the compiler's reviewer diff for the version-diff view, kept off the page
 * and off the compiler worker (so typing stays smooth while a diff runs). It runs the stages of
 * `diffPolicies` one after another and answers after each: the change list (fast), the budget over
 * a seeded synthetic population of 100,000 applications in chunks (so a drafter typing in the diff
 * view sees the cost of the change within a second), the impact on the embedded cases, then the
 * boundaries clause by clause. Between chunks and stages it yields, so a newer request (the next
 * keystroke) abandons an older one.
 */
import { caseSamples } from "../../../review/index.js";
import { targetBoundaries } from "../../../review/index.js";
import { budgetRange, evaluatorOf, finishBudget, mergeAcc } from "../../../review/index.js";
import type { BudgetAcc } from "../../../review/index.js";
import { budgetPlan, countChanges, diffPrepared, prepare } from "../../../review/index.js";
import { scanTargets } from "../../../review/index.js";
import type { Diagnostic } from "../../../grammar/index.js";
import type { BoundaryView, DiffMessage, DiffRequest, DiffResponse } from "../diff-protocol.js";
import { boundaryView, budgetView, impactView } from "./diff-view-model.js";

/** The population of the budget (issue 16: 100,000 applications), few slices per clause. */
export const POPULATION = { size: 100_000, seed: 1 } as const;
const SLICES_PER_CLAUSE = 3;
/** Applications per chunk of the budget: about 30–60 ms each, between which a newer request wins. */
const BUDGET_CHUNK = 10_000;

const post = (r: DiffResponse) => (self as unknown as Worker).postMessage(r);
const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The id of the newest request; an older run stops at its next yield. */
let latest = 0;

/** Let queued messages in; false when a newer request arrived meanwhile. */
const still = (id: number) =>
  new Promise<boolean>((resolve) => setTimeout(() => resolve(latest === id), 0));

function firstError(ds: readonly Diagnostic[]): string | undefined {
  const d = ds.find((x) => x.severity === "error");
  return d ? `第${d.span.line}行第${d.span.col}列：${d.message}` : undefined;
}

async function run(req: DiffRequest): Promise<void> {
  const { id } = req;
  const t0 = performance.now();
  const p = prepare(req.oldSource, req.newSource);
  const ok = !!p.old.policy && !!p.new.policy;
  const problems = {
    ...(p.old.policy ? {} : { old: firstError(p.old.diagnostics) ?? "无法解析" }),
    ...(p.new.policy ? {} : { new: firstError(p.new.diagnostics) ?? "无法解析" }),
  };
  const counts = countChanges(p.changes);
  post({ kind: "changes", id, ok, changes: p.changes, counts, problems });
  // Nothing that can change an amount: no impact to compute.
  if (!ok || counts.rule === 0) return post({ kind: "done", id, ms: performance.now() - t0 });

  if (!(await budgetStage(id, p))) return;
  post({ kind: "progress", id, text: "正在计算对内嵌案例的影响……" });
  if (!(await still(id))) return;
  const report = diffPrepared(p, { boundaries: false });
  if (report.impact) post({ kind: "impact", id, impact: impactView(report.impact) });

  const targets = scanTargets(p.old, p.new, p.pairs, p.changes);
  const cases = caseSamples(p.old, p.new);
  const boundaries: BoundaryView[] = [];
  for (const [i, t] of targets.entries()) {
    post({
      kind: "progress",
      id,
      text: `正在查找金额不同的输入范围：${t.clause}（${i + 1} / ${targets.length}）……`,
    });
    if (!(await still(id))) return;
    boundaries.push(boundaryView(targetBoundaries(p.old, p.new, t, cases, SLICES_PER_CLAUSE)));
    post({ kind: "boundaries", id, boundaries: [...boundaries] });
  }

  post({ kind: "done", id, ms: performance.now() - t0 });
}

/** The budget in chunks with progress; false when a newer request took over. */
async function budgetStage(id: number, p: ReturnType<typeof prepare>): Promise<boolean> {
  const plan = budgetPlan(p, POPULATION);
  const parts: BudgetAcc[] = [];
  for (let from = 0; from < POPULATION.size; from += BUDGET_CHUNK) {
    post({
      kind: "progress",
      id,
      text: `正在计算预算影响：${from.toLocaleString("zh-CN")} / ${POPULATION.size.toLocaleString("zh-CN")} 份合成申报……`,
    });
    if (!(await still(id))) return false;
    const to = Math.min(from + BUDGET_CHUNK, POPULATION.size);
    parts.push(
      budgetRange(
        evaluatorOf(p.old),
        evaluatorOf(p.new),
        plan.pairs,
        plan.spec,
        plan.options,
        from,
        to,
      ),
    );
  }
  const budget = finishBudget(mergeAcc(parts), plan.pairs, plan.spec, plan.date, plan.notes);
  post({ kind: "budget", id, budget: budgetView(budget) });
  return true;
}

self.onmessage = (e: MessageEvent<DiffMessage>) => {
  const req = e.data;
  if (req.kind === "cancel") {
    latest = 0;
    return;
  }
  latest = req.id;
  run(req).catch((err: unknown) =>
    post({ kind: "failed", id: req.id, error: `对比时出错：${describe(err)}` }),
  );
};
