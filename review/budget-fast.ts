/**
 * The budget's fast lane for one version: the compiled module's own fast path (its generated
 * validator, 支持对象 and clause functions on integer money) called directly, with amounts kept in
 * 分 instead of built into a result, and 叠加规则 (从高不重复, the deduction) applied in 分 exactly as
 * runtime/stacking.ts applies them on that path. Whatever the fast path would not take (a failed
 * validation, a clause that falls back, options it refuses, a policy without one) is evaluated
 * with the public `evaluate` instead, so every application counts once and exactly.
 */
import { RANK_UNIT, rt } from "../runtime/index.js";
import type { CompiledPolicy, EvaluateOptions, InputMeta, Plan } from "../runtime/index.js";
import { fenOf } from "./fen.js";

/** A version as a budget runs it: its public evaluator and, when it has one, its plan. */
export interface BudgetEvaluator {
  readonly policy: CompiledPolicy;
  readonly plan?: Plan;
}

type FastPlan = NonNullable<Plan["fast"]>;

/** Instantiate a factory script (`compile(...).js`) keeping hold of the plan it defines. */
export function budgetEvaluator(js: string): BudgetEvaluator {
  let plan: Plan | undefined;
  const capture = {
    ...rt,
    definePolicy: (p: Plan, schema: Record<string, unknown>) => {
      plan = p;
      return rt.definePolicy(p, schema);
    },
  };
  const factory = new Function("rt", `"use strict";\n${js}`) as (r: typeof rt) => CompiledPolicy;
  const policy = factory(capture);
  return plan ? { policy, plan } : { policy };
}

/** The paid clauses of one evaluation: clause position, amount in 分 and payer, in clause order. */
export interface Paid {
  n: number;
  readonly at: number[];
  readonly fen: number[];
  readonly payer: (string | undefined)[];
  /** Counts for 从高不重复 and the deduction (awarded, not 可叠加). */
  readonly stacks: boolean[];
}

export function paidList(): Paid {
  return { n: 0, at: [], fen: [], payer: [], stacks: [] };
}

/** What the fast lane needs of a plan, fixed for one budget run (one date, no other options). */
export interface FastLane {
  readonly fast: FastPlan;
  readonly p: readonly unknown[];
  readonly date: string;
  readonly highestOnly: boolean;
}

/** The lane for this plan and these options, or undefined when runtime/fast.ts would not run it. */
export function fastLane(plan: Plan | undefined, options: EvaluateOptions): FastLane | undefined {
  const fast = plan?.fast;
  if (!plan || !fast || plan.stacking.limits || plan.validFor) return undefined;
  const date = options.date;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || rt.isoDate(date) !== date) return undefined;
  for (const [k, v] of Object.entries(options))
    if (v !== undefined && k !== "date" && k !== "explain") return undefined;
  const d = date;
  if (
    (plan.validFrom && d < plan.validFrom) ||
    (plan.validTo && d > plan.validTo) ||
    (plan.repeal && d >= plan.repeal.date) ||
    (plan.window && (d < plan.window.from || d > plan.window.to))
  )
    return undefined;
  const values = plan.params.map((x) => {
    let value = x.value;
    for (const b of x.byDate ?? []) if (b.from <= d) value = b.value;
    return value;
  });
  const p = fast.params(values);
  if (!p) return undefined;
  return { fast, p, date: d, highestOnly: plan.stacking.highestOnly };
}

/**
 * Evaluate validated values `v` on the lane into `out`; false when the application must go
 * through the public evaluate (a clause fell back, an amount finer than the 分, an overflow).
 */
export function runLane(lane: FastLane, v: readonly unknown[], out: Paid): boolean {
  const { fast, p, date } = lane;
  out.n = 0;
  try {
    if (fast.eligibility(v, p, date)) return true;
    let stackable = 0;
    const fs = fast.clauses;
    for (let k = 0; k < fs.length; k++) {
      const c = fs[k]!(v, p, date);
      if (c.status !== "awarded" || c.amount === null || c.amount === "0") continue;
      const fen = fenOf(c.amount);
      if (fen !== fen) return false;
      const j = out.n++;
      out.at[j] = k;
      out.fen[j] = fen;
      out.payer[j] = c.payer;
      out.stacks[j] = !c.stacksWith;
      if (!c.stacksWith) stackable++;
    }
    const deduct = stackable > 0 && fast.deduct ? fast.deduct(v, p) : "0";
    if (lane.highestOnly && stackable > 1) highestOnly(out);
    if (deduct !== "0") {
      const left = fenOf(deduct);
      if (left !== left) return false;
      if (left > 0) deductFrom(out, left);
    }
    return true;
  } catch {
    // FALLBACK, or a failure the full path words: the public evaluate gives it.
    return false;
  }
}

/** 从高不重复: the first stackable clause with the largest amount stays paid; the others do not. */
function highestOnly(out: Paid): void {
  let best = -1;
  for (let j = 0; j < out.n; j++)
    if (out.stacks[j] && (best < 0 || out.fen[j]! > out.fen[best]!)) best = j;
  keep(out, (j) => !out.stacks[j] || j === best);
}

/** The deduction, taken from the stackable clauses in order; a clause brought to 0 is not paid. */
function deductFrom(out: Paid, left: number): void {
  for (let j = 0; j < out.n && left > 0; j++) {
    if (!out.stacks[j]) continue;
    const amount = out.fen[j]!;
    const after = amount > left ? amount - left : 0;
    left -= amount - after;
    out.fen[j] = after;
  }
  keep(out, (j) => out.fen[j] !== 0);
}

function keep(out: Paid, test: (j: number) => boolean): void {
  let w = 0;
  for (let j = 0; j < out.n; j++) {
    if (!test(j)) continue;
    out.at[w] = out.at[j]!;
    out.fen[w] = out.fen[j]!;
    out.payer[w] = out.payer[j];
    out.stacks[w] = out.stacks[j]!;
    w++;
  }
  out.n = w;
}

/**
 * Values straight from the generated population, in the form the generated validator gives them,
 * without walking an application object. The encoding is read off the validator itself (its
 * output for a minimal application gives every default, one more call per number field its
 * scale), and the budget checks it against the validator on a sample of every run.
 */
export interface Encoder {
  /** Position in the population spec of each declared input (-1: the spec does not have it). */
  readonly from: readonly number[];
  /** Per input: 0 taken as it is, 1 a number scaled by 10^scale, 2 a 名次 (≥ 1) scaled. */
  readonly kind: readonly number[];
  readonly scale: readonly number[];
  readonly required: readonly boolean[];
  /** The validator's output for the minimal application: defaults where nothing is given. */
  readonly v0: readonly unknown[];
}

/** Input types encoded directly (a 比例 is drawn as text such as "37%", which the validator leaves to the full one). */
const ENCODED = new Set(["bool", "money", "count", "enum", "date", "text"]);

function probeValue(f: InputMeta): unknown {
  switch (f.type) {
    case "bool":
      return true;
    case "money":
    case "count":
      return 1;
    case "enum":
      return f.values?.[0];
    case "date":
      return "2000-01-01";
    case "text":
      return "甲";
    default:
      return undefined;
  }
}

/** The encoder for a lane's validator, or undefined when its inputs are not all encodable. */
export function encoderFor(
  lane: FastLane,
  inputs: readonly InputMeta[],
  fields: readonly string[],
): Encoder | undefined {
  const base: Record<string, unknown> = {};
  for (const f of inputs) {
    if (!ENCODED.has(f.type) || (f.type === "enum" && !f.values?.length)) return undefined;
    if (f.default !== undefined) continue;
    const x = probeValue(f);
    if (x === undefined) return undefined;
    base[f.name] = x;
  }
  const v0 = lane.fast.inputs(base);
  if (!v0) return undefined;
  const kind: number[] = [];
  const scale: number[] = [];
  for (const f of inputs) {
    const numeric = f.type === "money" || f.type === "count";
    kind.push(numeric ? (f.unit === RANK_UNIT ? 2 : 1) : 0);
    if (!numeric) {
      scale.push(0);
      continue;
    }
    const v1 = lane.fast.inputs({ ...base, [f.name]: 1 });
    const k = inputs.indexOf(f);
    const s = v1 ? [1, 10, 100, 1000, 10000, 1e5, 1e6].indexOf(v1[k] as number) : -1;
    if (s < 0) return undefined;
    scale.push(s);
  }
  return {
    from: inputs.map((f) => fields.indexOf(f.name)),
    kind,
    scale,
    required: inputs.map((f) => f.default === undefined),
    v0,
  };
}

/** Encode population values into `v`; false when the validator would not take them as they are. */
export function encode(e: Encoder, values: readonly unknown[], v: unknown[]): boolean {
  const n = e.from.length;
  for (let k = 0; k < n; k++) {
    const j = e.from[k]!;
    const raw = j >= 0 ? values[j] : undefined;
    if (raw === undefined) {
      if (e.required[k]) return false;
      v[k] = e.v0[k];
      continue;
    }
    const kind = e.kind[k]!;
    if (kind === 0) {
      v[k] = raw;
      continue;
    }
    if (typeof raw !== "number" || (kind === 2 && raw < 1)) return false;
    const x = rt.scaledNumber(raw, e.scale[k]!);
    if (x === undefined) return false;
    v[k] = x;
  }
  v[n] = undefined;
  return true;
}
