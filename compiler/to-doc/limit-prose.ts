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
    default:
      return `不超过${exprToProse(e, a)}`;
  }
}

/** Whether a limit reads as several cases (a table or 如果), so that it follows a comma. */
export function limitHasCases(e: Expr): boolean {
  return e.kind === "Table" || e.kind === "If";
}

/** An amount in prose, with the figures of any definition it uses. */
export function amountProse(e: Expr, cx: ProseContext): string {
  return exprToProse(e, cx.amounts());
}
