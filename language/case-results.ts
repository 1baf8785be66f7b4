/**
 * The embedded cases, run with the compiled evaluator of the text: code lenses on each 案例
 * (通过 / 失败 with expected vs actual), on each clause (试算 with the nearest case that reaches
 * it), and inlay hints with the amounts a case's expectations got.
 */
import type { CodeLens, InlayHint } from "vscode-languageserver-types";
import { runCases, type CaseOutcome } from "../compiler/index.js";
import { Dec, fmtMoney, loadPolicy, type ClauseKey, type ClauseResult } from "../runtime/index.js";
import { scriptOf, type Analysis } from "./analysis.js";
import { spanToRange } from "./positions.js";

/** The outcomes of the cases written in this text (a guideline's own, not its base policy's). */
export function caseOutcomes(a: Analysis): CaseOutcome[] {
  const script = scriptOf(a);
  if (!script || !("js" in script) || !a.result.ast) return [];
  try {
    const policy = loadPolicy(script.js);
    const own = new Set(
      (a.tree?.items ?? [])
        .filter((i) => i.kind === "Case")
        .map((c) => `${c.span.line}:${c.title}`),
    );
    return runCases(a.result.ast, policy).filter((o) => own.has(`${o.span.line}:${o.title}`));
  } catch {
    return [];
  }
}

const money = (s: string | null) => (s === null ? "待核定" : fmtMoney(new Dec(s)));

function caseTitle(o: CaseOutcome): string {
  if (o.passed) return `✓ 通过：${o.title}`;
  return `✗ 失败：${o.failures.join("；")}`;
}

/** The clause a result belongs to. */
const clauseIn = (o: CaseOutcome, number: ClauseKey): ClauseResult | undefined =>
  o.evaluation?.ok ? o.evaluation.result.clauses.find((c) => c.number === number) : undefined;

export function codeLenses(a: Analysis, outcomes: readonly CaseOutcome[]): CodeLens[] {
  const lenses: CodeLens[] = outcomes.map((o) => ({
    range: spanToRange({ ...o.span, endLine: o.span.line, endCol: o.span.col }),
    command: { title: caseTitle(o), command: "" },
  }));
  for (const c of a.clauses) {
    // The nearest case below the clause that makes it pay, else the first case that reaches it.
    const reaching = outcomes.filter((o) => clauseIn(o, c.number)?.eligible);
    const nearest =
      reaching.find((o) => o.span.line > c.span.line && clauseIn(o, c.number)?.amount !== "0") ??
      reaching[0];
    const r = nearest && clauseIn(nearest, c.number);
    const title = r
      ? `试算（案例“${nearest.title}”）：${money(r.amount)}`
      : "试算：没有案例适用本条，请补充案例";
    lenses.push({ range: spanToRange(c.labelSpan), command: { title, command: "" } });
  }
  return lenses;
}

/** After each 期望 line of a case: the amount the evaluator actually gave. */
export function inlayHints(a: Analysis, outcomes: readonly CaseOutcome[]): InlayHint[] {
  const hints: InlayHint[] = [];
  const cases = (a.tree?.items ?? []).filter((i) => i.kind === "Case");
  for (const c of cases) {
    const o = outcomes.find((x) => x.span.line === c.span.line && x.title === c.title);
    if (!o?.evaluation?.ok) continue;
    const result = o.evaluation.result;
    for (const ex of c.expects) {
      const got =
        ex.payer !== undefined
          ? money(result.byPayer?.[ex.payer] ?? "0")
          : ex.target === "total"
            ? money(result.total)
            : ex.target === "policy"
              ? result.eligible
                ? "符合支持对象"
                : "不符合支持对象"
              : money(clauseIn(o, ex.target)?.amount ?? "0");
      const end = a.lines.lineText(ex.span.endLine).length;
      hints.push({
        position: { line: ex.span.endLine - 1, character: end },
        label: ` 实际：${got}`,
        paddingLeft: true,
      });
    }
  }
  return hints;
}
