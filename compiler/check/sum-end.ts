/**
 * W433: `合计 明细 自 2022年 至 2023年 × 1%` reads the end year as `2023年 × 1%` (the bounds of
 * 自 … 至 … are whole arithmetic expressions), so the 1% never multiplies the sum. A drafter who
 * writes a product or quotient after the end year almost always meant the sum to be multiplied:
 * warn, and offer the brackets that say so. `至 年份（申报日期） - 1` (plus or minus) is a real year
 * and passes; so does `至 （…）` written in brackets, where the sum ends at the bracket.
 */
import type { Expr } from "../../grammar/ast.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import type { CheckContext } from "./context.js";

type Sum = Extract<Expr, { kind: "Sum" }>;

/** Is there a × or ÷ in the arithmetic of `e` (not inside brackets the parser has already closed)? */
function multiplies(e: Expr): boolean {
  if (e.kind !== "Binary") return false;
  return e.op === "*" || e.op === "/" || multiplies(e.left) || multiplies(e.right);
}

/** The reading the drafter most likely meant: the sum up to the year, then the operation. */
function regrouped(e: Sum, to: Extract<Expr, { kind: "Binary" }>): string | undefined {
  if ((to.op !== "*" && to.op !== "/") || multiplies(to.left)) return undefined;
  const sum: Sum = { ...e, to: to.left };
  return exprToText({ kind: "Binary", op: to.op, left: sum, right: to.right, span: e.span });
}

export function checkSumEnd(cx: CheckContext, e: Sum): void {
  const to = e.to;
  // The sum's own span ends at the end year unless a bracket closed the year first.
  if (!to || !multiplies(to) || e.span.end !== to.span.end || to.kind !== "Binary") return;
  const fixed = regrouped(e, to);
  cx.warn(
    "W433",
    `“${exprToText(e)}”的终止年份读作“${exprToText(to)}”：乘除算在年份上，不算在合计上`,
    to.span,
    fixed
      ? `要对合计的结果再做运算，请把合计放在括号里：${fixed}。`
      : "要对合计的结果再做运算，请把 合计 … 自 … 至 … 放在括号里，如 （合计 明细 自 2022年 至 2023年） × 1%。",
    fixed ? { title: `加括号：${fixed}`, span: e.span, text: fixed } : undefined,
  );
}
