/**
 * Compile a policy file for a command, reporting diagnostics the way `check` does.
 */
import { compile, renderDiagnostic, type CompileResult } from "../compiler/index.js";
import { loadPolicy } from "../runtime/define.js";
import type { CompiledPolicy } from "../runtime/types.js";
import { CliError, readText } from "./io.js";

/** Diagnostics as text, errors and warnings, each with its source line and caret. */
export function formatDiagnostics(result: CompileResult, source: string, file: string): string {
  return result.diagnostics.map((d) => renderDiagnostic(d, source, file)).join("\n\n");
}

/** Compile a file; on errors, fail with every diagnostic rendered. */
export function loadFile(file: string): {
  source: string;
  result: CompileResult;
  policy: CompiledPolicy;
} {
  const source = readText(file);
  const result = compile(source);
  if (!result.ok || !result.js) {
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    throw new CliError(
      `${formatDiagnostics(result, source, file)}\n\n${file}：${errors} 个错误，无法继续`,
      1,
    );
  }
  return { source, result, policy: loadPolicy(result.js) };
}
