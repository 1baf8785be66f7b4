/**
 * How the change list words figures and rule parts: amounts as 500万元, ratios as 30%, dates as
 * 2027年12月31日, anything else in the language's own canonical text.
 */
import type { ClauseItem, Expr } from "../grammar/ast.js";
import { exprToText } from "../grammar/expr-to-text.js";
import { Dec } from "../runtime/money.js";
import { fmtDate, fmtMoney, fmtRatio } from "../runtime/format.js";
import { toPlain } from "../runtime/money.js";

/** A figure or expression as a reviewer reads it: `500万元`, `30%`, `10家`, `2027年12月31日`. */
export function valueText(e: Expr): string {
  try {
    switch (e.kind) {
      case "Money":
        return fmtMoney(new Dec(e.value));
      case "Percent":
        return fmtRatio(new Dec(e.value));
      case "Number":
        return `${toPlain(new Dec(e.value))}${e.unit ?? ""}`;
      case "DateLit":
        return fmtDate(e.value);
      default:
        return exprToText(e);
    }
  } catch {
    return exprToText(e);
  }
}

/** What qualifies a step: （含已获上级补助金额，当 并非 上级补助要求配套）. */
export function stepQualifier(it: Extract<ClauseItem, { kind: "Step" }>): string {
  const parts: string[] = [];
  if (it.including) parts.push(`与${exprToText(it.including)}合计`);
  if (it.when) parts.push(`当 ${exprToText(it.when)}`);
  return parts.length ? `（${parts.join("，")}）` : "";
}

/** An award as the clause words it: 比例 30% 基数 项目实际投资, 定额 20万元, 最高 100万元. */
export function awardText(it: Extract<ClauseItem, { kind: "Award" }>): string {
  const f = it.form;
  switch (f.kind) {
    case "Ratio":
      return `比例 ${valueText(f.ratio)} 基数 ${exprToText(f.base)}`;
    case "Fixed":
      return `定额 ${valueText(f.amount)}`;
    case "UpTo":
      return `最高 ${valueText(f.amount)}`;
    case "Compute":
      return `计算 ${exprToText(f.amount)}`;
    case "CaseByCase":
      return "一事一议";
  }
}

/** Quote a free text for a change line, shortened when long. */
export function quote(s: string, max = 60): string {
  return `“${s.length > max ? s.slice(0, max) + "…" : s}”`;
}
