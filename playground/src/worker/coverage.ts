/**
 * Case coverage for the 案例 tab, computed in the worker by the compiler's own coverage (the one
 * `zhengce test --coverage` prints): per clause, its cases, the outcomes they reach, and each
 * condition, cap, step, limit, table row and bracket row covered or not. An item counts as
 * covered when deleting it changes some case's result, so this recompiles once per item: it runs
 * on request, not on every keystroke.
 */
import type { ClauseKey } from "../../../grammar/index.js";
import type { CoverageView } from "../protocol.js";
import type { CompileResult, Toolchain } from "./compiler-bridge.js";

/** What coverage needs of a compiled source. */
export interface CoverageInput {
  readonly source: string;
  readonly out: CompileResult;
  /** Loaded without error: the cases can run. */
  readonly runnable: boolean;
  /** For a guideline: the clauses it does not open this year (they need no case). */
  readonly closed?: readonly ClauseKey[];
  readonly isGuideline: boolean;
}

export function coverageOf(tc: Toolchain, c: CoverageInput): CoverageView {
  const t0 = performance.now();
  const base = { source: c.source, withLines: !c.isGuideline };
  if (!c.runnable || !c.out.ast || !c.out.js)
    return {
      ...base,
      clauses: null,
      summary: "",
      note: "政策有错误，改正后才能计算案例覆盖。",
      ms: 0,
    };
  const closed = c.closed ?? [];
  const clauses = tc
    .coverage(c.source, c.out, !c.isGuideline)
    .filter((k) => !closed.includes(k.number))
    .map((k) => ({
      number: k.number,
      label: k.label,
      title: k.title,
      cases: k.cases,
      outcomes: [...k.outcomes],
      items: k.items.map((it) => ({ ...it, why: it.covered ? "" : tc.uncoveredWhy(it) })),
    }));
  return {
    ...base,
    clauses,
    summary: tc.coverageSummary(clauses),
    ...(c.isGuideline
      ? { note: "申报指南的条款由政策与指南合成：只列出表格行、分档与案例达到的结果。" }
      : {}),
    ms: performance.now() - t0,
  };
}
