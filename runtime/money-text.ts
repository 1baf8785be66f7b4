/**
 * Money for people to read at a glance, the one display formatter of every host (the playground,
 * the CLI's reports, the reviewer's report text): 万元 from 1万 and 亿元 from 1亿 with at most two
 * decimals (5341.15万元, 1.5亿元), 元 below 1万 to the 分. A figure the two decimals do not hold
 * exactly is marked 约 (约166.67万元), and `exact` always carries the whole value (1,666,666.67元)
 * for a hover or a screen reader. Explanation steps keep `fmtMoney` (format.ts): a step must be
 * checkable by hand. decimal.js throughout, never a float.
 */
import { Dec } from "./money.js";

/** A display figure and the exact value it stands for. */
export interface MoneyText {
  /** 5341.15万元, 约166.67万元, 0.05元. */
  readonly text: string;
  /** The whole value in 元 with thousands grouped: 53,411,535元. */
  readonly exact: string;
  /** True when `text` is rounded (then it starts with 约 after any sign). */
  readonly approximate: boolean;
}

const UNITS: readonly (readonly [Dec, string])[] = [
  [new Dec(1e8), "亿元"],
  [new Dec(1e4), "万元"],
  [new Dec(1), "元"],
];

/** Two decimals at most, trailing zeros dropped: 5341.15, 166.7, 200. */
function twoPlaces(x: Dec): string {
  return x
    .toDecimalPlaces(2)
    .toFixed(2)
    .replace(/\.?0+$/, "");
}

function grouped(x: Dec): string {
  const [int, frac] = x.toFixed().split(".");
  const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${g}${frac ? `.${frac}` : ""}元`;
}

/** An amount in 元 (a Dec or a decimal string) as a display figure with its exact value. */
export function moneyText(value: Dec | string): MoneyText {
  const x = typeof value === "string" ? new Dec(value) : value;
  const abs = x.abs();
  const sign = x.isNeg() && !x.isZero() ? "-" : "";
  let text = "0元";
  let approximate = false;
  for (const [unit, word] of UNITS) {
    const shown = abs.div(unit).toDecimalPlaces(2);
    // 9999.999元 rounds to 1万元: a figure that rounds up to the next unit is shown in that unit.
    if (unit.gt(1) && shown.lt(1)) continue;
    approximate = !shown.mul(unit).eq(abs);
    text = `${twoPlaces(shown)}${word}`;
    break;
  }
  return {
    text: `${sign}${approximate ? "约" : ""}${text}`,
    exact: `${sign}${grouped(abs)}`,
    approximate,
  };
}

/** The display figure only (for plain text without a hover). */
export function showMoney(value: Dec | string): string {
  return moneyText(value).text;
}

/** A difference with its sign: +20万元, -约5.12万元, 0元. */
export function showSignedMoney(value: Dec | string): MoneyText {
  const m = moneyText(value);
  const pos = (typeof value === "string" ? new Dec(value) : value).gt(0);
  return pos ? { ...m, text: `+${m.text}`, exact: `+${m.exact}` } : m;
}

/** The figure as plain text where no hover can be had: the exact value follows a rounded one. */
export function moneyPlain(value: Dec | string): string {
  const m = moneyText(value);
  return m.approximate ? `${m.text}（${m.exact}）` : m.text;
}
