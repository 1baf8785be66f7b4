/**
 * The one place that knows how to reach the compiler and the runtime. Everything else in the
 * playground talks to the `Toolchain` below, so wiring a new compiler entry point (or the
 * formatter, when it lands) is a change to this file only.
 */
import * as compiler from "../../../compiler/index.js";
import type { CaseOutcome, CompileResult } from "../../../compiler/index.js";
import type { Policy } from "../../../compiler/ast.js";
import { loadPolicy } from "../../../runtime/index.js";
import type { CompiledPolicy } from "../../../runtime/types.js";

export type { CompileResult, CaseOutcome as CompilerCaseOutcome };

/** The compiler, the runtime loader, the case runner and (once it exists) the formatter. */
export interface Toolchain {
  compile(source: string): CompileResult;
  loadPolicy(js: string): CompiledPolicy;
  runCases(ast: Policy, policy: CompiledPolicy): CaseOutcome[];
  /** Present once the project's formatter exists. */
  format?: (source: string) => string;
}

/** The formatter, if the compiler exports one yet (the formatter issue adds it). */
function formatter(): ((source: string) => string) | undefined {
  const api = compiler as unknown as Record<string, unknown>;
  const f = api["format"] ?? api["formatSource"];
  return typeof f === "function" ? (f as (source: string) => string) : undefined;
}

/** The toolchain the worker uses. */
export function loadToolchain(): Toolchain {
  const format = formatter();
  return {
    compile: (source) => compiler.compile(source),
    loadPolicy,
    runCases: compiler.runCases,
    ...(format ? { format } : {}),
  };
}
