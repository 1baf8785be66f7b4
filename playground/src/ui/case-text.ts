/**
 * Turns the current form and its result into a new embedded case (案例) in the policy's own
 * syntax, so that a tried application becomes a regression test with one click.
 */
import { canonical as c } from "../../../grammar/index.js";
import type { EvaluationResult, InputMeta } from "../../../runtime/index.js";
import { moneyLiteral } from "../money.js";
import type { CaseOutcome } from "../protocol.js";
import {
  caseLiteral,
  fromCaseValue,
  zhDate,
  type FieldValue,
  type FormState,
} from "./form-values.js";

/** The source text of a case for this form state and its evaluation result. */
export function caseText(
  title: string,
  inputs: readonly InputMeta[],
  state: FormState,
  result: EvaluationResult | null,
): string {
  const given: string[] = [];
  for (const input of inputs) {
    // A toggle always has a value; it is written when it differs from the declared default (or
    // there is none), so that the case reproduces the form without restating every default.
    const v =
      input.type === "bool"
        ? (state.values[input.name] ?? input.default === true)
        : state.values[input.name];
    if (v === undefined || v === "") continue;
    if (input.type === "bool" && input.default !== undefined && v === (input.default === true))
      continue;
    const lit = caseLiteral(input, v);
    if (lit !== null) given.push(`${input.name} ${lit}`);
  }
  const lines = [`${c("Case")} “${title.replace(/[“”"\n]/g, "") || "新案例"}”`];
  if (state.date) lines.push(`  ${c("Date")} ${zhDate(state.date)}`);
  if (given.length) lines.push(`  ${c("Given")} ${given.join("，")}`);
  for (const r of result?.clauses ?? []) {
    if (r.status === "awarded")
      lines.push(`  ${c("Expect")} ${r.clause} ${moneyLiteral(r.amount ?? "0")}`);
    else if (r.status === "needs-decision")
      lines.push(`  ${c("Expect")} ${r.clause} ${c("NeedsDecision")}`);
    else if (r.status === "not-paid") lines.push(`  ${c("Expect")} ${r.clause} ${c("NotPaid")}`);
  }
  if (result) lines.push(`  ${c("Expect")} ${c("Total")} ${moneyLiteral(result.total)}`);
  return lines.join("\n");
}

/** The form state that a case describes (its inputs, date, ledger, approvals and parameters). */
export function caseToForm(outcome: CaseOutcome, inputs: readonly InputMeta[]): FormState {
  const values: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(outcome.application)) {
    const meta = inputs.find((m) => m.name === name);
    if (meta) values[name] = fromCaseValue(meta, value);
  }
  const hasContext = Object.keys(outcome.options).length > 0;
  return {
    date: outcome.date ?? "",
    values,
    ...(hasContext ? { context: { title: outcome.title, options: outcome.options } } : {}),
  };
}
