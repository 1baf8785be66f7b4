/**
 * The diagnostic every host gives when compiling a policy ran past its time limit (E034): the HTTP
 * service compiles in a worker thread and stops it at the limit, and the playground's watchdog
 * stops its compiler worker. Both keep the last version that compiled.
 */
import type { Span } from "./ast.js";
import { DIAGNOSTIC_CODES } from "./diagnostic-codes.js";
import { diag, type Diagnostic } from "./diagnostics.js";

/** A duration in Chinese: 800 毫秒, 10 秒, 1.5 秒. */
export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} 毫秒`;
  const s = Math.round(ms / 100) / 10;
  return `${s} 秒`;
}

/** E034 at `span`; `kept` says what this host does meanwhile (e.g. 仍按上一个可用版本计算). */
export function compileTimeoutDiagnostic(limitMs: number, span: Span, kept: string): Diagnostic {
  return diag(
    "error",
    "E034",
    `编译超过 ${durationText(limitMs)}仍未完成，已停止：${kept}`,
    span,
    DIAGNOSTIC_CODES.E034.help,
  );
}
