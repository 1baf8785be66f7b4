/**
 * Help for E202, money × money: the likely intent is a ratio of two amounts (divide by a third
 * amount: × and ÷ are typed by meaning, arith-chain.ts) or a percentage; the help shows the text.
 */
import type { Expr } from "../../grammar/ast.js";
import { exprToText } from "../../grammar/expr-to-text.js";

type Binary = Extract<Expr, { kind: "Binary" }>;

/** The help for a product of two amounts that no later ÷ 金额 makes an amount again. */
export function moneyTimesMoneyHelp(e: Binary): string {
  const a = exprToText(e.left);
  const b = exprToText(e.right);
  return (
    `金额只能乘以比例（如 30%）或数量。若其中一项应为比例，请写比例，如 ${a} × 30%；` +
    `若本意是按两项金额之比计算，请再除以一项金额，如 ${a} × ${b} ÷ 总金额（金额 ÷ 金额 得比例）。`
  );
}
