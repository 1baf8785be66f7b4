/**
 * diagnostic-code catalog → docs/diagnostics.md. The committed file is checked against this output
 * by a test, so the documented codes cannot drift from the catalog.
 */
import { DIAGNOSTIC_CODES, type DiagnosticCodeSpec } from "./diagnostic-codes.js";
import type { Severity } from "./diagnostics.js";

const SEVERITY: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** The catalog as Markdown: one row per code, in code order. */
export function diagnosticsMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
  const rows = (Object.entries(DIAGNOSTIC_CODES) as [string, DiagnosticCodeSpec][])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([code, s]) => `| ${code} | ${SEVERITY[s.severity]} | ${cell(s.meaning)} | ${cell(s.help)} |`,
    );
  return [
    "# zhengce 诊断代码",
    "",
    "本文件由 `grammar/diagnostic-codes.ts` 生成（`npm run docs`），请勿手工修改。",
    "每个代码只有一种含义：编译器、命令行、HTTP 服务、语言服务器和在线编辑器对同一问题报告同一代码。",
    "每条诊断另有具体的消息和提示；下表是代码的含义和一般的处理办法。",
    "",
    "| 代码 | 级别 | 含义 | 处理办法 |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
