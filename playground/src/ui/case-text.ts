/**
 * Turns the current form and its result into a new embedded case (案例) in the policy's own
 * syntax, so that a tried application becomes a regression test with one click.
 */
import { canonical as c } from "../../../grammar/keywords.js";
import type { EvaluationResult, InputMeta } from "../../../runtime/types.js";
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
    // Toggles always count (as sent to the evaluator), so that the case reproduces the form.
    const v = input.type === "bool" ? (state.values[input.name] ?? input.default === true) : state.values[input.name];
    if (v === undefined || v === "") continue;
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
  }
  if (result) lines.push(`  ${c("Expect")} ${c("Total")} ${moneyLiteral(result.total)}`);
  return lines.join("\n");
}

/** The form state that a case describes. */
export function caseToForm(outcome: CaseOutcome, inputs: readonly InputMeta[]): FormState {
  const values: Record<string, FieldValue> = {};
  for (const i of outcome.inputs) {
    const meta = inputs.find((m) => m.name === i.name);
    if (meta) values[i.name] = fromCaseValue(meta, i.text, i.value);
  }
  return { date: outcome.date ?? "", values };
}
