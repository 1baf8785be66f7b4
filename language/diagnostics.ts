/**
 * Compiler diagnostics as protocol diagnostics, and the compiler's suggested fixes as quick fixes.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type Range,
} from "vscode-languageserver-types";
import type { Diagnostic, Severity } from "../compiler/index.js";
import { scriptError, type Analysis } from "./analysis.js";
import { spanToRange } from "./positions.js";

/** The `source` every diagnostic carries, so editors can tell ours from others. */
export const DIAGNOSTIC_SOURCE = "政策编译器";

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const satisfies Record<Severity, DiagnosticSeverity>;

/** One protocol diagnostic; an empty span still covers one character so editors show it. */
export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const range = spanToRange(d.span);
  if (range.start.line === range.end.line && range.end.character <= range.start.character)
    range.end = { line: range.end.line, character: range.start.character + 1 };
  return {
    range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.help ? `${d.message}\n提示：${d.help}` : d.message,
  };
}

/** The analysis's diagnostics, with a failed code generation's E999 once it was tried. */
export function diagnosticsOf(a: Analysis): LspDiagnostic[] {
  const failed = scriptError(a);
  return (failed ? [...a.diagnostics, failed] : a.diagnostics).map(toLspDiagnostic);
}

const overlaps = (a: Range, b: Range) =>
  !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );

/** Quick fixes for the diagnostics that carry a fix and touch `range`. */
export function quickFixes(a: Analysis, uri: string, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of a.diagnostics) {
    if (!d.fix) continue;
    const diagnostic = toLspDiagnostic(d);
    if (!overlaps(diagnostic.range, range)) continue;
    actions.push({
      title: d.fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: spanToRange(d.fix.span), newText: d.fix.text }] } },
    });
  }
  return actions;
}
