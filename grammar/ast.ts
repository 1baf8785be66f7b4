/**
 * The abstract syntax tree: one discriminated union per level, every node with its source span.
 * Numbers are kept as decimal strings (never floats) so that the tree is exact and comparable.
 */
import type { ClauseKey } from "./clause-ids.js";

export type { ClauseKey } from "./clause-ids.js";

/** A source range: offsets are 0-based with an exclusive end; lines and columns are 1-based, endCol exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

// ---------------------------------------------------------------- expressions

export type CompareOp =
  "gt" | "ge" | "lt" | "le" | "eq" | "ne" | "before" | "after" | "notBefore" | "notAfter";

export type ArithOp = "+" | "-" | "*" | "/";

/** What a history query asks of the same project's awards under this clause (ledger, up to the date). */
export type HistoryQuery = "yearsPaid" | "paidLastYear" | "received" | "baseUsed" | "supportYear";

export interface NameRef {
  readonly kind: "Name";
  readonly name: string;
  readonly span: Span;
}

/** A table keyed by one or more categories: `按 项目级别：区级 200万，市级 500万`. */
export interface TableRow {
  readonly keys: readonly NameRef[];
  readonly value: Expr;
  readonly span: Span;
}

/** A bracket bound: the number and whether the text includes it (以上/不低于 include, 超过 excludes). */
export interface Bound {
  readonly value: Expr;
  readonly inclusive: boolean;
  /** The words the text used (以上, 超过, （不含）以下 …), kept for explanations and formatting. */
  readonly word: string;
}

export interface BracketRow {
  readonly lower?: Bound;
  readonly upper?: Bound;
  /** `至` ranges print as `X 至 Y`; otherwise bounds print with their own words. */
  readonly range?: boolean;
  readonly otherwise: boolean;
  readonly value: Expr;
  readonly span: Span;
}

export type Expr =
  | { readonly kind: "Money"; readonly value: string; readonly text: string; readonly span: Span }
  | { readonly kind: "Percent"; readonly value: string; readonly text: string; readonly span: Span }
  | {
      readonly kind: "Number";
      readonly value: string;
      readonly unit?: string;
      readonly text: string;
      readonly span: Span;
    }
  | {
      readonly kind: "Rate";
      readonly value: string;
      readonly unit: string;
      readonly text: string;
      readonly span: Span;
    }
  | { readonly kind: "DateLit"; readonly value: string; readonly text: string; readonly span: Span }
  | { readonly kind: "Bool"; readonly value: boolean; readonly span: Span }
  | { readonly kind: "Str"; readonly value: string; readonly span: Span }
  | NameRef
  | {
      /**
       * `第2条金额`: the amount another clause computes for this application, after its own caps
       * and limits (before 叠加规则 across clauses); 0 when that clause is not eligible.
       */
      readonly kind: "ClauseAmount";
      readonly clause: ClauseKey;
      /** The id as written (第2条, 第二条). */
      readonly label: string;
      readonly span: Span;
    }
  | { readonly kind: "AppDate"; readonly span: Span }
  | {
      /** The project's history under this clause, from the ledger (已获支持年数, 支持年度 …). */
      readonly kind: "History";
      readonly query: HistoryQuery;
      readonly span: Span;
    }
  | {
      readonly kind: "Binary";
      readonly op: ArithOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | { readonly kind: "Neg"; readonly operand: Expr; readonly span: Span }
  | {
      readonly kind: "Compare";
      readonly op: CompareOp;
      readonly word: string;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | {
      readonly kind: "InSet";
      readonly negated: boolean;
      readonly subject: Expr;
      readonly values: readonly NameRef[];
      readonly span: Span;
    }
  | {
      readonly kind: "Logic";
      readonly op: "and" | "or";
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | { readonly kind: "Not"; readonly operand: Expr; readonly span: Span }
  | {
      readonly kind: "If";
      readonly cond: Expr;
      readonly then: Expr;
      readonly else: Expr;
      readonly span: Span;
    }
  | {
      readonly kind: "Call";
      readonly fn: "max" | "min" | "year" | "days";
      readonly args: readonly Expr[];
      readonly span: Span;
    }
  | {
      readonly kind: "Sum";
      readonly target: NameRef;
      readonly only?: readonly NameRef[];
      readonly from?: Expr;
      readonly to?: Expr;
      readonly span: Span;
    }
  | {
      readonly kind: "Table";
      readonly keys: readonly Expr[];
      readonly rows: readonly TableRow[];
      readonly otherwise?: Expr;
      readonly span: Span;
    }
  | {
      /** A value keyed by category or year, used in cases: `设备购置 100万、软件购置 50万`. */
      readonly kind: "Record";
      readonly entries: readonly {
        readonly key: string;
        readonly keySpan: Span;
        readonly value: Expr;
      }[];
      readonly span: Span;
    }
  | {
      readonly kind: "Brackets";
      readonly subject: Expr;
      readonly rows: readonly BracketRow[];
      readonly span: Span;
    };

// ---------------------------------------------------------------- declarations

export type TypeRef =
  | { readonly kind: "money" }
  | { readonly kind: "ratio" }
  | { readonly kind: "count"; readonly unit?: string }
  | { readonly kind: "date" }
  | { readonly kind: "bool" }
  | { readonly kind: "text" }
  | { readonly kind: "enum"; readonly values: readonly NameRef[] }
  | { readonly kind: "moneyBy"; readonly category: NameRef }
  | { readonly kind: "moneyByYear" };

export interface InputDecl {
  readonly kind: "Input";
  readonly name: string;
  readonly nameSpan: Span;
  readonly type: TypeRef;
  readonly default?: Expr;
  readonly description?: string;
  readonly span: Span;
}

export interface ParamDecl {
  readonly kind: "Param";
  readonly name: string;
  readonly nameSpan: Span;
  readonly type: TypeRef;
  /** Absent when the parameter is 待定 (left for a guideline). */
  readonly value?: Expr;
  /** Values that apply from a date on (`自 2024年7月1日 12家`), in source order. */
  readonly byDate?: readonly DatedValue[];
  readonly description?: string;
  readonly span: Span;
}

/** A parameter value that applies to applications dated on or after `from`. */
export interface DatedValue {
  readonly from: string;
  readonly value: Expr;
  readonly span: Span;
}

export interface DefineDecl {
  readonly kind: "Define";
  readonly name: string;
  readonly nameSpan: Span;
  readonly expr: Expr;
  readonly description?: string;
  readonly span: Span;
}

export interface CategoryDecl {
  readonly kind: "Category";
  readonly name: string;
  readonly nameSpan: Span;
  readonly values: readonly NameRef[];
  readonly span: Span;
}

export type Rounding = {
  readonly unit: "fen" | "jiao" | "yuan";
  readonly mode: "halfUp" | "down" | "up";
};

export interface Header {
  readonly kind: "Header";
  /** 政策 or 申报指南 */
  readonly form: "policy" | "guideline";
  readonly title: string;
  readonly docNo?: string;
  readonly issuer?: string;
  readonly published?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  /** 有效期 … 适用于 立项日期: the declared date input the validity governs (default: 申报日期). */
  readonly validFor?: NameRef;
  readonly rounding?: Rounding;
  readonly repeal?: { readonly date: string; readonly basis?: string };
  readonly window?: { readonly from: string; readonly to: string };
  readonly basedOn?: string;
  /** 资金来源 in the header: the payer of every clause that names none. */
  readonly payer?: string;
  /** 年度: the year a guideline covers. */
  readonly year?: number;
  /** The 1-based lines of 有效期 and 申报期, for "where does this value come from" lists. */
  readonly lines?: { readonly validity?: number; readonly window?: number };
  readonly span: Span;
}

// ---------------------------------------------------------------- clauses

export type AwardForm =
  | { readonly kind: "Ratio"; readonly ratio: Expr; readonly base: Expr }
  | { readonly kind: "Fixed"; readonly amount: Expr }
  | { readonly kind: "UpTo"; readonly amount: Expr }
  | { readonly kind: "Compute"; readonly amount: Expr }
  | { readonly kind: "CaseByCase" };

export type StepKind = "cap" | "max" | "min" | "topUp";

/**
 * Whose awards a limit counts: 同一项目 (one project of one applicant), 单个企业 (one applicant),
 * 全部企业/本政策 (everyone). Absent: the default of the limit (see the language reference).
 */
export type LimitScope = "project" | "applicant" | "policy";

export type ClauseItem =
  | { readonly kind: "Source"; readonly text: string; readonly span: Span }
  | {
      readonly kind: "Condition";
      readonly expr: Expr;
      readonly unless?: Expr;
      readonly span: Span;
    }
  | { readonly kind: "Exclude"; readonly expr: Expr; readonly reason?: string; readonly span: Span }
  | { readonly kind: "Award"; readonly form: AwardForm; readonly word: string; readonly span: Span }
  | {
      readonly kind: "Step";
      readonly step: StepKind;
      readonly value: Expr;
      readonly including?: Expr;
      readonly when?: Expr;
      readonly span: Span;
    }
  | {
      readonly kind: "AnnualCap";
      readonly value: Expr;
      readonly scope?: LimitScope;
      readonly span: Span;
    }
  | {
      readonly kind: "TotalCap";
      readonly value: Expr;
      readonly scope?: LimitScope;
      readonly span: Span;
    }
  | { readonly kind: "Once"; readonly scope?: LimitScope; readonly span: Span }
  | {
      readonly kind: "PerYearLimit";
      readonly count: number;
      readonly scope?: LimitScope;
      readonly span: Span;
    }
  | {
      readonly kind: "Quota";
      readonly count: number;
      readonly scope?: LimitScope;
      readonly span: Span;
    }
  | {
      /** 连续支持 N 年 (consecutive) or 自首次获得支持起 N 年内: years counted from the project's ledger. */
      readonly kind: "YearsLimit";
      readonly years: number;
      readonly consecutive: boolean;
      readonly span: Span;
    }
  | { readonly kind: "Stackable"; readonly with: string; readonly span: Span }
  | { readonly kind: "Beneficiary"; readonly who: string; readonly span: Span }
  /** 资金来源: who pays this clause's amount (区级财政, 市级财政 …, or a named fund). */
  | { readonly kind: "Payer"; readonly who: string; readonly span: Span }
  | { readonly kind: "Benefit"; readonly text: string; readonly span: Span }
  | { readonly kind: "Payment"; readonly table: Expr; readonly span: Span }
  | { readonly kind: "Paid"; readonly value: Expr; readonly span: Span }
  | { readonly kind: "Window"; readonly from: string; readonly to: string; readonly span: Span };

export interface Clause {
  readonly kind: "Clause";
  /** The clause's key: 5 for 第5条, "3之一" for 第3条之一, "3（一）" for 第3条（一）. */
  readonly number: ClauseKey;
  readonly label: string;
  readonly title: string;
  readonly items: readonly ClauseItem[];
  readonly labelSpan: Span;
  readonly span: Span;
}

/** 支持对象: conditions shared by every clause. */
export interface Eligibility {
  readonly kind: "Eligibility";
  readonly items: readonly ClauseItem[];
  readonly span: Span;
}

export type StackingItem =
  | { readonly kind: "HighestOnly"; readonly span: Span }
  | { readonly kind: "Deduct"; readonly value: Expr; readonly span: Span }
  /** A limit over all clauses: `单个企业 每年限 1 项` (同一单位每年只能申报一个项目). */
  | { readonly kind: "Limit"; readonly limit: LimitItem; readonly span: Span };

/** The limits that may carry a scope, in a clause or in 叠加规则. */
export type LimitItem = Extract<
  ClauseItem,
  { kind: "AnnualCap" | "TotalCap" | "Once" | "PerYearLimit" | "Quota" }
>;

export interface Stacking {
  readonly kind: "Stacking";
  readonly items: readonly StackingItem[];
  readonly span: Span;
}

// ---------------------------------------------------------------- assertions

/** A clause named in an assertion: `第5条`. */
export interface ClauseRef {
  readonly number: ClauseKey;
  readonly label: string;
  readonly span: Span;
}

/**
 * One side of an assertion's comparison: a clause's reported amount (after 叠加规则; 0 when it
 * awards no money), the total (总额), or an amount computed from the application.
 */
export type AssertOperand =
  | { readonly kind: "ClauseAmount"; readonly clause: ClauseRef; readonly span: Span }
  | { readonly kind: "TotalAmount"; readonly span: Span }
  | { readonly kind: "Value"; readonly expr: Expr; readonly span: Span };

export type AssertOp = "gt" | "ge" | "lt" | "le" | "eq" | "ne";

/** What an assertion states. */
export type AssertBody =
  | {
      /** `总额 不超过 1000万`, `第3条 不超过 第2条`, `第5条 不超过 项目已投入金额 × 30%`. */
      readonly kind: "Compare";
      readonly left: AssertOperand;
      readonly op: AssertOp;
      readonly word: string;
      readonly right: AssertOperand;
    }
  | {
      /** `第1条 与 第5条 不同时适用`: no application gets two of them. */
      readonly kind: "Exclusive";
      readonly clauses: readonly ClauseRef[];
    };

/** 断言: a property of the policy for every valid application, proven or refuted by `check --prove`. */
export interface AssertDecl {
  readonly kind: "Assert";
  readonly body: AssertBody;
  /** `当 …`: the assertion is about the applications where this holds. */
  readonly when?: Expr;
  /** A description in quotes after the statement. */
  readonly description?: string;
  readonly span: Span;
}

// ---------------------------------------------------------------- cases

export type Expectation =
  | { readonly kind: "amount"; readonly value: Expr }
  | { readonly kind: "ineligible"; readonly reason?: string }
  | { readonly kind: "needsDecision" }
  /** Qualifies, but is not paid (从高不重复): 未支付, optionally with words of the reason. */
  | { readonly kind: "notPaid"; readonly reason?: string }
  /** What is payable now under staged payments (negative: to claw back). */
  | { readonly kind: "payable"; readonly value: Expr };

export interface Expect {
  /** A clause number, the total, or the policy as a whole (支持对象). */
  readonly target: ClauseKey | "total" | "policy";
  /** `期望 资金来源 区级财政 50万`: with target "total", the amount that payer pays (byPayer). */
  readonly payer?: string;
  readonly outcome: Expectation;
  readonly span: Span;
}

export interface CaseDecl {
  readonly kind: "Case";
  readonly title: string;
  readonly basedOn?: string;
  readonly date?: string;
  readonly inputs: readonly { readonly name: NameRef; readonly value: Expr; readonly span: Span }[];
  readonly prior: readonly {
    readonly clause: ClauseKey;
    readonly amount: Expr;
    readonly date: string;
    /** 所属项目 “…”: the project the prior award was for. */
    readonly project?: string;
    /** 基数 …: the base the prior award was computed on. */
    readonly base?: Expr;
    readonly span: Span;
  }[];
  readonly approved: readonly {
    readonly clause: ClauseKey;
    readonly amount: Expr;
    readonly span: Span;
  }[];
  /** Parameter values this case sets (a policy may leave them 待定 for guidelines). */
  readonly params: readonly { readonly name: NameRef; readonly value: Expr; readonly span: Span }[];
  readonly expects: readonly Expect[];
  readonly span: Span;
}

// ---------------------------------------------------------------- the policy

export interface InputsSection {
  readonly kind: "Inputs";
  readonly decls: readonly InputDecl[];
  readonly span: Span;
}

export interface ParamsSection {
  readonly kind: "Params";
  readonly decls: readonly ParamDecl[];
  readonly span: Span;
}

/** 开放 第1条、第5条: the clauses a guideline opens this year (the others are closed). */
export interface OpenClauses {
  readonly kind: "Open";
  readonly clauses: readonly {
    readonly number: ClauseKey;
    readonly label: string;
    readonly span: Span;
  }[];
  readonly span: Span;
}

/** 例外 第5条 “依据”: a guideline may raise this clause's standards, for the stated reason. */
export interface ExceptionDecl {
  readonly kind: "Exception";
  readonly clause: ClauseKey;
  readonly label: string;
  readonly reason: string;
  readonly span: Span;
}

export type TopItem =
  | OpenClauses
  | ExceptionDecl
  | InputsSection
  | ParamsSection
  | DefineDecl
  | CategoryDecl
  | Eligibility
  | Stacking
  | Clause
  | CaseDecl
  | AssertDecl;

export interface Comment {
  readonly text: string;
  readonly span: Span;
}

export interface Policy {
  readonly kind: "Policy";
  readonly header?: Header;
  readonly items: readonly TopItem[];
  readonly comments: readonly Comment[];
  /**
   * The headings of clauses whose block did not parse (a syntax error in it): not part of `items`,
   * so no pass compiles them, but an outline keeps listing them while they are being fixed.
   */
  readonly broken?: readonly BrokenClause[];
  readonly span: Span;
}

/** The heading (第N条 and title) of a clause left out of the tree by a syntax error. */
export interface BrokenClause {
  readonly number: ClauseKey;
  readonly label: string;
  readonly title: string;
  readonly labelSpan: Span;
  readonly span: Span;
}

/** Whether a case's expectation names a clause (not 总额 or 支持对象). */
export function isClauseTarget(t: Expect["target"]): t is ClauseKey {
  return t !== "total" && t !== "policy";
}

/** Exhaustiveness guard for switches over a union's kind. */
export function assertNever(x: never): never {
  throw new Error(`unhandled node ${JSON.stringify(x)}`);
}

/** Items of one kind, in source order. */
export function itemsOf<K extends TopItem["kind"]>(
  policy: Policy,
  kind: K,
): Extract<TopItem, { kind: K }>[] {
  return policy.items.filter((i): i is Extract<TopItem, { kind: K }> => i.kind === kind);
}
