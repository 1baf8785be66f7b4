/**
 * How the reviewer's report words its figures, for the terminal (report-to-text.ts) and the
 * playground's diff view alike: the runtime's one display formatter (`moneyText`: 万/亿 with at
 * most two decimals, 约 when rounded), a sign on differences. The JSON keeps the exact values.
 */
import { showMoney, showSignedMoney } from "../runtime/index.js";

/** An amount in 元: 200万元, 约5341.15万元. */
export const reportMoney = (s: string): string => showMoney(s);

/** A difference, signed: +20万元, -5万元. */
export const signedMoney = (s: string): string => showSignedMoney(s).text;

/** A budget figure (the same formatter: 约1.23亿元 from 1亿元 up). */
export const budgetFigure = reportMoney;

/** A budget difference, signed. */
export const signedBudgetFigure = signedMoney;
