/**
 * Issue 16 §3: the budget's fast lane (integer 分, the compiled module's fast path called directly,
 * values encoded straight from the population) gives, to the 分, what a plain reference gives:
 * every application evaluated with the public `evaluate` (explanations on, the decimal.js path)
 * and summed with decimal.js.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { budgetInThread, evaluatorOf, type BudgetPlan } from "../../review/budget-plan.js";
import type { Budget } from "../../review/budget.js";
import { budgetRange } from "../../review/budget-range.js";
import { encode, encoderFor, fastLane, type BudgetEvaluator } from "../../review/budget-fast.js";
import { budgetPlan, prepare, type Prepared } from "../../review/diff-policies.js";
import { applicationBuilder, applicationValues } from "../../review/population.js";
import { populationFiller } from "../../review/population-fill.js";
import { Dec, UNNAMED_PAYER } from "../../runtime/index.js";
import { draftSource, seedSource } from "./variants.js";

/** The budget the slow, obvious way: public evaluate per application, decimal.js sums. */
function reference(p: Prepared, plan: BudgetPlan, size: number) {
  const sides = [p.old, p.new].map((v) => {
    const policy = v.policy!;
    const build = applicationBuilder(
      plan.spec,
      policy.meta.inputs.map((i) => i.name),
    );
    return { policy, build };
  });
  const clause = new Map<string, [Dec, Dec, number, number]>();
  const payers = new Map<string, [Dec, Dec]>();
  const total = [new Dec(0), new Dec(0)];
  let [better, worse] = [0, 0];
  const invalid = [0, 0];
  let gain: [number, Dec] | undefined;
  let loss: [number, Dec] | undefined;
  for (let i = 0; i < size; i++) {
    const values = applicationValues(plan.spec, i);
    const t = [new Dec(0), new Dec(0)];
    sides.forEach((s, k) => {
      const ev = s.policy.evaluate({ ...s.build(values) }, plan.options);
      if (!ev.ok) return void invalid[k]!++;
      for (const c of ev.result.clauses) {
        if (c.status !== "awarded" || !c.amount || c.amount === "0") continue;
        const row = clause.get(c.clause) ?? [new Dec(0), new Dec(0), 0, 0];
        row[k] = (row[k] as Dec).plus(c.amount);
        row[k + 2] = (row[k + 2] as number) + 1;
        clause.set(c.clause, row);
        t[k] = t[k]!.plus(c.amount);
        if (ev.result.byPayer) {
          const who = c.payer ?? UNNAMED_PAYER;
          const acc = payers.get(who) ?? [new Dec(0), new Dec(0)];
          acc[k] = acc[k]!.plus(c.amount);
          payers.set(who, acc);
        }
      }
      expect(t[k]!.toFixed()).toBe(new Dec(ev.result.total).toFixed());
    });
    total[0] = total[0]!.plus(t[0]!);
    total[1] = total[1]!.plus(t[1]!);
    const d = t[1]!.minus(t[0]!);
    if (d.gt(0)) {
      better++;
      if (!gain || d.gt(gain[1])) gain = [i, d];
    } else if (d.lt(0)) {
      worse++;
      if (!loss || d.lt(loss[1])) loss = [i, d];
    }
  }
  return { clause, payers, total, better, worse, invalid, gain, loss };
}

function expectSame(b: Budget, r: ReturnType<typeof reference>): void {
  expect(new Dec(b.totalBefore).toFixed()).toBe(r.total[0]!.toFixed());
  expect(new Dec(b.totalAfter).toFixed()).toBe(r.total[1]!.toFixed());
  expect([b.better, b.worse]).toEqual([r.better, r.worse]);
  expect([b.invalidBefore, b.invalidAfter]).toEqual(r.invalid);
  const rows = [...r.clause].filter(([, [o, n]]) => !o.isZero() || !n.isZero());
  expect(b.clauses.map((c) => c.clause).sort()).toEqual(rows.map(([c]) => c).sort());
  for (const [name, [o, n, ao, an]] of rows) {
    const c = b.clauses.find((x) => x.clause === name)!;
    expect([c.before, c.after, c.awardsBefore, c.awardsAfter]).toEqual([
      o.toFixed(),
      n.toFixed(),
      ao,
      an,
    ]);
  }
  for (const [who, [o, n]] of r.payers) {
    const x = b.payers?.find((y) => y.payer === who);
    expect([x?.before, x?.after]).toEqual([o.toFixed(), n.toFixed()]);
  }
  const extreme = (x?: { index: number; delta: string }) => x && { index: x.index, delta: x.delta };
  expect(extreme(b.largestGain)).toEqual(
    r.gain && { index: r.gain[0], delta: r.gain[1].toFixed() },
  );
  expect(extreme(b.largestLoss)).toEqual(
    r.loss && { index: r.loss[0], delta: r.loss[1].toFixed() },
  );
}

const GOOD = "test/cases/good";
const goodPolicies = readdirSync(GOOD)
  .filter((f) => f.endsWith(".zc"))
  .map((f) => [f, readFileSync(`${GOOD}/${f}`, "utf8")] as const);

/** A version of a policy with its first percentage lowered, so the two versions differ. */
const mutate = (src: string) => src.replace(/(\d+)%/, (_, n: string) => `${Math.max(1, +n - 5)}%`);

describe("the budget, exactly as the public evaluate and decimal.js give it", () => {
  it("the seed and the reviewer's draft, 20,000 applications", () => {
    const p = prepare(seedSource(), draftSource());
    const plan = budgetPlan(p, { size: 20000, seed: 1 });
    const b = budgetInThread(p.old, p.new, plan, 20000);
    expectSame(b, reference(p, plan, 20000));
    expect(b.better).toBeGreaterThan(0);
    expect(b.worse).toBeGreaterThan(0);
    // and the fast lane did the work: every evaluation, the validator agreeing on every sample
    const acc = budgetRange(
      evaluatorOf(p.old),
      evaluatorOf(p.new),
      plan.pairs,
      plan.spec,
      plan.options,
      0,
      2000,
    );
    expect(acc.paths).toEqual({ fast: 4000, full: 0, mismatch: 0 });
  }, 120_000);

  it("every good test policy against a changed version of itself", () => {
    let fast = 0;
    for (const [name, src] of goodPolicies) {
      const p = prepare(src, mutate(src));
      if (!p.old.policy || !p.new.policy) throw new Error(`${name} does not compile`);
      const plan = budgetPlan(p, { size: 1500, seed: 3 });
      const acc = budgetRange(
        evaluatorOf(p.old),
        evaluatorOf(p.new),
        plan.pairs,
        plan.spec,
        plan.options,
        0,
        1500,
      );
      expect(acc.paths.mismatch, name).toBe(0);
      fast += acc.paths.fast;
      expectSame(budgetInThread(p.old, p.new, plan, 1500), reference(p, plan, 1500));
    }
    expect(fast).toBeGreaterThan(10000);
  }, 120_000);
});

describe("the population drawn fast is the population", () => {
  it("fills the same values as applicationValues, for every good policy's inputs", () => {
    for (const [, src] of [["seed", seedSource()] as const, ...goodPolicies]) {
      const p = prepare(src, src);
      for (const seed of [1, 77]) {
        const spec = budgetPlan(p, { size: 1, seed }).spec;
        const fill = populationFiller(spec);
        const out: unknown[] = [];
        for (let i = 0; i < 3000; i++) {
          fill(i, out);
          expect(out).toEqual(applicationValues(spec, i));
        }
      }
    }
  });

  it("encodes each application as the generated validator reads it (the validator is the authority)", () => {
    let encoded = 0;
    for (const [, src] of [["seed", seedSource()] as const, ...goodPolicies]) {
      const p = prepare(src, src);
      const plan = budgetPlan(p, { size: 1, seed: 5 });
      const e = evaluatorOf(p.old);
      const lane = fastLane(e.plan, plan.options);
      const inputs = e.policy.meta.inputs;
      const enc =
        lane &&
        encoderFor(
          lane,
          inputs,
          plan.spec.fields.map((f) => f.name),
        );
      if (!lane || !enc) continue;
      const build = applicationBuilder(
        plan.spec,
        inputs.map((i) => i.name),
      );
      const v: unknown[] = [];
      for (let i = 0; i < 3000; i++) {
        const values = applicationValues(plan.spec, i);
        const ok = encode(enc, values, v);
        const w = lane.fast.inputs(build(values));
        expect(ok ? [...v] : undefined).toEqual(w);
      }
      encoded++;
    }
    expect(encoded).toBeGreaterThan(10);
  });

  it("notices an encoding the validator disagrees with, and lets the validator decide", () => {
    const p = prepare(seedSource(), draftSource());
    const plan = budgetPlan(p, { size: 3000, seed: 2 });
    // A validator that reads 项目实际投资 one 分 higher above 1万元 (the probes use 1元 and the
    // default 0, so only the applications can tell).
    const skew = (e: BudgetEvaluator): BudgetEvaluator => {
      const fast = e.plan!.fast!;
      const inputs = (app: Record<string, unknown>) => {
        const v = fast.inputs(app);
        return v && v.map((x, i) => (i === 7 && typeof x === "number" && x > 1e6 ? x + 1 : x));
      };
      return { ...e, plan: { ...e.plan!, fast: { ...fast, inputs } } };
    };
    const acc = budgetRange(
      skew(evaluatorOf(p.old)),
      evaluatorOf(p.new),
      plan.pairs,
      plan.spec,
      plan.options,
      0,
      3000,
    );
    expect(acc.paths.mismatch).toBe(1);
    const honest = budgetRange(
      evaluatorOf(p.old),
      evaluatorOf(p.new),
      plan.pairs,
      plan.spec,
      plan.options,
      0,
      3000,
    );
    expect(honest.paths.mismatch).toBe(0);
  });
});
