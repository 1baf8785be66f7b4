/**
 * Limits and amounts in document prose, with every figure shown: a cap that is a table, a
 * 如果…则…否则…, or a definition reads with its figures (the cap's words go before each figure).
 */
import type { Expr } from "../../grammar/ast.js";
import { exprToProse, tableProse, type ProseContext } from "./expr-to-prose.js";

/**
 * A limit as a policy text writes it: `不超过200万元`, `按项目级别：区级不超过50万元，市级不超过80万元`,
 * `首次获得认定的不超过300万元，否则不超过200万元`, `不超过累计支持额度（…的为300万元，否则为200万元）`.
 */
export function limitProse(e: Expr, cx: ProseContext): string {
  const a = cx.amounts();
  switch (e.kind) {
    case "Table":
      return tableProse(e.keys, e.rows, e.otherwise, a, "不超过");
    case "If":
      return `${exprToProse(e.cond, cx)}的${limitProse(e.then, cx)}，否则${limitProse(e.else, cx)}`;
    case "Call":
      // 上限 就低（甲，乙）: every argument is a limit of its own.
      if (e.fn === "min") return e.args.map((x) => limitProse(x, cx)).join("，且");
      return `不超过${exprToProse(e, a)}`;
    default:
      return `不超过${exprToProse(e, a)}`;
  }
}

/** Whether a limit reads as several cases (a table or 如果), so that it follows a comma. */
export function limitHasCases(e: Expr): boolean {
  return e.kind === "Table" || e.kind === "If" || (e.kind === "Call" && e.fn === "min");
}

/**
 * What a 就高 step compares with the amount: `取本条标准与甲中的较高者`; for 就高（甲，乙）
 * `取本条标准与甲、乙中的最高者`, listed after a colon when one of them reads as several cases.
 */
export function higherProse(e: Expr, cx: ProseContext): string {
  if (!(e.kind === "Call" && e.fn === "max" && e.args.length > 1))
    return `取本条标准与${amountProse(e, cx)}中的较高者`;
  const args = e.args.map((x) => amountProse(x, cx));
  return e.args.some((x) => x.kind === "Table" || x.kind === "Brackets" || x.kind === "If")
    ? `取本条标准与下列各项中的最高者：${args.join("；")}`
    : `取本条标准与${args.join("、")}中的最高者`;
}

/** An amount in prose, with the figures of any definition it uses. */
export function amountProse(e: Expr, cx: ProseContext): string {
  return exprToProse(e, cx.amounts());
}
