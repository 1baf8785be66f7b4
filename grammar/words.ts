/**
 * The keyword behind each closed set of words in the tree (comparisons, steps, built-in functions,
 * rounding): one table each, typed against the AST's unions and the keyword table, so a new operator or a
 * misspelt keyword fails to compile. Everything that prints or parses these words reads them here.
 */
import type { CompareOp, Expr, HistoryQuery, Rounding, StepKind, TypeRef } from "./ast.js";
import { canonical, keyword, type KeywordName } from "./keywords.js";

/** The keyword of each comparison operator. */
export const COMPARE_KEYWORD = {
  gt: "Gt",
  ge: "Ge",
  lt: "Lt",
  le: "Le",
  eq: "Eq",
  ne: "Ne",
  before: "Before",
  after: "After",
  notBefore: "NotBefore",
  notAfter: "NotAfter",
} as const satisfies Readonly<Record<CompareOp, KeywordName>>;

/** The keyword of each history query. */
export const HISTORY_KEYWORD = {
  yearsPaid: "HistYearsPaid",
  paidLastYear: "HistPaidLastYear",
  received: "HistReceived",
  baseUsed: "HistBaseUsed",
  supportYear: "HistSupportYear",
} as const satisfies Readonly<Record<HistoryQuery, KeywordName>>;

/** The comparison operator of each comparison keyword (the table above, read backwards). */
export const KEYWORD_COMPARE: ReadonlyMap<KeywordName, CompareOp> = new Map(
  (Object.keys(COMPARE_KEYWORD) as CompareOp[]).map((op) => [COMPARE_KEYWORD[op], op]),
);

/** The keyword of each step applied to an amount. */
export const STEP_KEYWORD = {
  cap: "Cap",
  max: "TakeHigher",
  min: "TakeLower",
  topUp: "TopUp",
} as const satisfies Readonly<Record<StepKind, KeywordName>>;

type CallFn = Extract<Expr, { kind: "Call" }>["fn"];

/** The keyword of each built-in function. */
export const CALL_KEYWORD = {
  max: "TakeHigher",
  min: "TakeLower",
  year: "Year",
  days: "Days",
} as const satisfies Readonly<Record<CallFn, KeywordName>>;

/** A comparison's canonical word (不低于 for ge, 早于 for before …). */
export const compareWord = (op: CompareOp): string => canonical(COMPARE_KEYWORD[op]);

/** A step's canonical word (上限, 就高, 就低, 补差). */
export const stepWord = (step: StepKind): string => canonical(STEP_KEYWORD[step]);

/** The keyword of each rounding unit and mode of `舍入` (到分 四舍五入). */
export const ROUND_UNIT_KEYWORD = {
  fen: "ToFen",
  jiao: "ToJiao",
  yuan: "ToYuan",
} as const satisfies Readonly<Record<Rounding["unit"], KeywordName>>;
export const ROUND_MODE_KEYWORD = {
  halfUp: "HalfUp",
  down: "Down",
  up: "Up",
} as const satisfies Readonly<Record<Rounding["mode"], KeywordName>>;

/** The policy's rounding rule in its canonical words, 到分 and 四舍五入 (the default when absent). */
export function roundingWords(r: Partial<Rounding> | undefined): { unit: string; mode: string } {
  return {
    unit: canonical(ROUND_UNIT_KEYWORD[r?.unit ?? "fen"]),
    mode: canonical(ROUND_MODE_KEYWORD[r?.mode ?? "halfUp"]),
  };
}

/** The keyword a declared type opens with (金额 按 费用类别 opens with 金额). */
export const TYPE_KEYWORD = {
  money: "Money",
  moneyBy: "Money",
  moneyByYear: "Money",
  ratio: "Ratio",
  count: "Count",
  date: "Date",
  bool: "Bool",
  text: "Text",
  enum: "Enum",
} as const satisfies Readonly<Record<TypeRef["kind"], KeywordName>>;

/** Every spelling of some keywords as one regular-expression alternation (金额|比例|…). */
export function spellingsPattern(names: readonly KeywordName[]): string {
  const all = [...new Set(names)].flatMap((n) => keyword(n).spellings);
  return all
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}
