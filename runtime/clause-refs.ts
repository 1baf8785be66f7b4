/**
 * 第2条金额 (issue 10 §3): one clause uses the amount another computed for the same application.
 * The compiler orders the clauses so that a referenced clause is evaluated first; its result
 * is then read here. The amount is the clause's own result after its caps, limits, rounding and
 * approved amount (核定), before 叠加规则 across clauses (从高不重复, 扣除, policy-wide limits).
 * A clause that is not eligible counts 0 and the explanation says why; a clause that needs a
 * decision makes the referring clause wait for it; a clause that cannot be computed (a 待定
 * parameter …) makes the referring clause fail with the same reason: never a quiet 0.
 */
import type { ClauseRun, Ctx } from "./clause.js";
import { fmtMoney } from "./format.js";
import { Dec, ZERO } from "./money.js";
import { EvalFailure, raise } from "./ops.js";
import type { ClauseKey } from "./types.js";

/** The amount clause `key` computed (its label as the policy writes it, e.g. 第2条). */
export function clauseAmount(ctx: Ctx, x: ClauseRun | null, key: ClauseKey, label: string): Dec {
  const r = ctx.done?.get(key);
  if (!r) return raise(`${label}尚未计算，无法引用${label}金额`);
  switch (r.status) {
    case "awarded": {
      const a = new Dec(r.amount ?? "0");
      if (x) x.step(`${label}金额 ${fmtMoney(a)}（${label}按其标准和上限计算的金额）`);
      return a;
    }
    case "not-paid": {
      // 叠加规则 run after every clause, so a referenced result is never 未支付 yet; if it were,
      // the amount before 叠加规则 is what it qualified for.
      const a = new Dec(r.entitled ?? "0");
      if (x) x.step(`${label}金额 ${fmtMoney(a)}（${label}按其标准和上限计算的金额）`);
      return a;
    }
    case "ineligible":
    case "benefit":
      if (x)
        x.step(
          `${label}不予资助${r.reasons.length ? `（${r.reasons.join("；")}）` : ""}，${label}金额按 0 计`,
        );
      return ZERO;
    case "needs-decision":
      // the referred clause waits for a decision (一事一议, 最高 without 核定): so does this one
      throw new EvalFailure(`${label}金额需评审核定，本条在${label}核定后计算`, false, true);
    case "error":
      return raise(
        `${label}无法计算（${r.reasons.join("；")}），本条引用${label}金额，同样无法计算`,
      );
  }
}
