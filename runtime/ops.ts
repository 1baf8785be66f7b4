/**
 * Operations generated code needs beyond decimal.js methods: guarded division, date spans, sums of
 * itemised amounts, and failures that turn into a clause error instead of a wrong number.
 */
import type { ClauseRun } from "./clause.js";
import { Dec, ZERO } from "./money.js";
import type { ClauseResult } from "./types.js";

/** A failure while evaluating a clause (division by zero, no bracket matches …), in Chinese. */
export class EvalFailure extends Error {
  constructor(
    message: string,
    /** True when the failure means "not applicable" (a figure below every bracket), not an error. */
    readonly ineligible = false,
    /** True when the amount waits for a decision elsewhere (a referred clause needs one). */
    readonly pending = false,
  ) {
    super(message);
    this.name = "EvalFailure";
  }
}

/** A figure outside every bracket: the clause does not apply. */
export function outOfRange(message: string): never {
  throw new EvalFailure(message, true);
}

/** Turn a failure caught in a clause into its result: not applicable, or an error. */
export function caught(c: ClauseRun, e: unknown): ClauseResult {
  if (e instanceof EvalFailure && e.pending) return c.pending(e.message);
  if (e instanceof EvalFailure && e.ineligible) {
    c.fail(e.message);
    return c.ineligible();
  }
  return c.error(failureText(e));
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

/**
 * Sum of a per-year amount over the years from..to (inclusive). With `required` (the input's name,
 * given when it has no default) every year in the range must be listed: a missing year fails the
 * clause, naming the years, rather than counting as 0.
 */
export function sumYears(
  rec: Readonly<Record<string, Dec>>,
  from: Dec,
  to: Dec,
  required?: string,
): Dec {
  if (required !== undefined) {
    const first = Math.max(1000, Math.ceil(from.toNumber()));
    const last = Math.min(9999, Math.floor(to.toNumber()));
    const missing: number[] = [];
    let count = 0;
    for (let y = first; y <= last; y++)
      if (!Object.prototype.hasOwnProperty.call(rec, String(y)) && count++ < 10) missing.push(y);
    if (count)
      raise(
        `缺少“${required}”中 ${missing.map((y) => `${y}年`).join("、")}${count > missing.length ? ` 等 ${count} 个年度` : ""}的金额：按年填写，如 {"${missing[0]}": "100万"}（未设默认值，缺少的年度不按 0 计）`,
      );
  }
  let s = ZERO;
  for (const [k, v] of Object.entries(rec)) {
    const y = Number(k);
    if (from.lte(y) && to.gte(y)) s = s.plus(v);
  }
  return s;
}
