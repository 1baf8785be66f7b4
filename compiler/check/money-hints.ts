/**
 * Help for E202, money × money (issue 11 §5): the likely intent is a ratio of two amounts
 * (甲 × 乙 ÷ 丙 meant 甲 × （乙 ÷ 丙）) or a percentage; the help says which and shows the text.
 */
import type { Expr } from "../../grammar/ast.js";
import type { Fix } from "../../grammar/diagnostics.js";
import { exprToText } from "../../grammar/expr-to-text.js";

type Binary = Extract<Expr, { kind: "Binary" }>;

/** `甲 × 乙 ÷ 丙`: a product of two amounts divided by an amount (parsed as (甲 × 乙) ÷ 丙). */
export function isProductOverAmount(e: Binary): e is Binary & { left: Binary } {
  return e.op === "/" && e.left.kind === "Binary" && e.left.op === "*";
}

/** The help for money × money on its own. */
export function moneyTimesMoneyHelp(e: Binary): string {
  const a = exprToText(e.left);
  const b = exprToText(e.right);
  return (
    `金额只能乘以比例（如 30%）或数量。若其中一项应为比例，请写比例，如 ${a} × 30%；` +
    `若本意是按两项金额之比计算，金额 ÷ 金额 得比例，请加括号，如 ${a} × （${b} ÷ 总金额）。`
  );
}

/** The help and fix for (甲 × 乙) ÷ 丙 where all three are amounts: 甲 × （乙 ÷ 丙）. */
export function productOverAmountHint(e: Binary & { left: Binary }): { help: string; fix: Fix } {
  const [a, b, c] = [e.left.left, e.left.right, e.right].map((x) => exprToText(x));
  const text = `${a} × （${b} ÷ ${c}）`;
  return {
    help:
      `乘除从左到右计算，“${exprToText(e)}”先算 ${a} × ${b}（金额乘金额）。` +
      `若本意是按 ${b} 占 ${c} 的比例计算，请加括号：${text}（金额 ÷ 金额 得比例）。`,
    fix: { title: `加括号：${text}`, span: e.span, text },
  };
}
