/**
 * Operations generated code needs beyond decimal.js methods: guarded division, date spans, sums of
 * itemised amounts, and failures that turn into a clause error instead of a wrong number.
 */
import { Dec, ZERO } from "./money.js";

/** A failure while evaluating a clause (division by zero, no bracket matches …), in Chinese. */
export class EvalFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalFailure";
  }
}

/** Throw an evaluation failure. */
export function raise(message: string): never {
  throw new EvalFailure(message);
}

/** The Chinese text of a failure caught by a clause. */
export function failureText(e: unknown): string {
  return e instanceof EvalFailure
    ? e.message
    : `计算出错：${e instanceof Error ? e.message : String(e)}`;
}

/** a ÷ b, failing clearly on a zero divisor instead of producing Infinity. */
export function div(a: Dec, b: Dec): Dec {
  if (b.isZero()) raise("除数为零，无法计算");
  return a.div(b);
}

/** Days from `a` to `b` (ISO dates), counting the first day and not the last. */
export function days(a: string, b: string): Dec {
  const ms = Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`);
  return new Dec(Math.round(ms / 86400000));
}

/** Sum of an itemised amount, optionally only the listed items. */
export function sumRecord(rec: Readonly<Record<string, Dec>>, only?: readonly string[]): Dec {
  let s = ZERO;
  for (const k of only ?? Object.keys(rec)) {
    const v = rec[k];
    if (v) s = s.plus(v);
  }
  return s;
}

/** Sum of a per-year amount over the years from..to (inclusive). */
export function sumYears(rec: Readonly<Record<string, Dec>>, from: Dec, to: Dec): Dec {
  let s = ZERO;
  for (const [k, v] of Object.entries(rec)) {
    const y = Number(k);
    if (from.lte(y) && to.gte(y)) s = s.plus(v);
  }
  return s;
}
