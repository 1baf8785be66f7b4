/**
 * Using a compiled policy from a TypeScript service. Generate the module first:
 *
 *   npx zhengce compile policies/jiading-2021-industrial-internet.zc --out examples/generated
 *
 * The generated module imports only `zhengce/runtime` and decimal.js. Amounts come back as exact
 * decimal strings in 元; input problems come back one per field, in Chinese.
 */
import { evaluate, type Application } from "./generated/jiading-2021-industrial-internet.js";

export interface Quote {
  readonly total: string;
  readonly lines: readonly string[];
}

/** What a service answers for one application: the total and a line per granted clause. */
export function quote(
  application: Application,
  date: string,
): Quote | { readonly errors: readonly string[] } {
  const evaluation = evaluate(application, { date });
  if (!evaluation.ok) return { errors: evaluation.errors.map((e) => `${e.field}：${e.message}`) };
  const lines = evaluation.result.clauses
    .filter((c) => c.status === "awarded")
    .map((c) => `${c.clause} ${c.amount}元：${c.steps.map((s) => s.text).join("；")}`);
  return { total: evaluation.result.total, lines };
}
