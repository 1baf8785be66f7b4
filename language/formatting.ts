/**
 * Formatting through the project formatter (the same one as `zhengce fmt` and the Prettier
 * plugin): one edit replacing the whole text, or none when it is already formatted or broken.
 */
import type { TextEdit } from "vscode-languageserver-types";
import { formatSource } from "../compiler/index.js";
import type { Analysis } from "./analysis.js";
import { wholeRange } from "./positions.js";

export function formatEdits(a: Analysis): TextEdit[] {
  const r = formatSource(a.text, { known: [...a.known] });
  if (!r.ok || !r.changed || r.text === undefined) return [];
  return [{ range: wholeRange(a.lines, a.text), newText: r.text }];
}
