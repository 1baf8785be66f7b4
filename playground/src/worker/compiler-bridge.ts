/**
 * The one place that knows how to reach the compiler and the runtime. Everything else in the
 * playground talks to the `Toolchain` below, so wiring a new compiler entry point (or the
 * formatter, when it lands) is a change to this file only.
 *
 * The modules are found with `import.meta.glob` so that the playground builds and runs, showing a
 * "compiler not available" note, while compiler/index.ts is still being written.
 */
import type { Policy } from "../../../compiler/ast.js";
import type { Diagnostic } from "../../../compiler/diagnostics.js";
import type { CompiledPolicy } from "../../../runtime/types.js";

/** What `compile()` returns (see compiler/index.ts). */
export interface CompileOutput {
  readonly diagnostics: readonly Diagnostic[];
  readonly ast?: Policy;
  readonly ts?: string;
  readonly js?: string;
}

/** The compiler, the runtime loader and (optionally) the formatter. */
export interface Toolchain {
  compile(source: string): CompileOutput;
  loadPolicy(js: string): CompiledPolicy;
  /** Present once the project's formatter exists. */
  format?: (source: string) => string;
}

interface CompilerModule {
  compile?: (source: string) => CompileOutput;
  format?: (source: string) => string;
  formatSource?: (source: string) => string;
}
interface RuntimeModule {
  loadPolicy?: (js: string) => CompiledPolicy;
}

const compilerModules = import.meta.glob<CompilerModule>("../../../compiler/index.ts");
const runtimeModules = import.meta.glob<RuntimeModule>("../../../runtime/index.ts");

/** Load the toolchain, or null when the compiler or runtime entry point is not there yet. */
export async function loadToolchain(): Promise<Toolchain | null> {
  const loadCompiler = Object.values(compilerModules)[0];
  const loadRuntime = Object.values(runtimeModules)[0];
  if (!loadCompiler || !loadRuntime) return null;
  const [c, r] = await Promise.all([loadCompiler(), loadRuntime()]);
  if (typeof c.compile !== "function" || typeof r.loadPolicy !== "function") return null;
  const format = c.format ?? c.formatSource;
  return {
    compile: c.compile,
    loadPolicy: r.loadPolicy,
    ...(typeof format === "function" ? { format } : {}),
  };
}
