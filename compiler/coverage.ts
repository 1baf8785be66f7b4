/**
 * Case coverage (issue 11 §7, like `opa test --coverage`): per clause, which conditions, caps,
 * steps, table rows and bracket rows the embedded cases exercise, and which no case reaches.
 * Nothing is re-implemented: a rule item counts as exercised when some case's result changes once
 * the item is deleted from the source (the same compiler and evaluator run the variant); a table
 * or bracket row counts when some case's explanation says it was taken.
 */
import type { Clause, ClauseItem, ClauseKey, Expr, Policy, Span } from "../grammar/ast.js";
import { itemsOf } from "../grammar/ast.js";
import { bracketLabel, exprToText } from "../grammar/expr-to-text.js";
import type { ClauseStatus, CompiledPolicy, Evaluation } from "../runtime/types.js";
import { runCases, type CaseOutcome } from "./cases.js";
import type { CompileResult } from "./compile.js";
import { children, itemExprs } from "./walk.js";

export interface CoverageItem {
  /** What the item is: 条件, 排除, 上限, 就高, 年度累计上限, 表格行, 分档 … */
  readonly what: string;
  readonly text: string;
  readonly line: number;
  readonly covered: boolean;
}

export interface ClauseCoverage {
  readonly number: ClauseKey;
  readonly label: string;
  readonly title: string;
  /** Cases whose 期望 name this clause. */
  readonly cases: number;
  /** The outcomes the cases reached for this clause (资助, 不符合 …). */
  readonly outcomes: readonly ClauseStatus[];
  readonly items: readonly CoverageItem[];
}

/** Why an item counts as not covered, in Chinese (the CLI and the playground say the same). */
export function uncoveredWhy(item: CoverageItem): string {
  return item.what === "表格行" || item.what === "分档"
    ? "没有案例走到这一行"
    : "没有案例依赖它（删去后所有案例结果不变）";
}

/** The summary of a coverage report: clauses without a case, items covered and not. */
export function coverageSummary(clauses: readonly ClauseCoverage[]): string {
  const none = clauses.filter((c) => c.cases === 0).map((c) => c.label);
  const items = clauses.reduce((n, c) => n + c.items.length, 0);
  const open = clauses.reduce((n, c) => n + c.items.filter((it) => !it.covered).length, 0);
  return (
    `${clauses.length} 个条款，${none.length} 个没有案例${none.length ? `（${none.join("、")}）` : ""}；` +
    `${items} 项规则中 ${items - open} 项有案例覆盖，${open} 项没有`
  );
}

/** How to compile a changed source the way the original was compiled (a guideline on its policy). */
export type Recompile = (source: string) => CompileResult;

const ITEM_WORD: Record<ClauseItem["kind"], string | undefined> = {
  Source: undefined,
  Condition: "条件",
  Exclude: "排除",
  Award: undefined,
  Step: "步骤",
  AnnualCap: "年度累计上限",
  TotalCap: "累计上限",
  Once: "一次性",
  PerYearLimit: "每年限",
  Quota: "名额",
  YearsLimit: "支持年限",
  Stackable: undefined,
  Beneficiary: undefined,
  Payer: undefined,
  Benefit: undefined,
  Payment: "拨付",
  Paid: "已拨付",
  Window: "申报期",
};
const STEP_WORD = { cap: "上限", max: "就高", min: "就低", topUp: "补差" } as const;

/** A case's evaluation in a form two runs can be compared by. */
function fingerprint(ev: Evaluation | undefined): string {
  if (!ev) return "";
  if (!ev.ok) return JSON.stringify(ev.errors);
  const r = ev.result;
  return JSON.stringify([
    r.eligible,
    r.total,
    r.clauses.map((c) => [c.number, c.status, c.amount, c.payable ?? null]),
  ]);
}

/** The source with `span` blanked out (same length, so every other offset stays). */
const without = (source: string, span: Span) =>
  source.slice(0, span.start) +
  source.slice(span.start, span.end).replace(/[^\n]/g, " ") +
  source.slice(span.end);

/** Whether deleting the item changes any case's result. */
function exercised(
  source: string,
  span: Span,
  baseline: readonly string[],
  recompile: Recompile,
  load: (js: string) => CompiledPolicy,
): boolean {
  const r = recompile(without(source, span));
  if (!r.ok || !r.ast || !r.js) return true; // the policy needs this item to compile at all
  const outcomes = runCases(r.ast, load(r.js));
  return outcomes.some((o, i) => fingerprint(o.evaluation) !== baseline[i]);
}

/** Tables and brackets inside an expression, outermost first. */
function rowHolders(e: Expr, out: Expr[] = []): Expr[] {
  if (e.kind === "Table" || e.kind === "Brackets") out.push(e);
  for (const c of children(e)) rowHolders(c, out);
  return out;
}

/** Rows of the tables and brackets of a clause, each covered when an explanation step names it. */
function rowCoverage(c: Clause, steps: readonly string[]): CoverageItem[] {
  const out: CoverageItem[] = [];
  const taken = (needle: string) => steps.some((s) => s.includes(needle));
  for (const e of c.items.flatMap(itemExprs).flatMap((x) => rowHolders(x))) {
    if (e.kind === "Table") {
      const keyText = e.keys.map((k) => exprToText(k)).join("、");
      for (const row of e.rows) {
        const keys = row.keys.map((k) => k.name).join(" ");
        out.push({
          what: "表格行",
          text: `按 ${keyText}：${keys}`,
          line: row.span.line,
          covered: taken(`按${keyText}（${keys}）取`),
        });
      }
      if (e.otherwise)
        out.push({
          what: "表格行",
          text: `按 ${keyText}：其他`,
          line: e.otherwise.span.line,
          covered: taken(`按${keyText}（`) && steps.some((s) => s.includes("，其他情形）取")),
        });
    } else if (e.kind === "Brackets") {
      const subject = exprToText(e.subject);
      for (const row of e.rows) {
        const label = bracketLabel(row);
        out.push({
          what: "分档",
          text: `${subject}：${label}`,
          line: row.value.span.line,
          covered: taken(`属于“${label}”档`),
        });
      }
    }
  }
  return out;
}

/**
 * Clauses that no case's 期望 names (a cheap count for every summary line); `closed` lists
 * clauses a guideline does not open this year, which need no case.
 */
export function clausesWithoutCase(ast: Policy, closed: readonly ClauseKey[] = []): string[] {
  const cases = itemsOf(ast, "Case");
  return itemsOf(ast, "Clause")
    .filter((c) => !closed.includes(c.number))
    .filter((c) => !cases.some((k) => k.expects.some((x) => x.target === c.number)))
    .map((c) => c.label);
}

/**
 * Coverage of a compiled policy by its own cases. `recompile` compiles a changed source the same
 * way; without it (a guideline, whose composed clauses mix two files) only rows and outcomes are
 * reported. `load` turns generated code into an evaluator.
 */
export function policyCoverage(
  source: string,
  result: CompileResult,
  load: (js: string) => CompiledPolicy,
  recompile?: Recompile,
): { clauses: ClauseCoverage[]; outcomes: CaseOutcome[] } {
  const ast: Policy = result.ast!;
  const outcomes = runCases(ast, load(result.js!));
  const baseline = outcomes.map((o) => fingerprint(o.evaluation));
  const cases = itemsOf(ast, "Case");
  const clauses = itemsOf(ast, "Clause").map((c): ClauseCoverage => {
    const results = outcomes.flatMap((o) =>
      o.evaluation?.ok ? o.evaluation.result.clauses.filter((r) => r.number === c.number) : [],
    );
    const items: CoverageItem[] = [];
    for (const it of recompile ? c.items : []) {
      const word = it.kind === "Step" ? STEP_WORD[it.step] : ITEM_WORD[it.kind];
      if (!word || it.span.end > source.length || it.span.end <= it.span.start) continue;
      items.push({
        what: word,
        text: source.slice(it.span.start, it.span.end).replace(/\s+/g, " ").trim(),
        line: it.span.line,
        covered: exercised(source, it.span, baseline, recompile!, load),
      });
    }
    items.push(
      ...rowCoverage(
        c,
        results.flatMap((r) => r.steps.map((s) => s.text)),
      ),
    );
    return {
      number: c.number,
      label: c.label,
      title: c.title,
      cases: cases.filter((k) => k.expects.some((x) => x.target === c.number)).length,
      outcomes: [...new Set(results.map((r) => r.status))],
      items,
    };
  });
  return { clauses, outcomes };
}
