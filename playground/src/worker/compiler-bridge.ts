/**
 * The one place that knows how to reach the compiler and the runtime. Everything else in the
 * playground talks to the `Toolchain` below, so wiring a new compiler entry point is a change to
 * this file only.
 */
import * as compiler from "../../../compiler/index.js";
import type {
  CaseOutcome,
  ClauseCoverage,
  CompileResult,
  GuidelineResult,
} from "../../../compiler/index.js";
import type { Policy } from "../../../grammar/index.js";
import { loadPolicy } from "../../../runtime/index.js";
import type { CompiledPolicy } from "../../../runtime/index.js";

export type { CompileResult, GuidelineResult, CaseOutcome as CompilerCaseOutcome, ClauseCoverage };

/** A formatted text, or why there is none (in Chinese). */
export interface Formatted {
  readonly text: string | null;
  readonly error?: string;
}

/** The compiler, the runtime loader, the case runner and the formatter. */
export interface Toolchain {
  compile(source: string): CompileResult;
  /** A guideline (申报指南) composed with the text of the policy it builds on. */
  compileGuideline(source: string, policySource: string): GuidelineResult;
  /** The parsed tree alone (for a policy's header and declarations). */
  parse(source: string): Policy;
  loadPolicy(js: string): CompiledPolicy;
  runCases(ast: Policy, policy: CompiledPolicy): CaseOutcome[];
  /**
   * Case coverage of a compiled source; `recompile` false for a guideline (its composed clauses
   * mix two files: rows and outcomes only), as `zhengce test --coverage` does.
   */
  coverage(source: string, result: CompileResult, recompile: boolean): ClauseCoverage[];
  coverageSummary(clauses: readonly ClauseCoverage[]): string;
  uncoveredWhy(item: ClauseCoverage["items"][number]): string;
  /** The project's formatter (the CLI's `zhengce fmt`). */
  format(source: string): Formatted;
}

/** The formatter's result as the page shows it: the text, or the first error in Chinese. */
function format(source: string): Formatted {
  const r = compiler.formatSource(source);
  if (r.ok && r.text !== undefined) return { text: r.text };
  const why = r.diagnostics.find((d) => d.severity === "error")?.message;
  return { text: null, error: why ? `无法格式化：${why}` : "无法格式化：政策有错误。" };
}

/** The toolchain the worker uses. */
export function loadToolchain(): Toolchain {
  // The base policy is compiled once per text, not on every keystroke in the guideline.
  let base: { source: string; prepared: compiler.PreparedPolicy } | undefined;
  return {
    compile: (source) => compiler.compile(source),
    compileGuideline: (source, policySource) => {
      if (base?.source !== policySource)
        base = { source: policySource, prepared: compiler.preparePolicy(policySource) };
      return compiler.compileGuideline(source, base.prepared, { emit: ["js"] });
    },
    parse: (source) => compiler.parse(source).ast,
    loadPolicy,
    runCases: compiler.runCases,
    coverage: (source, result, recompile) =>
      compiler.policyCoverage(source, result, loadPolicy, recompile ? compiler.compile : undefined)
        .clauses,
    coverageSummary: compiler.coverageSummary,
    uncoveredWhy: compiler.uncoveredWhy,
    format,
  };
}
