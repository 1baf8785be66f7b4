/**
 * 从高不重复 across applications, per project: when the application names its project, the awards
 * the same project (same applicant, same 申报项目) already received under this policy's other
 * clauses count against the clause that is paid now, which pays only the difference (从高: the
 * project ends with the highest entitlement; 不重复: not both). An enterprise's other projects are
 * never merged in; clauses marked 可叠加 neither count nor are reduced. Without a named project
 * nothing is compared, and the explanation says so.
 */
import { clauseKeyLabel } from "./clause-keys.js";
import type { Ctx } from "./clause.js";
import { fmtDate, fmtMoney } from "./format.js";
import { Dec, toPlain, ZERO } from "./money.js";
import type { ClauseKey, ClauseResult, ExplainStep, LedgerEntry } from "./types.js";

/**
 * A clause that qualifies but is not paid under 从高不重复 (or whose amount other support used up):
 * it stays eligible, shows what it would have paid (`entitled`), pays 0, and says why.
 */
export function notPaid(c: ClauseResult, reason: string): ClauseResult {
  const { base: _base, ...rest } = c;
  return {
    ...rest,
    status: "not-paid",
    eligible: true,
    amount: "0",
    entitled: c.entitled ?? c.amount ?? "0",
    reasons: [...c.reasons, reason],
  };
}

/** Prior awards of the same project under other clauses, not stackable ones. */
function otherClauseAwards(
  ctx: Ctx,
  clause: ClauseKey,
  stackable: ReadonlySet<ClauseKey>,
): LedgerEntry[] {
  return ctx.ledger.filter(
    (e) =>
      e.applicant === ctx.applicant &&
      e.project === ctx.project &&
      e.clause !== clause &&
      !stackable.has(e.clause) &&
      e.date <= ctx.date &&
      new Dec(e.amount).gt(0),
  );
}

/** Apply 从高不重复 against the project's prior awards to the clauses still awarded. */
export function highestPerProject(ctx: Ctx, clauses: ClauseResult[], steps: ExplainStep[]): void {
  const stackable = new Set(clauses.filter((c) => c.stacksWith).map((c) => c.number));
  const paid = (c: ClauseResult) =>
    c.status === "awarded" && !c.stacksWith && new Dec(c.amount ?? "0").gt(0);
  if (ctx.project === undefined) {
    const others = ctx.ledger.some(
      (e) => e.applicant === ctx.applicant && e.date <= ctx.date && !stackable.has(e.clause),
    );
    if (ctx.explain && others && clauses.some(paid))
      steps.push({
        text: "从高不重复：申报材料未写“申报项目”，不与台账中本申报主体此前的资助比较（无法认定为同一项目）",
      });
    return;
  }
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    if (!paid(c)) continue;
    const prior = otherClauseAwards(ctx, c.number, stackable);
    if (!prior.length) continue;
    const before = prior.reduce((s, e) => s.plus(e.amount), ZERO);
    const amount = new Dec(c.amount!);
    const list = prior.map(
      (e) => `${fmtDate(e.date)}${clauseKeyLabel(e.clause)}${fmtMoney(new Dec(e.amount))}`,
    );
    const head = `从高不重复：同一项目“${ctx.project}”已获本政策其他条款资助 ${fmtMoney(before)}（${list.join("，")}）`;
    if (before.gte(amount)) {
      const reason = `${head}，不低于本条 ${fmtMoney(amount)}，本条不重复支付`;
      clauses[i] = notPaid(c, reason);
      if (ctx.explain) steps.push({ text: `${c.clause}：${reason}` });
      continue;
    }
    const after = amount.minus(before);
    const text = `${head}，本条 ${fmtMoney(amount)} 只补足差额 → ${fmtMoney(after)}`;
    clauses[i] = {
      ...c,
      amount: toPlain(after),
      maximum: c.maximum ?? toPlain(amount),
      steps: ctx.explain ? [...c.steps, { text, amount: toPlain(after) }] : c.steps,
    };
  }
}
