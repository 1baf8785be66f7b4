/**
 * Budget: the total outlay under each version over a synthetic population, per clause and overall,
 * and how many applicants are better or worse off. The accumulator is plain data with decimal
 * strings, so worker threads can each fill one and the results merge exactly.
 */
import { Dec, toPlain } from "../runtime/money.js";
import type { ClauseKey } from "../runtime/types.js";
import { syntheticName, type PopulationSpec } from "./population.js";

/** A clause pair by numbers only (what workers need). */
export interface PairRef {
  readonly clause: string;
  readonly old?: ClauseKey;
  readonly new?: ClauseKey;
}

/** Partial sums over part of a population. */
export interface BudgetAcc {
  readonly count: number;
  /** Per pair: [old sum, new sum, old awards, new awards]; sums are decimal strings in 元. */
  readonly clauses: readonly (readonly [string, string, number, number])[];
  readonly totalOld: string;
  readonly totalNew: string;
  readonly better: number;
  readonly worse: number;
  readonly invalidOld: number;
  readonly invalidNew: number;
  /** 资金来源: per payer named by either version, [old sum, new sum] as decimal strings. */
  readonly payers: Readonly<Record<string, readonly [string, string]>>;
  /** Largest gain and loss: [index, delta]; delta a decimal string. */
  readonly gain?: readonly [number, string];
  readonly loss?: readonly [number, string];
  /** How the evaluations were made (both versions): on the fast lane, by the public evaluate. */
  readonly paths: { readonly fast: number; readonly full: number; readonly mismatch: number };
}

export interface ClauseBudget {
  readonly clause: string;
  readonly before: string;
  readonly after: string;
  readonly delta: string;
  readonly awardsBefore: number;
  readonly awardsAfter: number;
}

/** The outlay of one payer (资金来源) under each version. */
export interface PayerBudget {
  readonly payer: string;
  readonly before: string;
  readonly after: string;
  readonly delta: string;
}

/** One synthetic application with its change: `name` says what it is (合成申报 #472（…）). */
export interface Extreme {
  readonly index: number;
  readonly name: string;
  readonly delta: string;
}

export interface Budget {
  readonly size: number;
  readonly seed: number;
  readonly date: string;
  readonly clauses: readonly ClauseBudget[];
  readonly totalBefore: string;
  readonly totalAfter: string;
  readonly delta: string;
  /** 资金来源: the outlay by payer, when either version names one (they add up to the totals). */
  readonly payers?: readonly PayerBudget[];
  readonly better: number;
  readonly worse: number;
  readonly same: number;
  readonly invalidBefore: number;
  readonly invalidAfter: number;
  /** The application with the largest gain and loss (index in the population), its name and the amount. */
  readonly largestGain?: Extreme;
  readonly largestLoss?: Extreme;
  /** Assumptions, in Chinese. */
  readonly notes: readonly string[];
}

/** Merge partial sums (exactly, in decimal). */
export function mergeAcc(parts: readonly BudgetAcc[]): BudgetAcc {
  const [first, ...rest] = parts;
  if (!first) throw new Error("mergeAcc: no parts");
  const plus = (x: string, y: string) => toPlain(new Dec(x).plus(y));
  return rest.reduce<BudgetAcc>((acc, p) => {
    const pick = (
      a: readonly [number, string] | undefined,
      b: readonly [number, string] | undefined,
      gt: boolean,
    ) => (!a ? b : !b ? a : (gt ? new Dec(b[1]).gt(a[1]) : new Dec(b[1]).lt(a[1])) ? b : a);
    const gain = pick(acc.gain, p.gain, true);
    const loss = pick(acc.loss, p.loss, false);
    return {
      count: acc.count + p.count,
      clauses: acc.clauses.map((c, i) => {
        const d = p.clauses[i]!;
        return [plus(c[0], d[0]), plus(c[1], d[1]), c[2] + d[2], c[3] + d[3]] as const;
      }),
      totalOld: plus(acc.totalOld, p.totalOld),
      totalNew: plus(acc.totalNew, p.totalNew),
      payers: mergePayers(acc.payers, p.payers),
      better: acc.better + p.better,
      worse: acc.worse + p.worse,
      invalidOld: acc.invalidOld + p.invalidOld,
      invalidNew: acc.invalidNew + p.invalidNew,
      paths: {
        fast: acc.paths.fast + p.paths.fast,
        full: acc.paths.full + p.paths.full,
        mismatch: acc.paths.mismatch + p.paths.mismatch,
      },
      ...(gain ? { gain } : {}),
      ...(loss ? { loss } : {}),
    };
  }, first);
}

function mergePayers(
  a: BudgetAcc["payers"],
  b: BudgetAcc["payers"],
): Record<string, readonly [string, string]> {
  const out: Record<string, readonly [string, string]> = { ...a };
  for (const [who, [o, n]] of Object.entries(b)) {
    const have = out[who];
    out[who] = have
      ? [toPlain(new Dec(have[0]).plus(o)), toPlain(new Dec(have[1]).plus(n))]
      : [o, n];
  }
  return out;
}

const extreme = (spec: PopulationSpec, [index, delta]: readonly [number, string]): Extreme => ({
  index,
  name: syntheticName(spec, index),
  delta,
});

/** The budget report from merged sums. */
export function finishBudget(
  acc: BudgetAcc,
  pairs: readonly PairRef[],
  spec: PopulationSpec,
  date: string,
  notes: readonly string[],
): Budget {
  const minus = (x: string, y: string) => toPlain(new Dec(x).minus(y));
  return {
    size: acc.count,
    seed: spec.seed,
    date,
    clauses: pairs
      .map((p, i) => {
        const [before, after, awardsBefore, awardsAfter] = acc.clauses[i]!;
        return {
          clause: p.clause,
          before,
          after,
          delta: minus(after, before),
          awardsBefore,
          awardsAfter,
        };
      })
      .filter((c) => c.before !== "0" || c.after !== "0"),
    totalBefore: acc.totalOld,
    totalAfter: acc.totalNew,
    delta: minus(acc.totalNew, acc.totalOld),
    ...(Object.keys(acc.payers).length
      ? {
          payers: Object.entries(acc.payers).map(([payer, [before, after]]) => ({
            payer,
            before,
            after,
            delta: minus(after, before),
          })),
        }
      : {}),
    better: acc.better,
    worse: acc.worse,
    same: acc.count - acc.better - acc.worse,
    invalidBefore: acc.invalidOld,
    invalidAfter: acc.invalidNew,
    ...(acc.gain ? { largestGain: extreme(spec, acc.gain) } : {}),
    ...(acc.loss ? { largestLoss: extreme(spec, acc.loss) } : {}),
    notes,
  };
}
