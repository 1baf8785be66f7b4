/**
 * A large 分档 as data (issue 12): instead of one if-branch per row, the generator emits the
 * rows' bounds as constant arrays, sorted by lower bound, and the evaluator finds the row by
 * binary search. The checker refuses overlapping and empty rows (E209, E211) and the generator
 * checks the sorted rows are disjoint again, so at most one row holds a value: the last row whose
 * lower bound admits it, if its upper bound does too. Used with decimals on the decimal.js path
 * and with scaled integers on the fast path.
 */
import { Dec } from "./money.js";

/**
 * Rows sorted by lower bound: `lo[i]`/`hi[i]` are the bounds (null: none), and `inc` holds two
 * characters per row, `[` or `(` for an inclusive or exclusive lower bound, `]` or `)` for the
 * upper one, as in interval notation.
 */
export interface BracketRows<T> {
  readonly lo: readonly (T | null)[];
  readonly hi: readonly (T | null)[];
  readonly inc: string;
}

const OPEN_INCLUSIVE = 91; // "["
const CLOSE_INCLUSIVE = 93; // "]"

/**
 * The index of the row holding `s`, or -1 when none does. `cmp(s, b)` is negative, zero or
 * positive as s is below, at or above b; NaN (an absent value on the fast path) is in no row
 * that has a bound.
 */
export function bracketRow<T>(t: BracketRows<T>, s: T, cmp: (a: T, b: T) => number): number {
  // the rows whose lower bound admits s come first in this order: find the last of them
  let a = 0;
  let b = t.lo.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    const lo = t.lo[mid]!;
    const c = lo === null ? 1 : cmp(s, lo);
    if (c > 0 || (c === 0 && t.inc.charCodeAt(2 * mid) === OPEN_INCLUSIVE)) a = mid + 1;
    else b = mid;
  }
  const i = a - 1;
  if (i < 0) return -1;
  const hi = t.hi[i]!;
  if (hi === null) return i;
  const c = cmp(s, hi);
  return c < 0 || (c === 0 && t.inc.charCodeAt(2 * i + 1) === CLOSE_INCLUSIVE) ? i : -1;
}

/** Compare two decimals (for {@link bracketRow} on the decimal.js path). */
export const decCmp = (a: Dec, b: Dec): number => a.cmp(b);

/** Compare two scaled integers (for {@link bracketRow} on the fast path); NaN when either is NaN. */
export const intCmp = (a: number, b: number): number => a - b;

/** Bounds and values written as decimal strings in generated code, parsed once at load. */
export function decBrackets(
  lo: readonly (string | null)[],
  hi: readonly (string | null)[],
  inc: string,
): BracketRows<Dec> {
  const d = (x: string | null) => (x === null ? null : new Dec(x));
  return { lo: lo.map(d), hi: hi.map(d), inc };
}

/** Decimal constants written as strings in generated code (a 分档's values), parsed once at load. */
export function decs(xs: readonly string[]): Dec[] {
  return xs.map((x) => new Dec(x));
}
