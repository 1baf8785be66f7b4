/**
 * Exact integer money for the fast path: every number is an integer `n` standing for n / 10^s,
 * with the scale `s` fixed by the code generator. Amounts of 元 to the 分 have scale 2, a ratio
 * of 0.3 is 3 at scale 1, their product 分 × ratio is exact at scale 3 and is rounded to the 分
 * once, by the policy's rule. Never a float for money: every result is checked to be a safe
 * integer, and anything else (an overflow, NaN from an absent value) throws {@link FALLBACK},
 * after which the application is evaluated again on the decimal.js path.
 */
import { Dec, type RoundMode } from "./money.js";

/** Thrown when the fast path cannot stay exact; the caller falls back to decimal.js. */
export const FALLBACK: unique symbol = Symbol("fast-path-fallback");

/** Leave the fast path (an overflow, a value it does not take, a rare case it does not build). */
export function fall(): never {
  throw FALLBACK;
}

const MAX = Number.MAX_SAFE_INTEGER;

/** 10^k, exact for the k the generator uses (a double holds powers of ten exactly up to 10^22). */
export const P10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The checked result of an integer operation. A product or sum of safe integers whose exact value
 * is a safe integer is computed exactly; if the exact value is not, the double is ≥ 2^53 in size
 * (rounding is monotonic), so the test below catches every inexact result, and NaN too.
 */
export function ck(x: number): number {
  if (x <= MAX && x >= -MAX) return x;
  return fall();
}

/** x × 10^k, checked: raising a value to a finer scale. */
export function up(x: number, k: number): number {
  return k === 0 ? x : ck(x * P10[k]!);
}

/**
 * x / 10^k rounded by `mode`, on the magnitude (decimal.js's ROUND_HALF_UP, ROUND_DOWN and
 * ROUND_UP round ties, and everything, away from or towards zero the same way on both signs).
 */
export function rnd(x: number, k: number, mode: RoundMode): number {
  if (k === 0) return x;
  const d = P10[k] ?? fall();
  const neg = x < 0;
  const m = neg ? -x : x;
  const r = m % d;
  let q = (m - r) / d;
  if (r !== 0 && (mode === "up" || (mode === "halfUp" && r * 2 >= d))) q++;
  return neg ? -q : q;
}

/** n / 10^s as decimal.js prints it on the project's clone: plain, no trailing zeros, "0" for zero. */
export function plain(n: number, s: number): string {
  if (n === 0) return "0";
  const neg = n < 0;
  const m = neg ? -n : n;
  let text: string;
  if (s === 0) text = String(m);
  else {
    const d = P10[s]!;
    const r = m % d;
    const q = (m - r) / d;
    if (r === 0) text = String(q);
    else {
      let f = String(r);
      while (f.length < s) f = "0" + f;
      let end = f.length;
      while (f.charCodeAt(end - 1) === 48) end--;
      text = `${q}.${f.slice(0, end)}`;
    }
  }
  return neg ? `-${text}` : text;
}

/**
 * A JSON number as an integer at scale `s`, or undefined when it is not exactly a multiple of
 * 10^-s (or too large to tell). Up to 10^(15 - s) neighbouring doubles are less than 10^-s / 4
 * apart (2^52 × 10^-s ≈ 4.5 × 10^(15 - s)), so two decimals of `s` places never share a double:
 * the number is the one such decimal that prints as it (what decimal.js reads from it), and
 * Math.round(v × 10^s) recovers its digits exactly; the division checks that it has no more.
 */
export function scaledNumber(v: number, s: number): number | undefined {
  if (!(v >= 0 && v <= P10[15 - s]!)) return undefined;
  if (s === 0) return Number.isInteger(v) ? v : undefined;
  const n = Math.round(v * P10[s]!);
  return n / P10[s]! === v ? n : undefined;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A date in ISO form that the full validator takes unchanged, or undefined. */
export function isoDate(v: unknown): string | undefined {
  if (typeof v !== "string" || v.length !== 10 || !ISO.test(v)) return undefined;
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days ? v : undefined;
}

/**
 * A parameter's value (a decimal) as an integer at scale `s`: undefined when it is 待定, null
 * when it does not fit exactly (then the policy's fast path is off for that value).
 */
export function decScaled(d: unknown, s: number): number | undefined | null {
  if (d === undefined) return undefined;
  if (!(d instanceof Dec)) return null;
  const n = d.mul(P10[s]!);
  if (!n.isInteger() || n.abs().gt(MAX)) return null;
  return n.toNumber();
}
