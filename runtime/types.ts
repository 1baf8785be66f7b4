/**
 * Types shared by the runtime and every generated evaluator. Amounts cross the API as decimal
 * strings in 元 (JSON-safe, exact); inside the evaluator they are decimal.js values.
 */
import type { ClauseKey } from "./clause-keys.js";

export type { ClauseKey } from "./clause-keys.js";

/** One step of a Chinese explanation, with the figures it shows. */
export interface ExplainStep {
  /** The Chinese sentence, e.g. `已投入金额 800万元 × 30% = 240万元`. */
  readonly text: string;
  /** The amount after this step, in 元 as a decimal string, when the step produces one. */
  readonly amount?: string;
}

/** Where the evaluation date came from. */
export type DateSource = "application" | "option" | "today";

/** The outcome of one clause for one application. */
export type ClauseStatus =
  | "awarded" // eligible, amount computed
  | "ineligible" // a condition failed; see reasons
  | "not-paid" // qualifies, but 从高不重复 pays another clause instead (or other support used it up)
  | "needs-decision" // 一事一议 or 最高 without an approved amount
  | "benefit" // a non-monetary benefit applies
  | "error"; // the clause could not be evaluated (e.g. a parameter is unset)

export interface ClauseResult {
  /** 第5条 (as the policy writes it) */
  readonly clause: string;
  /** The clause's key: 5 for 第5条; for a sub-clause its text, "3之一" (第3条之一) or "3（一）" (第3条（一）). */
  readonly number: ClauseKey;
  readonly title: string;
  readonly status: ClauseStatus;
  readonly eligible: boolean;
  /** The amount granted in 元 (decimal string); "0" when ineligible or not paid; null when it needs a decision. */
  readonly amount: string | null;
  /**
   * For a clause that qualifies but is not paid (status not-paid): what it would have paid, in 元.
   * Not part of the total; the reason (从高不重复 …) is the last of `reasons`.
   */
  readonly entitled?: string;
  /** The most the text allows (不超过 …), when it differs from the amount or a decision is pending. */
  readonly maximum?: string;
  /** For staged payments: what is payable now (negative means money to claw back). */
  readonly payable?: string;
  /** Why it is not eligible or not computable, in Chinese. */
  readonly reasons: readonly string[];
  readonly steps: readonly ExplainStep[];
  readonly benefit?: string;
  readonly beneficiary?: string;
  /** 资金来源: who pays this clause's amount (the clause's own, or the policy's default). */
  readonly payer?: string;
  /** Other support this clause may stack with (可叠加). */
  readonly stacksWith?: string;
  /** The base (基数) the amount was computed on, in 元, when the clause pays a share of a base. */
  readonly base?: string;
}

export interface EvaluationResult<P extends string = string> {
  readonly policy: string;
  readonly docNo?: string;
  /** The date the application is judged at (YYYY-MM-DD). */
  readonly date: string;
  /** Where that date came from: the application's 申报日期, the `date` option, or today in China. */
  readonly dateFrom: DateSource;
  readonly inForce: boolean;
  /** Whether the applicant meets 支持对象 (and the policy is in force). */
  readonly eligible: boolean;
  readonly reasons: readonly string[];
  readonly clauses: readonly ClauseResult[];
  /** Sum of all clause amounts in 元. */
  readonly total: string;
  /**
   * 资金来源: the amounts (元, decimal strings) by payer, present when the policy names a payer.
   * Every payer the policy names has an entry; the entries add up to `total`.
   */
  readonly byPayer?: Readonly<Record<P, string>>;
  readonly benefits: readonly string[];
  /** Steps of the policy-level checks (validity, 支持对象, stacking). */
  readonly steps: readonly ExplainStep[];
}

/** One problem with an application: the field it concerns and a Chinese message. */
export interface InputError {
  readonly field: string;
  readonly message: string;
}

/** A prior award, recorded so that per-year and cumulative caps hold across applications. */
export interface LedgerEntry {
  readonly applicant: string;
  readonly clause: ClauseKey;
  readonly amount: string;
  readonly date: string;
  /** The project (申报项目) the award was for; absent when the application named none. */
  readonly project?: string;
  /** The base (基数) the amount was computed on, in 元, for clauses that pay a share of a base. */
  readonly base?: string;
}

/**
 * A prior award as a caller may write it: the clause as 9, "9" or "第9条", the amount as a number
 * of 元 or text such as "60万", the date as 2024-01-15 or 2024年1月15日. Checked field by field.
 */
export interface LedgerInput {
  readonly applicant: string;
  readonly clause: number | string;
  readonly amount: string | number;
  readonly date: string;
  readonly project?: string;
  readonly base?: string | number;
}

export interface EvaluateOptions {
  /** The application date (YYYY-MM-DD); defaults to the application's 申报日期 field or today. */
  readonly date?: string;
  /** Prior awards of this policy. */
  readonly ledger?: readonly LedgerInput[];
  /** Approved (核定) amounts by clause (10, "10" or "第10条"), in 元 (800000 or "80万"). */
  readonly approved?: Readonly<Record<number | string, string | number>>;
  /** Parameter values that override the policy's (e.g. from a guideline), as JSON values. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Turn the explanation off for speed; results are otherwise identical. */
  readonly explain?: boolean;
  /** The applicant's identity for the ledger; defaults to the application's 申报主体 field or "申报主体". */
  readonly applicant?: string;
  /** The date taken as today when neither `date` nor 申报日期 is given (a batch fixes it once). */
  readonly today?: string;
  /** Awards made earlier in the same batch this year under each clause (for 名额). */
  readonly quotaUsed?: Readonly<Record<ClauseKey, number>>;
}

/** What `evaluate` returns: either a result, or the input errors (one per problem). */
export type Evaluation<P extends string = string> =
  | { readonly ok: true; readonly result: EvaluationResult<P> }
  | { readonly ok: false; readonly errors: readonly InputError[] };

/** Metadata a compiled policy exposes for forms, services and documents. */
export interface PolicyMeta {
  readonly title: string;
  readonly docNo?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  /** 有效期 … 适用于 立项日期: the date input the validity governs (absent: 申报日期). */
  readonly validFor?: string;
  readonly inputs: readonly InputMeta[];
  readonly params: readonly {
    readonly name: string;
    readonly type: string;
    readonly set: boolean;
  }[];
  readonly clauses: readonly {
    readonly number: ClauseKey;
    readonly label: string;
    readonly title: string;
    /** The clause grants no money (权益 only): there is no amount to approve (核定). */
    readonly noMoney?: true;
  }[];
}

export interface InputMeta {
  readonly name: string;
  /** money | ratio | count | date | bool | text | enum | moneyBy | moneyByYear */
  readonly type: string;
  readonly unit?: string;
  readonly values?: readonly string[];
  readonly required: boolean;
  readonly default?: unknown;
  readonly description?: string;
}

/** The interface every compiled policy module implements. */
export interface CompiledPolicy {
  readonly meta: PolicyMeta;
  readonly schema: Record<string, unknown>;
  evaluate(application: unknown, options?: EvaluateOptions): Evaluation;
}
