/**
 * Limits of the policy as a whole (written in 叠加规则): they count the awards of every clause.
 * `单个企业 每年限 1 项` (同一单位每年只能申报一个项目) counts the applicant's projects paid this
 * calendar year; a second project gets 0 under every clause, with the reason. `同一项目 累计上限`
 * sums a project's awards under all clauses and shares the room among this application's clauses
 * in clause order. A project is told apart only by its name: when the names needed are missing,
 * the clauses concerned fail with a message asking for them, never a guess.
 */
import { clauseKeyLabel } from "./clause-keys.js";
import type { Ctx } from "./clause.js";
import { fmtDate, fmtMoney } from "./format.js";
import { scopedEntries, scopeText, type LimitScope } from "./limits.js";
import { Dec, max, toPlain, ZERO } from "./money.js";
import { EvalFailure, failureText, raise } from "./ops.js";
import type { ClauseResult, ExplainStep } from "./types.js";

/** One policy-wide limit as generated code describes it. */
export interface PolicyLimit {
  readonly kind: "perYear" | "once" | "quota" | "total" | "annual";
  readonly scope: LimitScope;
  /** N of 每年限 N 项 and 名额. */
  readonly count?: number;
  /** The cap of 累计上限 and 年度累计上限. */
  readonly cap?: (ctx: Ctx) => Dec;
  /** The drafter's words, e.g. `单个企业 每年限 1 项`. */
  readonly text: string;
}

const live = (c: ClauseResult) =>
  (c.status === "awarded" && new Dec(c.amount ?? "0").gt(0)) || c.status === "needs-decision";

/** The projects (other than this application's) within the scope that were paid this year. */
function otherProjects(ctx: Ctx, scope: LimitScope): string[] {
  const seen = new Map<string, string>();
  for (const e of scopedEntries(ctx, scope === "project" ? "applicant" : scope, undefined, true)) {
    if (!new Dec(e.amount).gt(0)) continue;
    const mine = e.applicant === ctx.applicant;
    if (mine && (ctx.project === undefined || e.project === undefined))
      raise(
        `本政策规定“${scope === "policy" ? "全部企业" : "单个企业"}每年限申报的项目数”，但${ctx.project === undefined ? "申报材料未写“申报项目”" : `台账中本申报主体${fmtDate(e.date)}获得的${clauseKeyLabel(e.clause)}资助未写项目（project）`}：无法判断是否同一项目，请写明`,
      );
    if (mine && e.project === ctx.project) continue;
    const key = mine ? `“${e.project}”` : `${e.applicant}“${e.project ?? "未写项目"}”`;
    if (!seen.has(key)) seen.set(key, `${key}（${fmtDate(e.date)}${clauseKeyLabel(e.clause)}）`);
  }
  return [...seen.values()];
}

/** The reason a limit refuses this application, or undefined when it allows it. */
function refusal(l: PolicyLimit, ctx: Ctx): string | undefined {
  switch (l.kind) {
    case "perYear":
    case "quota": {
      const n = l.count ?? 0;
      if (l.scope === "project") {
        const used = scopedEntries(ctx, "project", undefined, true).length;
        return used >= n
          ? `${l.text}：${scopeText(ctx, "project")}本年度已获支持 ${used} 项`
          : undefined;
      }
      const others = otherProjects(ctx, l.scope);
      return others.length >= n
        ? `${l.text}：${scopeText(ctx, l.scope)}本年度已有 ${others.length} 个项目获得本政策支持（${others.slice(0, 5).join("、")}），本项目不予支持`
        : undefined;
    }
    case "once": {
      const first = scopedEntries(ctx, l.scope, undefined, false).find((e) =>
        new Dec(e.amount).gt(0),
      );
      return first
        ? `${l.text}：${scopeText(ctx, l.scope)}已于${fmtDate(first.date)}获得${clauseKeyLabel(first.clause)}资助`
        : undefined;
    }
    case "total":
    case "annual":
      return undefined;
  }
}

/** Share a cap's room among the awarded clauses, in clause order. */
function applyCap(l: PolicyLimit, ctx: Ctx, clauses: ClauseResult[], steps: ExplainStep[]) {
  const cap = l.cap!(ctx);
  let used = ZERO;
  for (const e of scopedEntries(ctx, l.scope, undefined, l.kind === "annual"))
    used = used.plus(e.amount);
  let room = max(ZERO, cap.minus(used));
  const head = `${l.text}：${scopeText(ctx, l.scope)}${l.kind === "annual" ? "本年度" : "历年"}已获本政策资助 ${fmtMoney(used)}，本次合计至多 ${fmtMoney(room)}`;
  if (ctx.explain && clauses.some(live)) steps.push({ text: head });
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    if (c.status !== "awarded" || !new Dec(c.amount ?? "0").gt(0)) continue;
    const amount = new Dec(c.amount!);
    const after = amount.gt(room) ? room : amount;
    room = room.minus(after);
    if (after.eq(amount)) continue;
    const text = `${head}：本条 ${fmtMoney(amount)} → ${fmtMoney(after)}`;
    clauses[i] = {
      ...c,
      amount: toPlain(after),
      maximum: c.maximum ?? toPlain(amount),
      steps: ctx.explain ? [...c.steps, { text, amount: toPlain(after) }] : c.steps,
      ...(after.isZero()
        ? { status: "ineligible" as const, eligible: false, reasons: [...c.reasons, text] }
        : {}),
    };
  }
}

/** Apply the policy-wide limits to this application's clause results. */
export function applyPolicyLimits(
  limits: readonly PolicyLimit[],
  ctx: Ctx,
  clauses: ClauseResult[],
  steps: ExplainStep[],
): void {
  for (const l of limits) {
    if (!clauses.some(live)) return;
    let reason: string | undefined;
    let failed = false;
    try {
      if (l.kind === "total" || l.kind === "annual") applyCap(l, ctx, clauses, steps);
      else reason = refusal(l, ctx);
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e;
      reason = failureText(e);
      failed = true;
    }
    if (!reason) continue;
    if (ctx.explain) steps.push({ text: reason });
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (!live(c)) continue;
      clauses[i] = {
        ...c,
        status: failed ? "error" : "ineligible",
        eligible: false,
        amount: "0",
        reasons: [...c.reasons, reason],
      };
    }
  }
}
