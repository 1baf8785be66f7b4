/**
 * The one place that knows how to reach the compiler and the runtime. Everything else in the
 * playground talks to the `Toolchain` below, so wiring a new compiler entry point (or the
 * formatter, when it lands) is a change to this file only.
 */
import * as compiler from "../../../compiler/index.js";
import type { CaseOutcome, CompileResult, GuidelineResult } from "../../../compiler/index.js";
import type { Policy } from "../../../grammar/index.js";
import type { Diagnostic } from "../../../grammar/index.js";
import { loadPolicy } from "../../../runtime/index.js";
import type { CompiledPolicy } from "../../../runtime/index.js";

export type { CompileResult, GuidelineResult, CaseOutcome as CompilerCaseOutcome };

/** A formatted text, or why there is none (in Chinese). */
export interface Formatted {
  readonly text: string | null;
  readonly error?: string;
}

/** The compiler, the runtime loader, the case runner and (once it exists) the formatter. */
export interface Toolchain {
  compile(source: string): CompileResult;
  /** A guideline (申报指南) composed with the text of the policy it builds on. */
  compileGuideline(source: string, policySource: string): GuidelineResult;
  /** The parsed tree alone (for a policy's header and declarations). */
  parse(source: string): Policy;
  loadPolicy(js: string): CompiledPolicy;
  runCases(ast: Policy, policy: CompiledPolicy): CaseOutcome[];
  /** Present once the compiler exports the project's formatter. */
  format?: (source: string) => Formatted;
}

type FormatResult =
  | string
  | { readonly ok: boolean; readonly text?: string; readonly diagnostics?: readonly Diagnostic[] };

/**
 * The formatter, if the compiler exports one yet (the formatter issue adds it as `formatSource`
 * returning `{ ok, text, diagnostics }`; a plain string result is accepted too).
 */
function formatter(): ((source: string) => Formatted) | undefined {
  const api = compiler as unknown as Record<string, unknown>;
  const f = api["formatSource"] ?? api["format"];
  if (typeof f !== "function") return undefined;
  return (source) => {
    const r = (f as (s: string) => FormatResult)(source);
    if (typeof r === "string") return { text: r };
    if (r.ok && typeof r.text === "string") return { text: r.text };
    const why = r.diagnostics?.find((d) => d.severity === "error")?.message;
    return { text: null, error: why ? `无法格式化：${why}` : "无法格式化：政策有错误。" };
  };
}

/** The toolchain the worker uses. */
export function loadToolchain(): Toolchain {
  const format = formatter();
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
    ...(format ? { format } : {}),
  };
}
