/**
 * source → formatted source. The layout is canonical (header items and block lines indented by 2,
 * one blank line between top-level items, canonical keyword spellings), every comment is kept,
 * and the result is parsed again and compared with the original tree before it is returned.
 */
import type { IToken } from "chevrotain";
import { builders, printer } from "prettier/doc";
import { textToTokens } from "../../grammar/text-to-tokens.js";
import type { Comment, Policy } from "../../grammar/ast.js";
import { parse } from "../compile.js";
import { diag, LineMap, type Diagnostic } from "../../grammar/diagnostics.js";
import { policyToUnits } from "./ast-to-units.js";
import { policyDifference } from "./compare-trees.js";
import { placeComments } from "./place-comments.js";
import { TokenIndex } from "./token-index.js";
import { unitsToDoc } from "./units-to-doc.js";

export interface FormatOptions {
  /** Line width in columns (a Chinese character counts 2). Default 100. */
  readonly printWidth?: number;
  /** Names declared elsewhere: a guideline's policy's names (see `guidelineNames`). */
  readonly known?: Iterable<string>;
}

export interface FormatResult {
  /** True when the text was formatted and proved to mean the same policy. */
  readonly ok: boolean;
  /** The formatted text (only when ok). */
  readonly text?: string;
  /** Whether the formatted text differs from the input. */
  readonly changed: boolean;
  readonly diagnostics: Diagnostic[];
}

/** The doc of a parsed file; used by the Prettier plugin and by {@link formatSource}. */
export function policyToDoc(
  source: string,
  ast: Policy,
  comments: readonly Comment[],
  known: Iterable<string> = [],
  tokens?: IToken[],
): builders.Doc {
  const units = policyToUnits(ast, new TokenIndex(tokens ?? textToTokens(source, known).tokens));
  const tail = placeComments(units, comments);
  return unitsToDoc(source, units, tail);
}

/** Print a doc at a width with 2-space indentation. */
export function printDoc(d: builders.Doc, printWidth = 100): string {
  return printer.printDocToString(d, { printWidth, tabWidth: 2, useTabs: false }).formatted;
}

/**
 * Check that `formatted` parses to the same tree as `original` (spans aside) and keeps every
 * comment; a diagnostic when it does not.
 */
export function verifyFormatted(
  original: Policy,
  formatted: string,
  known: Iterable<string> = [],
): Diagnostic | undefined {
  const again = parse(formatted, known);
  const at = new LineMap(formatted).span(0, 0);
  const err = again.diagnostics.find((d) => d.severity === "error");
  if (err)
    return diag(
      "error",
      "E601",
      `格式化结果无法重新解析（第${err.span.line}行：${err.message}）`,
      at,
      "这是格式化程序的缺陷，原文未被改动；请把政策文本报告给开发者。",
    );
  const diff = policyDifference(original, again.ast);
  if (diff)
    return diag(
      "error",
      "E602",
      `格式化会改变政策内容（${diff}）`,
      at,
      "这是格式化程序的缺陷，原文未被改动；请把政策文本报告给开发者。",
    );
  return undefined;
}

/** Format policy or guideline source. Never throws; a file with syntax errors is left as it is. */
export function formatSource(source: string, options: FormatOptions = {}): FormatResult {
  const known = [...(options.known ?? [])];
  const parsed = parse(source, known);
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) return { ok: false, changed: false, diagnostics: errors };
  const doc = policyToDoc(source, parsed.ast, parsed.ast.comments, known, parsed.tokens);
  const text = printDoc(doc, options.printWidth);
  // The same text parses to the same tree: only a changed text needs checking (issue 12: time).
  const problem = text === source ? undefined : verifyFormatted(parsed.ast, text, known);
  if (problem) return { ok: false, changed: false, diagnostics: [problem] };
  return { ok: true, text, changed: text !== source, diagnostics: [] };
}
