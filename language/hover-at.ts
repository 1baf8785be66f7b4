/**
 * The hover for a protocol position: a declared name's card or a keyword's reference.
 */
import { MarkupKind, type Hover, type Position } from "vscode-languageserver-types";
import type { Analysis } from "./analysis.js";
import { keywordHover, nameHover } from "./hover.js";
import { lineAndColumn } from "./positions.js";
import { SPELLINGS, wordIn } from "./words.js";

export function hoverAt(a: Analysis, p: Position): Hover | null {
  const { line, column } = lineAndColumn(a.lines, p);
  const w = wordIn(a, line, column);
  if (!w) return null;
  const name = a.names.get(w.text);
  const kw = SPELLINGS.get(w.text);
  const paragraphs = name ? nameHover(name) : kw ? keywordHover(w.text, kw) : null;
  if (!paragraphs) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: paragraphs.join("\n\n") },
    range: {
      start: { line: p.line, character: w.startCol - 1 },
      end: { line: p.line, character: w.endCol - 1 },
    },
  };
}
