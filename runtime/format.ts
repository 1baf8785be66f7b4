/**
 * Chinese formatting of figures for explanations and documents: 240万元, 30%, 2025年12月31日.
 */
import { Dec, toPlain } from "./money.js";

/** Digits of a non-negative integer string divided by 10^k, trailing zeros trimmed: ("2500000", 4) → "250". */
function shift(digits: string, k: number): string {
  const padded = digits.padStart(k + 1, "0");
  const int = padded.slice(0, padded.length - k);
  const frac = padded.slice(padded.length - k).replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

/** Decimals shown in explanations; a longer exact value is cut there and marked with "…". */
const SHOWN_PLACES = 4;

/**
 * A plain decimal string a person can check: exact up to {@link SHOWN_PLACES} decimals, else cut
 * to three decimals with "…" (33.333…). Only for text: amounts in results stay exact.
 */
export function readable(plain: string): string {
  const dot = plain.indexOf(".");
  if (dot < 0 || plain.length - dot - 1 <= SHOWN_PLACES) return plain;
  return `${plain.slice(0, dot + 4)}…`;
}

/**
 * An amount in 元 the way a policy text writes it: 200万元, 1.5亿元, 1234.5元. String arithmetic on
 * the exact decimal digits: explanations format many amounts, and this stays exact and cheap.
 */
export function fmtMoney(x: Dec): string {
  const neg = x.isNeg() && !x.isZero();
  const digits = x.abs().toString();
  let s: string;
  if (digits.includes(".")) s = `${readable(digits)}元`;
  else if (digits.length > 8 && digits.endsWith("000000")) s = `${shift(digits, 8)}亿元`;
  else if (digits.length > 4) s = `${shift(digits, 4)}万元`;
  else s = `${digits}元`;
  return neg ? `-${s}` : s;
}

/** A ratio as a percentage: 0.3 → 30%. */
export function fmtRatio(x: Dec): string {
  return `${readable(toPlain(x.mul(100)))}%`;
}

/** A count with its unit: 10家. */
export function fmtCount(x: Dec, unit = ""): string {
  if (unit === RANK_UNIT) return `第${toPlain(x)}名`;
  return `${readable(toPlain(x))}${unit}`;
}

/** The unit of a place (名次, the keyword table's type word): 第1名 is the best. */
export const RANK_UNIT = "名次";

/** A rate: 0.2元/千瓦时. */
export function fmtRate(x: Dec, unit: string): string {
  return `${toPlain(x)}元/${unit}`;
}

/** An ISO date in Chinese: 2025-12-31 → 2025年12月31日. */
export function fmtDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** 是 / 否. */
export function fmtBool(b: boolean): string {
  return b ? "是" : "否";
}
