/**
 * How the reviewer's report words its figures, for the terminal (report-to-text.ts) and the
 * playground's diff view alike: amounts through the runtime's `fmtMoney`, a sign on differences,
 * budget figures from 1亿元 up rounded to 0.01亿元 and marked 约 (the JSON keeps them exact).
 */
import { Dec } from "../runtime/money.js";
import { fmtMoney } from "../runtime/format.js";

/** An amount in 元: 200万元. */
export const reportMoney = (s: string): string => fmtMoney(new Dec(s));

/** A difference, signed: +20万元, -5万元. */
export const signedMoney = (s: string): string =>
  new Dec(s).gt(0) ? `+${reportMoney(s)}` : reportMoney(s);

const YI = new Dec(1e8);

/** A budget figure: exact below 1亿元, else 约1.23亿元. */
export const budgetFigure = (s: string): string => {
  const x = new Dec(s);
  if (x.abs().lt(YI)) return reportMoney(s);
  return `约${x.div(YI).toDecimalPlaces(2).toFixed(2)}亿元`;
};

/** A budget difference, signed. */
export const signedBudgetFigure = (s: string): string =>
  new Dec(s).gt(0) ? `+${budgetFigure(s)}` : budgetFigure(s);
