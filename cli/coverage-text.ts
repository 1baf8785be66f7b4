/**
 * `zhengce test --coverage` output: per clause, the cases that name it, the outcomes they reach,
 * and each condition, cap, step, table row and bracket row marked ✓ (some case depends on it or
 * takes it) or ✗ (no case reaches it), then one summary line.
 */
import type { ClauseCoverage } from "../compiler/index.js";
import { STATUS_WORD } from "../runtime/index.js";

/** The coverage report of one file, as lines. */
export function coverageLines(
  file: string,
  clauses: readonly ClauseCoverage[],
  withLines = true,
): string[] {
  const out = [`${file} 的案例覆盖：`];
  let open = 0;
  for (const c of clauses) {
    const reached = c.outcomes.map((s) => STATUS_WORD[s]).join("、") || "无";
    const head = c.cases ? `${c.cases} 个案例` : "没有案例";
    out.push(`  ${c.label} ${c.title}：${head}；结果：${reached}`);
    for (const it of c.items) {
      if (!it.covered) open++;
      const mark = it.covered ? "✓" : "✗";
      const why = it.covered
        ? ""
        : it.what === "表格行" || it.what === "分档"
          ? "：没有案例走到这一行"
          : "：没有案例依赖它（删去后所有案例结果不变）";
      out.push(`    ${mark} ${it.what} ${it.text}${withLines ? `（第${it.line}行）` : ""}${why}`);
    }
  }
  const none = clauses.filter((c) => c.cases === 0).map((c) => c.label);
  const items = clauses.reduce((n, c) => n + c.items.length, 0);
  out.push(
    `  覆盖：${clauses.length} 个条款，${none.length} 个没有案例${none.length ? `（${none.join("、")}）` : ""}；` +
      `${items} 项规则中 ${items - open} 项有案例覆盖，${open} 项没有`,
  );
  return out;
}
