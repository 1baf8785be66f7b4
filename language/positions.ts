/**
 * Compiler spans (offsets; 1-based lines and columns, end exclusive) as protocol ranges (0-based
 * lines and UTF-16 characters), and back. The compiler counts columns in UTF-16 units too, so the
 * conversion is exact for any text.
 */
import type { Position, Range } from "vscode-languageserver-types";
import type { ast, LineMap } from "../compiler/index.js";

export function spanToRange(s: ast.Span): Range {
  return {
    start: { line: s.line - 1, character: s.col - 1 },
    end: { line: s.endLine - 1, character: s.endCol - 1 },
  };
}

/** The text of a position's line and its 1-based column, as the word finder takes them. */
export function lineAndColumn(lines: LineMap, p: Position): { line: string; column: number } {
  return { line: lines.lineText(p.line + 1), column: p.character + 1 };
}

/** The whole text as a range (for a full-document edit). */
export function wholeRange(lines: LineMap, text: string): Range {
  const end = lines.position(text.length);
  return { start: { line: 0, character: 0 }, end: { line: end.line - 1, character: end.col - 1 } };
}
