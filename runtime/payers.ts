/**
 * 资金来源: an evaluation's amounts grouped by who pays them. Every payer the policy names has an
 * entry (0 when it pays nothing this time), so the shape of `byPayer` is the same for every
 * application of one policy; clauses that name no payer (and no default) go under
 * {@link UNNAMED_PAYER}. The groups add up to the total exactly.
 */
import { Dec, toPlain } from "./money.js";
import type { ClauseResult } from "./types.js";

/** The group of clauses that name no payer while others do. */
export const UNNAMED_PAYER = "未指明资金来源";

/** Sum the paid amounts of `clauses` by payer; `payers` lists every group, in the policy's order. */
export function groupByPayer(
  payers: readonly string[],
  clauses: readonly ClauseResult[],
): Readonly<Record<string, string>> {
  const sums = new Map<string, Dec>(payers.map((p) => [p, new Dec(0)]));
  for (const c of clauses) {
    if (c.status !== "awarded" || !c.amount || c.amount === "0") continue;
    const who = c.payer ?? UNNAMED_PAYER;
    sums.set(who, (sums.get(who) ?? new Dec(0)).plus(c.amount));
  }
  const out: Record<string, string> = {};
  for (const [who, sum] of sums) out[who] = toPlain(sum);
  return out;
}
