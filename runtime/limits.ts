/**
 * Limits with a scope: whose awards a limit counts (the same project, the same applicant, or
 * everyone under the policy) and over which period (the calendar year of the application, or all
 * years). A clause's limits count that clause's awards; the policy's own limits (叠加规则) count
 * every clause. The project is the application's 申报项目 under the same applicant.
 *
 * A per-project limit never guesses which awards belong to the project: when the application or
 * a ledger entry it would have to compare names no project, the clause fails with a message that
 * asks for the project, rather than counting the award in or out silently.
 */
import type { Ctx } from "./clause.js";
import { clauseKeyLabel } from "./clause-keys.js";
import { fmtDate } from "./format.js";
import { Dec, ZERO } from "./money.js";
import { raise } from "./ops.js";
import type { ClauseKey, LedgerEntry } from "./types.js";

/** 同一项目, 单个企业, 全部企业 (本政策). */
export type LimitScope = "project" | "applicant" | "policy";

/** The words for a scope in an explanation. */
export function scopeText(ctx: Ctx, scope: LimitScope): string {
  if (scope === "project") return `同一项目“${ctx.project ?? ""}”`;
  if (scope === "applicant") return "本申报主体";
  return "本政策全部申报主体";
}

/**
 * The prior awards a limit counts: up to the application date, of `clause` (all clauses when
 * undefined), in the application's calendar year when `yearOnly`, within `scope`.
 */
export function scopedEntries(
  ctx: Ctx,
  scope: LimitScope,
  clause: ClauseKey | undefined,
  yearOnly: boolean,
): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const e of ctx.ledger) {
    if (e.date > ctx.date) continue;
    if (clause !== undefined && e.clause !== clause) continue;
    if (yearOnly && !e.date.startsWith(ctx.year)) continue;
    if (scope === "policy") {
      out.push(e);
      continue;
    }
    if (e.applicant !== ctx.applicant) continue;
    if (scope === "project") {
      if (ctx.project === undefined)
        raise(
          `本项限额按同一项目计算，但申报材料未写“申报项目”，而台账中本申报主体已有资助（${fmtDate(e.date)}，${clauseKeyLabel(e.clause)}）：无法判断是否同一项目，请在申报材料中写明申报项目`,
        );
      if (e.project === undefined)
        raise(
          `本项限额按同一项目计算，但台账中本申报主体${fmtDate(e.date)}获得的${clauseKeyLabel(e.clause)}资助未写项目（project）：无法判断是否同一项目，请在台账中写明`,
        );
      if (e.project !== ctx.project) continue;
    }
    out.push(e);
  }
  return out;
}

/** Sum of the amounts of prior awards within a scope. */
export function sumScoped(
  ctx: Ctx,
  scope: LimitScope,
  clause: ClauseKey | undefined,
  yearOnly: boolean,
): Dec {
  let s = ZERO;
  for (const e of scopedEntries(ctx, scope, clause, yearOnly)) s = s.plus(e.amount);
  return s;
}

/** Number of prior awards (with an amount above 0) within a scope. */
export function countScoped(
  ctx: Ctx,
  scope: LimitScope,
  clause: ClauseKey | undefined,
  yearOnly: boolean,
): number {
  let n = 0;
  for (const e of scopedEntries(ctx, scope, clause, yearOnly)) if (new Dec(e.amount).gt(0)) n++;
  return n;
}

/** The first prior award (with an amount above 0) within a scope, for 一次性. */
export function firstScoped(
  ctx: Ctx,
  scope: LimitScope,
  clause: ClauseKey | undefined,
): LedgerEntry | undefined {
  return scopedEntries(ctx, scope, clause, false).find((e) => new Dec(e.amount).gt(0));
}

/**
 * 连续支持 N 年 / 自首次获得支持起 N 年内: the reason this year is refused, or undefined. The years
 * are the calendar years in which the same project was paid under `clause` (from the ledger, up
 * to the application date); the year of the application counts as paid-to-be.
 */
export function yearsRefusal(
  ctx: Ctx,
  clause: number,
  years: number,
  consecutive: boolean,
): string | undefined {
  const paid = new Set<number>();
  for (const e of scopedEntries(ctx, "project", clause, false))
    if (new Dec(e.amount).gt(0)) paid.add(Number(e.date.slice(0, 4)));
  if (!paid.size) return undefined;
  const now = Number(ctx.year);
  const first = Math.min(...paid);
  const nth = now - first + 1;
  const rule = consecutive ? `连续支持${years}年` : `自首次获得支持起${years}年内`;
  const who = scopeText(ctx, "project");
  if (nth > years)
    return `${rule}：${who}自${first}年起获本条支持，${now}年为第${nth}年，超过${years}年，不再支持`;
  if (consecutive)
    for (let y = first + 1; y < now; y++)
      if (!paid.has(y))
        return `${rule}：${who}${first}年起获本条支持，${y}年未获支持，连续中断，不再支持`;
  return undefined;
}

/** Which year of support this is for the project under `clause` (第N年): 1 when never paid. */
export function supportYear(ctx: Ctx, clause: number): number {
  let first = Number(ctx.year);
  for (const e of scopedEntries(ctx, "project", clause, false))
    if (new Dec(e.amount).gt(0)) first = Math.min(first, Number(e.date.slice(0, 4)));
  return Number(ctx.year) - first + 1;
}
