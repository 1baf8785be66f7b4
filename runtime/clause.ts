/**
 * The per-clause builder generated code writes into: reasons, explanation steps and the outcome.
 * Steps are only recorded when explanations are on, so turning them off costs nothing else.
 */
import { fmtMoney } from "./format.js";
import { Dec, toPlain } from "./money.js";
import type { ClauseKey, ClauseResult, ExplainStep, LedgerEntry } from "./types.js";

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
  /** The application's project (申报项目), normalised; undefined when it names none. */
  readonly project?: string;
  readonly ledger: readonly LedgerEntry[];
  readonly approved: Readonly<Record<ClauseKey, string>>;
  readonly quotaUsed: Readonly<Record<ClauseKey, number>>;
  readonly explain: boolean;
  /** Results of the clauses evaluated so far, when some clause uses another's amount (第2条金额). */
  readonly done?: Map<ClauseKey, ClauseResult>;
}

const NONE = Object.freeze([]) as unknown as never[];

/** The shared empty list of reasons or steps (frozen). */
export const NO_STEPS: readonly never[] = NONE;

type Mutable<X> = { -readonly [P in keyof X]: X[P] };

export class ClauseRun {
  /** Reasons and steps are shared empty arrays until something is recorded (the hot path records nothing). */
  private reasonList: string[] = NONE;
  readonly steps: ExplainStep[];
  beneficiary?: string;
  /** 资金来源: who pays this clause's amount. */
  payer?: string;
  stacksWith?: string;
  /** The base (基数) a share was computed on, recorded in the ledger with the award. */
  base?: Dec;

  constructor(
    readonly number: ClauseKey,
    readonly label: string,
    readonly title: string,
    readonly explain: boolean,
  ) {
    this.steps = explain ? [] : NONE;
  }

  /** The reasons recorded so far. */
  get reasons(): readonly string[] {
    return this.reasonList;
  }

  /** Record a failed condition. */
  fail(reason: string): void {
    if (this.reasonList === NONE) this.reasonList = [];
    this.reasonList.push(reason);
  }

  /**
   * Record an explanation step (callers guard with `explain`). A step that says again what an
   * earlier step of this clause said (a 按 … 取 lookup the cap and its 含 both evaluate) is dropped;
   * "→ …" lines continue the step before them and are always kept.
   */
  step(text: string, amount?: Dec): void {
    const plain = amount === undefined ? undefined : toPlain(amount);
    if (!text.startsWith("→") && this.steps.some((s) => s.text === text && s.amount === plain))
      return;
    this.steps.push(plain === undefined ? { text } : { text, amount: plain });
  }

  /** One result object; a plain literal (no spreads) because this is the evaluator's hot path. */
  private result(
    status: ClauseResult["status"],
    eligible: boolean,
    amount: string | null,
  ): Mutable<ClauseResult> {
    const r: Mutable<ClauseResult> = {
      clause: this.label,
      number: this.number,
      title: this.title,
      status,
      eligible,
      amount,
      reasons: this.reasons,
      steps: this.steps,
    };
    if (this.beneficiary) r.beneficiary = this.beneficiary;
    if (this.payer) r.payer = this.payer;
    if (this.stacksWith) r.stacksWith = this.stacksWith;
    if (this.base && status === "awarded") r.base = toPlain(this.base);
    return r;
  }

  /** Not eligible: the recorded reasons say why. */
  ineligible(): ClauseResult {
    return this.result("ineligible", false, "0");
  }

  /** Eligible with an amount; `maximum` is the most the text allows when it differs. */
  awarded(amount: Dec, maximum?: Dec, payable?: Dec): ClauseResult {
    // A negative award (a negative cap, ratio or formula in the policy) is an error, never money.
    if (amount.isNeg() && !amount.isZero())
      return this.error(
        `计算得到负数金额 ${fmtMoney(amount)}，不能作为资助金额：请检查本条的资助方式、上限或计算式`,
      );
    const r = this.result("awarded", true, toPlain(amount));
    if (maximum && !maximum.eq(amount)) r.maximum = toPlain(maximum);
    if (payable) r.payable = toPlain(payable);
    return r;
  }

  /** Eligible, but the amount is decided on review (一事一议, 最高 …). */
  needsDecision(maximum?: Dec): ClauseResult {
    if (this.explain)
      this.step(
        maximum
          ? `需评审核定金额，最高不超过 ${fmtMoney(maximum)}`
          : "需经批准后核定金额（一事一议）",
      );
    const r = this.result("needs-decision", true, null);
    if (maximum) r.maximum = toPlain(maximum);
    return r;
  }

  /** Eligible, waiting for a decision elsewhere (the clause it refers to needs one). */
  pending(reason: string): ClauseResult {
    if (this.explain) this.step(reason);
    return this.result("needs-decision", true, null);
  }

  /** A non-monetary benefit applies. */
  benefit(text: string): ClauseResult {
    const r = this.result("benefit", true, "0");
    r.benefit = text;
    return r;
  }

  /** The clause cannot be evaluated (e.g. a parameter is still 待定). */
  error(reason: string): ClauseResult {
    this.fail(reason);
    return this.result("error", false, "0");
  }
}
