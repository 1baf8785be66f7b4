/**
 * Chinese formatting of figures for explanations and documents: 240万元, 30%, 2025年12月31日.
 */
import { Dec, toPlain } from "./money.js";

const WAN = new Dec(10000);
const YI = new Dec(100000000);

/** An amount in 元 the way a policy text writes it: 200万元, 1.5亿元, 1234.5元. */
export function fmtMoney(x: Dec): string {
  const neg = x.isNeg() && !x.isZero();
  const a = x.abs();
  let s: string;
  if (a.gte(YI) && a.mod(1000000).isZero()) s = `${toPlain(a.div(YI))}亿元`;
  else if (a.gte(WAN) && a.isInteger()) s = `${toPlain(a.div(WAN))}万元`;
  else s = `${toPlain(a)}元`;
  return neg ? `-${s}` : s;
}

/** A ratio as a percentage: 0.3 → 30%. */
export function fmtRatio(x: Dec): string {
  return `${toPlain(x.mul(100))}%`;
}

/** A count with its unit: 10家. */
export function fmtCount(x: Dec, unit = ""): string {
  return `${toPlain(x)}${unit}`;
}

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
