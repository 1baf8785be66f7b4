/**
 * History queries (issue 10 §1): what the ledger says about the same project's earlier awards, for
 * conditions and amounts — 已获支持年数, 上年度已获支持, 累计已获资助, 已用基数 and 支持年度 (第N年).
 * In a clause they count that clause's awards; outside a clause (支持对象) every clause of the
 * policy. Like the per-project limits they never guess the project (limits.ts).
 */
import type { Ctx } from "./clause.js";
import { clauseKeyLabel } from "./clause-keys.js";
import { fmtDate } from "./format.js";
import { scopedEntries } from "./limits.js";
import { Dec, ZERO } from "./money.js";
import { raise } from "./ops.js";
import type { ClauseKey } from "./types.js";

/** What a history query asks (the AST's HistoryQuery). */
export type HistoryQuery = "yearsPaid" | "paidLastYear" | "received" | "baseUsed" | "supportYear";

/** The answer to a history query: a count of years, a yes/no, or an amount in 元. */
export function history(ctx: Ctx, clause: ClauseKey | undefined, query: "paidLastYear"): boolean;
export function history(ctx: Ctx, clause: ClauseKey | undefined, query: HistoryQuery): Dec;
export function history(
  ctx: Ctx,
  clause: ClauseKey | undefined,
  query: HistoryQuery,
): Dec | boolean {
  const paid = scopedEntries(ctx, "project", clause, false).filter((e) => new Dec(e.amount).gt(0));
  const years = new Set(paid.map((e) => Number(e.date.slice(0, 4))));
  const now = Number(ctx.year);
  switch (query) {
    case "yearsPaid":
      return new Dec(years.size);
    case "paidLastYear":
      return years.has(now - 1);
    case "received":
      return paid.reduce((s, e) => s.plus(e.amount), ZERO);
    case "baseUsed": {
      let s = ZERO;
      for (const e of paid) {
        if (e.base === undefined)
          raise(
            `已用基数按台账中各笔资助的计算基数合计，但${fmtDate(e.date)}获得的${clauseKeyLabel(e.clause)}资助未写计算基数（base）：请在台账中写明`,
          );
        s = s.plus(e.base);
      }
      return s;
    }
    case "supportYear":
      return new Dec(years.size ? now - Math.min(...years) + 1 : 1);
  }
}
