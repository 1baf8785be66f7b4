/**
 * `zhengce test [FILE|DIR]`: runs every embedded case through the compiled evaluator and ends
 * with `N passed, N failed`; exit 1 on any failure.
 */
import { clausesWithoutCase, compile, policyCoverage, runCases } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";
import { flag, type Args } from "../args.js";
import { coverageLines } from "../coverage-text.js";
import { policyFiles } from "../io.js";
import { loadFile } from "../load.js";

/** Run the test command. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const files = (args.positional.length ? args.positional : ["policies"]).flatMap(policyFiles);
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let loaded;
    try {
      loaded = await loadFile(file);
    } catch (e) {
      out(e instanceof Error ? e.message : String(e));
      failed++;
      continue;
    }
    const outcomes = runCases(loaded.result.ast!, loaded.policy);
    const bad = outcomes.filter((o) => !o.passed);
    const guideline = loaded.result as {
      policySource?: string;
      closed?: readonly (number | string)[];
    };
    const closed = guideline.closed ?? [];
    const none = clausesWithoutCase(loaded.result.ast!, closed);
    out(
      `${file}：${outcomes.length - bad.length}/${outcomes.length} 个案例通过；` +
        (none.length ? `${none.length} 个条款没有案例（${none.join("、")}）` : "每个条款都有案例"),
    );
    for (const o of bad) {
      out(`  ✗ 案例“${o.title}”（第${o.span.line}行）`);
      for (const f of o.failures) out(`      ${f}`);
    }
    if (flag(args, "coverage")) {
      // A guideline's composed clauses mix two files: rows and outcomes only, without line numbers.
      const isGuideline = guideline.policySource !== undefined;
      const cov = policyCoverage(
        loaded.source,
        loaded.result,
        loadPolicy,
        isGuideline ? undefined : compile,
      );
      const open = cov.clauses.filter((c) => !closed.includes(c.number));
      for (const line of coverageLines(file, open, !isGuideline)) out(line);
    }
    passed += outcomes.length - bad.length;
    failed += bad.length;
  }
  out(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
