/**
 * Diagnostics are data: a severity, a stable code, a Chinese message, a span and a help text.
 * Nothing in the compiler throws or logs them; every pass returns them.
 */
import type { Span } from "./ast.js";
import type { DiagnosticCode } from "./diagnostic-codes.js";

export type Severity = "error" | "warning" | "info";

/** A suggested edit: replace `span` with `text`. Editors show it as a quick fix. */
export interface Fix {
  readonly title: string;
  readonly span: Span;
  readonly text: string;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code such as `E201`, listed in diagnostic-codes.ts; tests and editor markers key on it. */
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span: Span;
  readonly help?: string;
  readonly fix?: Fix;
}

/** Build a diagnostic; a help text is expected for every error. */
export function diag(
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  span: Span,
  help?: string,
  fix?: Fix,
): Diagnostic {
  return { severity, code, message, span, ...(help ? { help } : {}), ...(fix ? { fix } : {}) };
}

/** Map offsets to 1-based line/column; built once per source. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
  /** A span from offsets (end exclusive). */
  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return {
      start,
      end: Math.max(start, end),
      line: a.line,
      col: a.col,
      endLine: b.line,
      endCol: b.col,
    };
  }
  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const s = this.starts[line - 1] ?? this.text.length;
    const e = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(s, e - 1).replace(/\r$/, "");
  }
}

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Display width of a string in a terminal: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

/** Render a diagnostic as text: `文件:行:列`, the message, the source line, a caret and the help. */
export function renderDiagnostic(d: Diagnostic, source: string, file = "<输入>"): string {
  const map = new LineMap(source);
  const lineText = map.lineText(d.span.line).replace(/\t/g, " ");
  const before = lineText.slice(0, d.span.col - 1);
  const endCol = d.span.endLine === d.span.line ? d.span.endCol : lineText.length + 1;
  const marked = lineText.slice(d.span.col - 1, Math.max(d.span.col, endCol) - 1);
  const gutter = String(d.span.line);
  const pad = " ".repeat(gutter.length);
  const out = [
    `${file}:${d.span.line}:${d.span.col}: ${SEVERITY_ZH[d.severity]}[${d.code}] ${d.message}`,
    `${pad} |`,
    `${gutter} | ${lineText}`,
    `${pad} | ${" ".repeat(displayWidth(before))}${"^".repeat(Math.max(1, displayWidth(marked)))}`,
  ];
  if (d.help) out.push(`${pad} = 提示：${d.help}`);
  if (d.fix) out.push(`${pad} = 建议改为：${d.fix.text}`);
  return out.join("\n");
}

/** Sort by position, then code, so output is deterministic. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code),
  );
}
