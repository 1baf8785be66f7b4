/**
 * The ledger of prior awards. Per-year caps read it by calendar year (1月1日–12月31日), the
 * reading stated in the seed policy for 年度累计; cumulative caps read it over all years.
 */
import { Dec, ZERO } from "./money.js";
import type { ClauseKey, LedgerEntry } from "./types.js";

/** Sum of prior awards of one applicant under one clause in a calendar year (before `date`). */
export function sumInYear(
  ledger: readonly LedgerEntry[],
  applicant: string,
  clause: ClauseKey,
  year: string,
  date: string,
): Dec {
  let s = ZERO;
  for (const e of ledger) {
    if (
      e.applicant === applicant &&
      e.clause === clause &&
      e.date.startsWith(year) &&
      e.date <= date
    )
      s = s.plus(e.amount);
  }
  return s;
}

/** Sum of all prior awards of one applicant under one clause (up to `date`). */
export function sumAll(
  ledger: readonly LedgerEntry[],
  applicant: string,
  clause: ClauseKey,
  date: string,
): Dec {
  let s = ZERO;
  for (const e of ledger)
    if (e.applicant === applicant && e.clause === clause && e.date <= date) s = s.plus(e.amount);
  return s;
}

/** Number of prior awards of one applicant under one clause in a calendar year. */
export function countInYear(
  ledger: readonly LedgerEntry[],
  applicant: string,
  clause: ClauseKey,
  year: string,
  date: string,
): number {
  let n = 0;
  for (const e of ledger)
    if (
      e.applicant === applicant &&
      e.clause === clause &&
      e.date.startsWith(year) &&
      e.date <= date
    )
      n++;
  return n;
}

/** The first prior award of one applicant under one clause, if any. */
export function firstAward(
  ledger: readonly LedgerEntry[],
  applicant: string,
  clause: ClauseKey,
  date: string,
): LedgerEntry | undefined {
  return ledger.find(
    (e) =>
      e.applicant === applicant && e.clause === clause && e.date <= date && new Dec(e.amount).gt(0),
  );
}

export { Dec };
