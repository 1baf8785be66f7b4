/**
 * The total and the benefits of a finished evaluation, shared by the full path and the fast path.
 */
import { Dec, toPlain } from "./money.js";
import type { ClauseResult } from "./types.js";

/** The total as a decimal string (with one awarded clause, the usual case, that amount) and the benefits. */
export function totalOf(clauses: readonly ClauseResult[]): { total: string; benefits: string[] } {
  let first: string | undefined;
  let sum: Dec | undefined;
  const benefits: string[] = [];
  for (const c of clauses) {
    if (c.status === "awarded" && c.amount && c.amount !== "0") {
      if (first === undefined) first = c.amount;
      else sum = (sum ?? new Dec(first)).plus(c.amount);
    }
    if (c.status === "benefit" && c.benefit) benefits.push(c.benefit);
  }
  return { total: sum ? toPlain(sum) : (first ?? "0"), benefits };
}
