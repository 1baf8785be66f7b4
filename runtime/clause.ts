/**
 * The per-clause builder generated code writes into: reasons, explanation steps and the outcome.
 * Steps are only recorded when explanations are on, so turning them off costs nothing else.
 */
import { fmtMoney } from "./format.js";
import { Dec, toPlain } from "./money.js";
import type { ClauseResult, ExplainStep, LedgerEntry } from "./types.js";

/** What a clause function receives: validated values and the evaluation's context. */
export interface Ctx {
  /** Input values in declaration order. */
  readonly v: readonly unknown[];
  /** Parameter values in declaration order (undefined when 待定). */
  readonly p: readonly unknown[];
  /** Application date (ISO) and its year. */
  readonly date: string;
  readonly year: string;
  readonly applicant: string;
  readonly ledger: readonly LedgerEntry[];
  readonly approved: Readonly<Record<number, string>>;
  readonly quotaUsed: Readonly<Record<number, number>>;
  readonly explain: boolean;
}

export class ClauseRun {
  readonly reasons: string[] = [];
  readonly steps: ExplainStep[] = [];
  beneficiary?: string;
  stacksWith?: string;

  constructor(
    readonly number: number,
    readonly label: string,
    readonly title: string,
    readonly explain: boolean,
  ) {}

  /** Record a failed condition. */
  fail(reason: string): void {
    this.reasons.push(reason);
  }

  /** Record an explanation step (callers guard with `explain`). */
  step(text: string, amount?: Dec): void {
    this.steps.push(amount === undefined ? { text } : { text, amount: toPlain(amount) });
  }

  private base(): Pick<ClauseResult, "clause" | "number" | "title" | "steps" | "reasons"> & {
    beneficiary?: string;
    stacksWith?: string;
  } {
    return {
      clause: this.label,
      number: this.number,
      title: this.title,
      reasons: this.reasons,
      steps: this.steps,
      ...(this.beneficiary ? { beneficiary: this.beneficiary } : {}),
      ...(this.stacksWith ? { stacksWith: this.stacksWith } : {}),
    };
  }

  /** Not eligible: the recorded reasons say why. */
  ineligible(): ClauseResult {
    return { ...this.base(), status: "ineligible", eligible: false, amount: "0" };
  }

  /** Eligible with an amount; `maximum` is the most the text allows when it differs. */
  awarded(amount: Dec, maximum?: Dec, payable?: Dec): ClauseResult {
    return {
      ...this.base(),
      status: "awarded",
      eligible: true,
      amount: toPlain(amount),
      ...(maximum && !maximum.eq(amount) ? { maximum: toPlain(maximum) } : {}),
      ...(payable ? { payable: toPlain(payable) } : {}),
    };
  }

  /** Eligible, but the amount is decided on review (一事一议, 最高 …). */
  needsDecision(maximum?: Dec): ClauseResult {
    if (this.explain)
      this.step(
        maximum
          ? `需评审核定金额，最高不超过 ${fmtMoney(maximum)}`
          : "需经批准后核定金额（一事一议）",
      );
    return {
      ...this.base(),
      status: "needs-decision",
      eligible: true,
      amount: null,
      ...(maximum ? { maximum: toPlain(maximum) } : {}),
    };
  }

  /** A non-monetary benefit applies. */
  benefit(text: string): ClauseResult {
    return { ...this.base(), status: "benefit", eligible: true, amount: "0", benefit: text };
  }

  /** The clause cannot be evaluated (e.g. a parameter is still 待定). */
  error(reason: string): ClauseResult {
    this.reasons.push(reason);
    return { ...this.base(), status: "error", eligible: false, amount: "0" };
  }
}
