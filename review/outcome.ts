/**
 * One clause's outcome for one application, reduced to what a reviewer compares: the status and
 * the amount (exact, in 元), with the Chinese wording and the explanation behind it.
 */
import { Dec } from "../runtime/money.js";
import { showMoney } from "../runtime/money-text.js";
import { STATUS_WORD } from "../runtime/status-words.js";
import type { ClauseResult, Evaluation } from "../runtime/types.js";
import type { ClausePair } from "./match-clauses.js";

export interface Outcome {
  /** awarded | ineligible | not-paid | needs-decision | benefit | error | absent (the clause is not in this version) | invalid (input errors) */
  readonly status: ClauseResult["status"] | "absent" | "invalid";
  /** Amount in 元 as a decimal string; "0" unless awarded. */
  readonly amount: string;
  /** `150万元`, `不符合`, `需决定（最高100万元）` … */
  readonly text: string;
}

/** An outcome with its explanation (steps and reasons), for the cases a reviewer reads. */
export interface ExplainedOutcome extends Outcome {
  readonly explanation: readonly string[];
}

const money = (s: string) => showMoney(s);

/** The outcome of a clause result (or of a clause this version does not have). */
export function clauseOutcome(c: ClauseResult | undefined): Outcome {
  if (!c) return { status: "absent", amount: "0", text: "（无此条）" };
  switch (c.status) {
    case "awarded":
      return { status: c.status, amount: c.amount ?? "0", text: money(c.amount ?? "0") };
    case "needs-decision":
      return {
        status: c.status,
        amount: "0",
        text: `${STATUS_WORD[c.status]}${c.maximum ? `（最高${money(c.maximum)}）` : ""}`,
      };
    case "benefit":
      return { status: c.status, amount: "0", text: c.benefit ? "非资金支持" : "符合" };
    case "error":
      return { status: c.status, amount: "0", text: STATUS_WORD[c.status] };
    case "ineligible":
      return { status: c.status, amount: "0", text: STATUS_WORD[c.status] };
    case "not-paid":
      return {
        status: c.status,
        amount: "0",
        text: `${STATUS_WORD[c.status]}（应得${money(c.entitled ?? "0")}）`,
      };
  }
}

/** Whether two outcomes differ for a reviewer (status, amount or the maximum pending a decision). */
export function outcomesDiffer(a: Outcome, b: Outcome): boolean {
  if (a.status !== b.status) {
    const none = (o: Outcome) => o.status === "absent" || o.status === "ineligible";
    return !(none(a) && none(b));
  }
  return a.status === "needs-decision" ? a.text !== b.text : !new Dec(a.amount).eq(b.amount);
}

/** The clause results of an evaluation for one pair of clauses (old side or new side). */
export function pairResult(
  ev: Evaluation,
  pair: ClausePair,
  side: "old" | "new",
): ClauseResult | undefined {
  const clause = pair[side];
  if (!clause || !ev.ok) return undefined;
  return ev.result.clauses.find((c) => c.number === clause.number);
}

/** Outcome of a clause pair on one side; input errors make the outcome `invalid`. */
export function sideOutcome(ev: Evaluation, pair: ClausePair, side: "old" | "new"): Outcome {
  if (!ev.ok) return { status: "invalid", amount: "0", text: "申报信息有误" };
  return clauseOutcome(pairResult(ev, pair, side));
}

/** The explanation lines of a clause result: its steps, then why it fails. */
export function explanation(c: ClauseResult | undefined, ev: Evaluation): string[] {
  if (!ev.ok) return ev.errors.map((e) => `${e.field}：${e.message}`);
  if (!c) return [];
  return [...c.steps.map((s) => s.text), ...c.reasons.map((r) => `✗ ${r}`)];
}

/** The total of an evaluation in 元 ("0" on input errors). */
export function totalOf(ev: Evaluation): string {
  return ev.ok ? ev.result.total : "0";
}
