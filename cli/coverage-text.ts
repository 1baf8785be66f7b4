/**
 * `zhengce test --coverage` output: per clause, the cases that name it, the outcomes they reach,
 * and each condition, cap, step, table row and bracket row marked ✓ (some case depends on it or
 * takes it) or ✗ (no case reaches it), then one summary line.
 */
import { coverageSummary, uncoveredWhy, type ClauseCoverage } from "../compiler/index.js";
import { STATUS_WORD } from "../runtime/index.js";

/** The coverage report of one file, as lines. */
export function coverageLines(
  file: string,
  clauses: readonly ClauseCoverage[],
  withLines = true,
): string[] {
  const out = [`${file} 的案例覆盖：`];
  for (const c of clauses) {
    const reached = c.outcomes.map((s) => STATUS_WORD[s]).join("、") || "无";
    const head = c.cases ? `${c.cases} 个案例` : "没有案例";
    out.push(`  ${c.label} ${c.title}：${head}；结果：${reached}`);
    for (const it of c.items) {
      const mark = it.covered ? "✓" : "✗";
      const why = it.covered ? "" : `：${uncoveredWhy(it)}`;
      out.push(`    ${mark} ${it.what} ${it.text}${withLines ? `（第${it.line}行）` : ""}${why}`);
    }
  }
  out.push(`  覆盖：${coverageSummary(clauses)}`);
  return out;
}
