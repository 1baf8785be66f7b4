/**
 * 资金来源 of a policy: who pays each clause (its own 资金来源, else the policy's default in the
 * header), and the list of payers that evaluation results, documents and budgets group by.
 */
import { itemsOf, type Clause, type Policy } from "../grammar/ast.js";
import { UNNAMED_PAYER } from "../runtime/payers.js";

export { UNNAMED_PAYER };

/** The payer of a clause: its own 资金来源, else the policy's default; undefined when neither. */
export function clausePayer(policy: Policy, c: Clause): string | undefined {
  for (const it of c.items) if (it.kind === "Payer") return it.who;
  return policy.header?.payer;
}

/**
 * Every payer the policy names, in order of first mention, with {@link UNNAMED_PAYER} last when some
 * clause pays money and names none; empty when the policy names no payer at all.
 */
export function policyPayers(policy: Policy): string[] {
  const out: string[] = [];
  const add = (p: string | undefined) => p !== undefined && !out.includes(p) && out.push(p);
  add(policy.header?.payer);
  const clauses = itemsOf(policy, "Clause");
  for (const c of clauses) for (const it of c.items) if (it.kind === "Payer") add(it.who);
  if (out.length === 0) return out;
  const paysMoney = (c: Clause) => c.items.some((it) => it.kind === "Award");
  if (clauses.some((c) => paysMoney(c) && clausePayer(policy, c) === undefined))
    out.push(UNNAMED_PAYER);
  return out;
}
