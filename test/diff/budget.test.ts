import { describe, expect, it } from "vitest";
import { budgetInThread, evaluatorOf } from "../../review/budget-plan.js";
import { finishBudget, mergeAcc } from "../../review/budget.js";
import { budgetRange } from "../../review/budget-range.js";
import { budgetPlan, prepare } from "../../review/diff-policies.js";
import { application, applicationValues } from "../../review/population.js";
import { Dec } from "../../runtime/money.js";
import { draftSource, seedSource } from "./variants.js";

const p = prepare(seedSource(), draftSource());

describe("budget over a synthetic population", () => {
  it("is reproducible: the same seed gives the same population and the same totals", () => {
    const plan = budgetPlan(p, { size: 400, seed: 42 });
    const again = budgetPlan(p, { size: 400, seed: 42 });
    expect(again.spec).toEqual(plan.spec);
    expect(application(plan.spec, 17)).toEqual(application(again.spec, 17));
    const b1 = budgetInThread(p.old, p.new, plan, 400);
    const b2 = budgetInThread(p.old, p.new, again, 400);
    expect(b2).toEqual(b1);
    const other = budgetInThread(p.old, p.new, budgetPlan(p, { size: 400, seed: 43 }), 400);
    expect(other.totalBefore).not.toBe(b1.totalBefore);
  });

  it("sums per clause and overall, exactly, and counts who is better or worse off", () => {
    const plan = budgetPlan(p, { size: 600, seed: 1 });
    const b = budgetInThread(p.old, p.new, plan, 600);
    expect(b.size).toBe(600);
    expect(b.better + b.worse + b.same).toBe(600);
    expect(b.better).toBeGreaterThan(0);
    expect(b.worse).toBeGreaterThan(0);
    const sum = (side: "before" | "after") =>
      b.clauses.reduce((s, c) => s.plus(c[side]), new Dec(0)).toFixed();
    expect(sum("before")).toBe(new Dec(b.totalBefore).toFixed());
    expect(sum("after")).toBe(new Dec(b.totalAfter).toFixed());
    expect(new Dec(b.totalAfter).minus(b.totalBefore).toFixed()).toBe(new Dec(b.delta).toFixed());
    // 第13条 is new: 50万元 each, less what 叠加规则 deducts for other district support.
    const c13 = b.clauses.find((c) => c.clause === "第13条")!;
    expect(c13.before).toBe("0");
    expect(c13.awardsAfter).toBeGreaterThan(0);
    expect(new Dec(c13.after).lte(c13.awardsAfter * 500000)).toBe(true);
    for (const c of b.clauses) expect(c.before).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  it("gives the same result however the population is split (as worker threads split it)", () => {
    const plan = budgetPlan(p, { size: 500, seed: 9 });
    const run = (from: number, to: number) =>
      budgetRange(
        evaluatorOf(p.old),
        evaluatorOf(p.new),
        plan.pairs,
        plan.spec,
        plan.options,
        from,
        to,
      );
    const whole = finishBudget(run(0, 500), plan.pairs, plan.spec, plan.date, plan.notes);
    const parts = finishBudget(
      mergeAcc([run(0, 123), run(123, 377), run(377, 500)]),
      plan.pairs,
      plan.spec,
      plan.date,
      plan.notes,
    );
    expect(parts).toEqual(whole);
    expect(applicationValues(plan.spec, 300)).toEqual(applicationValues({ ...plan.spec }, 300));
  });

  it("states its assumptions", () => {
    const plan = budgetPlan(p, { size: 10, seed: 1 });
    expect(plan.notes.join("")).toContain("种子 1");
    expect(plan.notes.join("")).toContain("名额（第5条 每年20个）");
    expect(plan.date).toBe("2021-06-18");
  });
});
