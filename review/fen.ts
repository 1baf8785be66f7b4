/**
 * Exact sums of money in integer 分 for the budget: millions of amounts add up as safe integers,
 * spill into a BigInt before they could lose a digit, and anything finer than the 分 (an amount
 * of a policy that does not round to the 分) is kept in decimal.js beside them. Never a float.
 */
import { Dec, toPlain } from "../runtime/money.js";

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * A plain decimal string in 元 ("1234.5", "-80", "0") as an integer number of 分, or NaN when it
 * has more than two decimals, is not plain, or is too large to be a safe integer of 分.
 */
export function fenOf(s: string): number {
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let n = 0;
  let digits = 0;
  let frac = -1;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (frac >= 0 || digits === 0) return NaN;
      frac = 0;
      continue;
    }
    if (c < 48 || c > 57) return NaN;
    if (frac >= 0 && ++frac > 2) return NaN;
    n = n * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || frac === 0 || digits > 15) return NaN;
  if (frac <= 0) n *= 100;
  else if (frac === 1) n *= 10;
  return n > MAX ? NaN : neg ? -n : n;
}

/** An integer number of 分 as a plain decimal string in 元, as decimal.js prints it. */
export function fenText(fen: bigint): string {
  if (fen === 0n) return "0";
  const neg = fen < 0n;
  const m = neg ? -fen : fen;
  const whole = m / 100n;
  const rest = Number(m % 100n);
  const frac =
    rest === 0 ? "" : rest % 10 === 0 ? `.${rest / 10}` : `.${String(rest).padStart(2, "0")}`;
  return `${neg ? "-" : ""}${whole}${frac}`;
}

/** A running exact sum: safe-integer 分, a BigInt for what overflows, decimals finer than the 分. */
export class FenSum {
  private n = 0;
  private big = 0n;
  private fine: Dec | undefined;

  /** Add an integer number of 分 (a safe integer). */
  add(fen: number): void {
    const r = this.n + fen;
    // Two safe integers whose exact sum is not safe give a double of at least 2^53 (see ck).
    if (r <= MAX && r >= -MAX) this.n = r;
    else {
      this.big += BigInt(this.n) + BigInt(fen);
      this.n = 0;
    }
  }

  /** Add an amount in 元 given as text: as 分 when it is a whole number of 分, else exactly. */
  addText(s: string): void {
    const f = fenOf(s);
    if (f === f) this.add(f);
    else this.fine = (this.fine ?? new Dec(0)).plus(s);
  }

  /** The sum as a plain decimal string in 元. */
  text(): string {
    const whole = fenText(this.big + BigInt(this.n));
    return this.fine ? toPlain(this.fine.plus(whole)) : whole;
  }
}
