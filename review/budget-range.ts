/**
 * Evaluating part of a synthetic population under both versions and summing the outlay exactly,
 * in integer 分. Each application is drawn once and shared by the two versions; each version runs
 * it on its fast lane (./budget-fast.ts) or, when that lane does not take it, through the public
 * `evaluate`. The sums are exact either way: integers of 分, a BigInt past 2^53, decimals for
 * anything finer than the 分.
 */
import { Dec, toPlain, UNNAMED_PAYER } from "../runtime/index.js";
import type { EvaluateOptions, Plan } from "../runtime/index.js";
import type { BudgetAcc, PairRef } from "./budget.js";
import {
  encode,
  encoderFor,
  fastLane,
  paidList,
  runLane,
  type BudgetEvaluator,
  type Encoder,
  type FastLane,
  type Paid,
} from "./budget-fast.js";
import { fenOf, fenText, FenSum } from "./fen.js";
import { applicationBuilder, type PopulationSpec } from "./population.js";
import { populationFiller } from "./population-fill.js";

/** One application in 64 is also validated by the generated validator, and must agree. */
const CHECK_EVERY = 64;

/** One version in a budget run: how it evaluates, and the outcome of the current application. */
class Side {
  readonly build: (values: readonly unknown[]) => Record<string, unknown>;
  readonly lane: FastLane | undefined;
  encoder: Encoder | undefined;
  readonly v: unknown[] = [];
  readonly paid: Paid = paidList();
  /** The current application: valid; its total in 分 (NaN: finer than the 分, see `text`). */
  ok = true;
  total = 0;
  text: readonly string[] = [];
  totalText = "0";
  byPayer: Readonly<Record<string, string>> | undefined;
  readonly payers: readonly string[] | undefined;
  fast = 0;
  full = 0;
  mismatch = 0;

  constructor(
    readonly e: BudgetEvaluator,
    spec: PopulationSpec,
    readonly options: EvaluateOptions,
  ) {
    const inputs = e.policy.meta.inputs;
    this.build = applicationBuilder(
      spec,
      inputs.map((i) => i.name),
    );
    this.lane = fastLane(e.plan, options);
    const fields = spec.fields.map((f) => f.name);
    this.encoder = this.lane && encoderFor(this.lane, inputs, fields);
    this.payers = (e.plan as Plan | undefined)?.payers;
  }

  /** Evaluate application `values` (number `check` in the run's sample when true). */
  run(values: readonly unknown[], check: boolean): void {
    this.byPayer = undefined;
    const lane = this.lane;
    if (lane) {
      let v: unknown[] | undefined;
      if (this.encoder) {
        v = encode(this.encoder, values, this.v) ? this.v : undefined;
        if (check) {
          const w = lane.fast.inputs(this.build(values));
          if (!same(v, w)) {
            // The validator is the authority: from here on, every application goes through it.
            this.mismatch++;
            this.encoder = undefined;
            v = w;
          }
        }
      } else v = lane.fast.inputs(this.build(values));
      if (v && runLane(lane, v, this.paid) && this.sumPaid()) {
        this.fast++;
        return;
      }
    }
    this.full++;
    this.evaluate(values);
  }

  private sumPaid(): boolean {
    let t = 0;
    for (let j = 0; j < this.paid.n; j++) t += this.paid.fen[j]!;
    if (!Number.isSafeInteger(t)) return false;
    this.ok = true;
    this.total = t;
    return true;
  }

  private evaluate(values: readonly unknown[]): void {
    const ev = this.e.policy.evaluate(this.build(values), this.options);
    const paid = this.paid;
    paid.n = 0;
    this.ok = ev.ok;
    this.total = 0;
    if (!ev.ok) return;
    const text: string[] = [];
    ev.result.clauses.forEach((c, k) => {
      if (c.status !== "awarded" || !c.amount || c.amount === "0") return;
      const j = paid.n++;
      paid.at[j] = k;
      paid.fen[j] = fenOf(c.amount);
      text[j] = c.amount;
    });
    this.text = text;
    this.total = fenOf(ev.result.total);
    this.totalText = ev.result.total;
    this.byPayer = ev.result.byPayer;
  }
}

function same(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A gain or a loss: the application and the delta (分 as a number, or exactly as a decimal). */
type Extreme = [number, number | Dec];

const asDec = (x: number | Dec) => (typeof x === "number" ? new Dec(x).div(100) : x);
/** x > y, for deltas in 分 or in 元. */
const above = (x: number | Dec, y: number | Dec) =>
  typeof x === "number" && typeof y === "number" ? x > y : asDec(x).gt(asDec(y));
/** A side's total in 元 as text. */
const totalText = (s: Side) =>
  !s.ok ? "0" : s.total === s.total ? fenText(BigInt(s.total)) : s.totalText;
const extremeText = (x: number | Dec) => (typeof x === "number" ? fenText(BigInt(x)) : toPlain(x));

/** The sums of one range, per side. */
class Sums {
  readonly clause: FenSum[][];
  readonly awards: number[][];
  readonly total = [new FenSum(), new FenSum()];
  readonly invalid = [0, 0];
  readonly payers = new Map<string, [FenSum, FenSum]>();
  readonly named = [false, false];
  better = 0;
  worse = 0;
  gain: Extreme | undefined;
  loss: Extreme | undefined;

  constructor(sizes: readonly [number, number]) {
    this.clause = sizes.map((n) => Array.from({ length: n }, () => new FenSum()));
    this.awards = sizes.map((n) => new Array<number>(n).fill(0));
  }

  private payer(who: string): [FenSum, FenSum] {
    let got = this.payers.get(who);
    if (!got) this.payers.set(who, (got = [new FenSum(), new FenSum()]));
    return got;
  }

  side(k: 0 | 1, s: Side): void {
    if (!s.ok) {
      this.invalid[k] = this.invalid[k]! + 1;
      return;
    }
    const { paid } = s;
    for (let j = 0; j < paid.n; j++) {
      const at = paid.at[j]!;
      const fen = paid.fen[j]!;
      if (fen === fen) this.clause[k]![at]!.add(fen);
      else this.clause[k]![at]!.addText(s.text[j]!);
      this.awards[k]![at]!++;
    }
    if (s.byPayer) {
      for (const [who, sum] of Object.entries(s.byPayer))
        if (sum !== "0") this.payer(who)[k].addText(sum);
        else this.payer(who);
    } else if (s.payers) {
      // The fast lane: every payer the policy names has an entry, as byPayer has.
      if (!this.named[k]) for (const who of s.payers) this.payer(who);
      this.named[k] = true;
      for (let j = 0; j < paid.n; j++)
        this.payer(paid.payer[j] ?? UNNAMED_PAYER)[k].add(paid.fen[j]!);
    }
  }

  /** Both sides of application `i` are in: totals, better or worse off, the extremes. */
  both(i: number, a: Side, b: Side): void {
    const ta = a.ok ? a.total : 0;
    const tb = b.ok ? b.total : 0;
    if (ta === 0 && tb === 0) return;
    let d: number | Dec;
    if (ta === ta && tb === tb && Number.isSafeInteger(tb - ta)) {
      this.total[0]!.add(ta);
      this.total[1]!.add(tb);
      d = tb - ta;
    } else {
      const x = totalText(a);
      const y = totalText(b);
      this.total[0]!.addText(x);
      this.total[1]!.addText(y);
      d = new Dec(y).minus(x);
      if (d.isZero()) return;
    }
    const sign = typeof d === "number" ? Math.sign(d) : d.cmp(0);
    if (sign > 0) {
      this.better++;
      if (!this.gain || above(d, this.gain[1])) this.gain = [i, d];
    } else if (sign < 0) {
      this.worse++;
      if (!this.loss || above(this.loss[1], d)) this.loss = [i, d];
    }
  }
}

/** Evaluate applications [from, to) of a population under both versions and sum the outlay. */
export function budgetRange(
  oldE: BudgetEvaluator,
  newE: BudgetEvaluator,
  pairs: readonly PairRef[],
  spec: PopulationSpec,
  options: EvaluateOptions,
  from: number,
  to: number,
): BudgetAcc {
  const opts = { ...options, explain: false };
  const a = new Side(oldE, spec, opts);
  const b = new Side(newE, spec, opts);
  const sums = new Sums([oldE.policy.meta.clauses.length, newE.policy.meta.clauses.length]);
  const fill = populationFiller(spec);
  const values = new Array<unknown>(spec.fields.length);
  for (let i = from; i < to; i++) {
    fill(i, values);
    const check = (i - from) % CHECK_EVERY === 0;
    a.run(values, check);
    b.run(values, check);
    sums.side(0, a);
    sums.side(1, b);
    sums.both(i, a, b);
  }
  return accOf(sums, pairs, oldE, newE, to - from, [a, b]);
}

function accOf(
  sums: Sums,
  pairs: readonly PairRef[],
  oldE: BudgetEvaluator,
  newE: BudgetEvaluator,
  count: number,
  sides: readonly Side[],
): BudgetAcc {
  const pos = (e: BudgetEvaluator, key: PairRef["old"]) =>
    e.policy.meta.clauses.findIndex((c) => c.number === key);
  const clause = (k: 0 | 1, at: number) =>
    at < 0 ? (["0", 0] as const) : ([sums.clause[k]![at]!.text(), sums.awards[k]![at]!] as const);
  return {
    count,
    clauses: pairs.map((p) => {
      const [o, ao] = clause(0, pos(oldE, p.old));
      const [n, an] = clause(1, pos(newE, p.new));
      return [o, n, ao, an] as const;
    }),
    totalOld: sums.total[0]!.text(),
    totalNew: sums.total[1]!.text(),
    payers: Object.fromEntries(
      [...sums.payers].map(([who, [o, n]]) => [who, [o.text(), n.text()] as const]),
    ),
    better: sums.better,
    worse: sums.worse,
    invalidOld: sums.invalid[0]!,
    invalidNew: sums.invalid[1]!,
    ...(sums.gain ? { gain: [sums.gain[0], extremeText(sums.gain[1])] as const } : {}),
    ...(sums.loss ? { loss: [sums.loss[0], extremeText(sums.loss[1])] as const } : {}),
    paths: {
      fast: sides.reduce((n, s) => n + s.fast, 0),
      full: sides.reduce((n, s) => n + s.full, 0),
      mismatch: sides.reduce((n, s) => n + s.mismatch, 0),
    },
  };
}
