/**
 * Messages between the page and the compiler worker. Everything crossing this boundary is plain
 * data (structured clone): the page never receives code from a policy, only figures and text.
 */
import type { ClauseKey, Span } from "../../grammar/index.js";
import type { Diagnostic } from "../../grammar/index.js";
import type { ClauseStatus, EvaluateOptions, Evaluation, PolicyMeta } from "../../runtime/index.js";

export type { Span, Diagnostic, Evaluation, PolicyMeta };
export type { NameInfo, ClauseInfo } from "../../language/index.js";
import type { NameInfo, ClauseInfo } from "../../language/index.js";

/** What a case adds to an application besides its inputs: prior awards, approvals, parameters. */
export type CaseContext = Pick<EvaluateOptions, "ledger" | "approved" | "params">;

/** What the page asks of the worker. */
export type Request =
  | {
      readonly kind: "analyze";
      readonly id: number;
      readonly source: string;
      /** The application built from the form, keyed by input name. */
      readonly application: Readonly<Record<string, unknown>>;
      /** The application date (YYYY-MM-DD), or undefined for today. */
      readonly date?: string;
      /** Ledger, approvals and parameters of a case loaded into the form. */
      readonly context?: CaseContext;
      /** For a guideline: the base policy the drafter chose explicitly (a candidate's id). */
      readonly baseId?: string;
    }
  | { readonly kind: "format"; readonly id: number; readonly source: string }
  /** Case coverage of `source` (the compiler's, as `zhengce test --coverage` reports it). */
  | {
      readonly kind: "coverage";
      readonly id: number;
      readonly source: string;
      /** For a guideline: the base policy the drafter chose, as in `analyze`. */
      readonly baseId?: string;
    }
  /** The policies a guideline's 基于 may name: the built-in seed and the saved versions. */
  | { readonly kind: "bases"; readonly bases: readonly BaseCandidate[] }
  /** A new guideline draft built on `policySource`, whose 基于 line names `ref`. */
  | {
      readonly kind: "newGuideline";
      readonly id: number;
      readonly policySource: string;
      readonly ref: string;
    };

/** A policy a guideline may build on. */
export interface BaseCandidate {
  /** `seed` or a saved version's id. */
  readonly id: string;
  /** How the drafter sees it (内置示例政策 / 版本“…”), short enough for a select. */
  readonly label: string;
  /** When a saved version was saved, as the drafter reads it. */
  readonly savedAt?: string;
  /** Names a 基于 may use besides the title and 文号: a file name, a version name. */
  readonly names: readonly string[];
  readonly source: string;
}

/** One effective value of a guideline and where it comes from. */
export interface ProvenanceInfo {
  readonly subject: string;
  readonly value: string;
  readonly origin: "policy" | "guideline";
  readonly line: number;
  readonly replaced?: string;
  readonly exception?: string;
  /** The whole entry as one Chinese line. */
  readonly text: string;
}

/** What the worker knows about a guideline (申报指南) and the policy it builds on. */
export interface GuidelineInfo {
  /** The 基于 as written (empty when missing). */
  readonly basedOn: string;
  /** The policy used, or null when none was found. */
  readonly base: {
    readonly id: string;
    readonly label: string;
    /** The base policy's title, 文号 and (for a version) when it was saved, in the panel's note. */
    readonly title?: string;
    readonly docNo?: string;
    readonly savedAt?: string;
  } | null;
  /** Every policy the drafter may choose; `matches` when the 基于 names it. */
  readonly choices: readonly {
    readonly id: string;
    readonly label: string;
    readonly matches: boolean;
  }[];
  /** True when the drafter chose the base explicitly. */
  readonly explicit: boolean;
  readonly year?: number;
  readonly window?: { readonly from: string; readonly to: string };
  readonly open: readonly ClauseKey[];
  readonly closed: readonly ClauseKey[];
  readonly provenance: readonly ProvenanceInfo[];
}

/** One expectation of a case: what it says and what the evaluator gave. */
export interface CaseCheck {
  readonly target: string;
  readonly expected: string;
  readonly actual: string;
}

/** An embedded case (案例) and its outcome on the current source, from the compiler's runner. */
export interface CaseOutcome {
  readonly title: string;
  readonly span: Span;
  readonly pass: boolean;
  /** One Chinese line per unmet expectation. */
  readonly failures: readonly string[];
  readonly checks: readonly CaseCheck[];
  /** The application the case describes (with what it inherits through 基于), as JSON. */
  readonly application: Readonly<Record<string, unknown>>;
  readonly date?: string;
  readonly options: CaseContext;
}

/** One rule item of a clause and whether some case covers it. */
export interface CoverageItemView {
  /** 条件, 上限, 就高, 表格行, 分档 … */
  readonly what: string;
  readonly text: string;
  readonly line: number;
  readonly covered: boolean;
  /** Why it is not covered, in Chinese (empty when covered). */
  readonly why: string;
}

/** A clause's coverage by the embedded cases. */
export interface CoverageClauseView {
  readonly number: ClauseKey;
  readonly label: string;
  readonly title: string;
  /** Cases whose 期望 name this clause. */
  readonly cases: number;
  /** The outcomes the cases reached for it. */
  readonly outcomes: readonly ClauseStatus[];
  readonly items: readonly CoverageItemView[];
}

/** The coverage report of one source. */
export interface CoverageView {
  readonly source: string;
  /** Null when there is nothing to report on (errors in the policy); `note` says why. */
  readonly clauses: readonly CoverageClauseView[] | null;
  /** The summary line (clauses without a case, items covered and not). */
  readonly summary: string;
  readonly note?: string;
  /** Line numbers point into this text (false for a guideline, whose clauses mix two files). */
  readonly withLines: boolean;
  readonly ms: number;
}

/** What the worker knows about one version of the source. */
export interface Analysis {
  readonly id: number;
  readonly source: string;
  /** False until compiler/index.ts exists in the build. */
  readonly compilerAvailable: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly names: readonly NameInfo[];
  readonly clauses: readonly ClauseInfo[];
  readonly meta: PolicyMeta | null;
  readonly evaluation: Evaluation | null;
  /** Why no evaluation could be made (compile errors, a failing evaluator), in Chinese. */
  readonly evaluationNote?: string;
  readonly cases: readonly CaseOutcome[];
  /** Present when the source is a guideline (申报指南). */
  readonly guideline?: GuidelineInfo;
  /** True when the cases are still running; a `cases` message follows. */
  readonly casesPending: boolean;
  readonly timings: {
    readonly compileMs: number;
    readonly evaluateMs: number;
    readonly totalMs: number;
  };
}

/** What the worker answers. */
export type Response =
  | {
      readonly kind: "ready";
      readonly compilerAvailable: boolean;
    }
  | ({ readonly kind: "analysis" } & Analysis)
  | {
      readonly kind: "cases";
      readonly id: number;
      readonly source: string;
      readonly cases: readonly CaseOutcome[];
      readonly casesMs: number;
    }
  | {
      readonly kind: "guidelineDraft";
      readonly id: number;
      readonly text: string | null;
      readonly error?: string;
    }
  | ({ readonly kind: "coverage"; readonly id: number } & CoverageView)
  | {
      readonly kind: "formatted";
      readonly id: number;
      readonly text: string | null;
      readonly error?: string;
    };
