/**
 * Exact money on an isolated decimal.js clone. Amounts are in 元; the default rounding rule is
 * 到分、四舍五入 (0.01 元, half up). Nothing here ever goes through a float.
 */
import { Decimal } from "decimal.js";

/** The project's own decimal constructor: 40 significant digits, half-up, plain notation. */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/**
 * Most significant digits of a ratio or count, in a policy or an application. An amount has at
 * most 17 (1000万亿元 to the 分), so an amount × a ratio (≤ 34 digits) is exact within the 40
 * digits kept, and only the final rounding to the 分 rounds it: no double rounding.
 */
export const FACTOR_DIGITS = 17;

export type RoundUnit = "fen" | "jiao" | "yuan";
export type RoundMode = "halfUp" | "down" | "up";

const PLACES: Record<RoundUnit, number> = { fen: 2, jiao: 1, yuan: 0 };
const MODES: Record<RoundMode, Decimal.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/** Round an amount in 元 to the policy's unit with its mode. */
export function roundMoney(x: Dec, unit: RoundUnit = "fen", mode: RoundMode = "halfUp"): Dec {
  const places = PLACES[unit];
  return x.decimalPlaces() <= places ? x : x.toDecimalPlaces(places, MODES[mode]);
}

/** The larger of two decimals (on our clone, never the global constructor). */
export function max(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

/** The smaller of two decimals. */
export function min(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

/** A decimal from a constant string emitted by the compiler. */
export function dec(s: string): Dec {
  return new Dec(s);
}

/** Plain decimal string without exponent, no trailing zeros (the clone never uses exponents). */
export function toPlain(x: Dec): string {
  return x.toString();
}

/** Money as a string with exactly two decimals (e.g. for tables). */
export function toFen(x: Dec): string {
  return x.toFixed(2);
}
