/**
 * 叠加规则 after the clauses: 从高不重复 among this policy's clauses (and against the project's
 * prior awards), then the deduction of other support of the same level. Both evaluation paths
 * call it; the deduction comes as a function so that each path computes it its own way.
 */
import type { Ctx } from "./clause.js";
import { fmtMoney } from "./format.js";
import { Dec, toPlain, ZERO } from "./money.js";
import { failureText } from "./ops.js";
import { highestPerProject, notPaid } from "./project-stacking.js";
import type { Plan } from "./run.js";
import type { ClauseResult, ExplainStep } from "./types.js";

/** 从高不重复 among this policy's clauses, then deduct other support of the same level. */
export function applyStacking(
  stacking: Plan["stacking"],
  ctx: Ctx,
  clauses: ClauseResult[],
  steps: ExplainStep[],
  deductOf: () => Dec | undefined,
): void {
  // Amounts are plain non-negative decimal strings: "0" is the only zero (awarded() refuses
  // negatives), so the hot path parses an amount only to compare two that are both paid.
  const stackable = (c: ClauseResult) =>
    c.status === "awarded" && !c.stacksWith && c.amount !== null && c.amount !== "0";
  if (stacking.highestOnly) {
    let best: ClauseResult | undefined;
    let top: Dec | undefined;
    for (const c of clauses) {
      if (!stackable(c)) continue;
      const a = new Dec(c.amount!);
      if (!top || a.gt(top)) [best, top] = [c, a];
    }
    if (best) {
      for (let i = 0; i < clauses.length; i++) {
        const c = clauses[i]!;
        if (c === best || !stackable(c)) continue;
        const reason = `从高不重复：同一项目已按${best.clause}资助${fmtMoney(new Dec(best.amount!))}（金额较高），本条不重复支付`;
        clauses[i] = notPaid(c, reason);
        if (ctx.explain) steps.push({ text: `${c.clause}：${reason}` });
      }
    }
    highestPerProject(ctx, clauses, steps);
  }
  let deduct: Dec | undefined;
  try {
    deduct = deductOf();
  } catch (e) {
    steps.push({ text: `叠加规则的扣除金额无法计算：${failureText(e)}；各条不作扣除，须人工核定` });
    for (let i = 0; i < clauses.length; i++)
      if (stackable(clauses[i]!))
        clauses[i] = {
          ...clauses[i]!,
          status: "error",
          eligible: false,
          amount: "0",
          reasons: [...clauses[i]!.reasons, `叠加规则的扣除金额无法计算：${failureText(e)}`],
        };
    return;
  }
  if (!deduct || deduct.lte(0)) return;
  let left = deduct;
  for (let i = 0; i < clauses.length && left.gt(0); i++) {
    const c = clauses[i]!;
    if (!stackable(c)) continue;
    const amount = new Dec(c.amount!);
    const after = amount.gt(left) ? amount.minus(left) : ZERO;
    const text = `${stacking.deductText ?? "已获其他扶持"} ${fmtMoney(left)}，从高不重复：本条 ${fmtMoney(amount)} 扣除后为 ${fmtMoney(after)}`;
    left = left.minus(amount.minus(after));
    const reduced = {
      ...c,
      amount: toPlain(after),
      maximum: c.maximum ?? toPlain(amount),
      steps: ctx.explain ? [...c.steps, { text, amount: toPlain(after) }] : c.steps,
    };
    // Used up by the other support: it qualifies, with nothing left to pay.
    clauses[i] = after.isZero()
      ? notPaid({ ...reduced, entitled: toPlain(amount) }, text)
      : reduced;
  }
}
