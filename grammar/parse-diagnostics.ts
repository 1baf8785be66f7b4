/**
 * Chevrotain's recognition errors → diagnostics with a useful position and help text.
 */
import type { IToken } from "chevrotain";
import { diag, type Diagnostic } from "./diagnostics.js";
import { callCommaDiagnostic } from "./call-comma-hint.js";
import { GENERIC_HELP, parseHelp } from "./parse-errors.js";
import { expectationOf } from "./parse-expectations.js";
import { missingAfter } from "./missing-after.js";
import type { LexResult } from "./text-to-tokens.js";
import * as T from "./tokens.js";

/** The part of a recognition error we use. */
export interface ParseError {
  readonly message: string;
  readonly token: IToken;
  readonly previousToken?: IToken;
  /** Chevrotain's rule stack at the error: says what was expected there. */
  readonly context?: { readonly ruleStack?: readonly string[] };
}

/** The help for an error: by its message, else by the rule that failed (with an example). */
function helpFor(e: ParseError): string {
  const h = parseHelp(e.message);
  return h === GENERIC_HELP ? (expectationOf(e.context?.ruleStack)?.help ?? h) : h;
}

const finite = (t: IToken | undefined): t is IToken =>
  !!t && Number.isFinite(t.startOffset) && t.tokenType.name !== "EOF";

/** Tokens written together with `tok` (no space between), e.g. 最高 + 限额 in 最高限额. */
function gluedRun(lex: LexResult, tok: IToken): IToken[] {
  const i = lex.tokens.indexOf(tok);
  const run = [tok];
  for (let j = i + 1; j < lex.tokens.length; j++) {
    const next = lex.tokens[j]!;
    if (
      next.startOffset !== run[run.length - 1]!.endOffset! + 1 ||
      !/^[\u3400-\u9fff]/.test(next.image)
    )
      break;
    run.push(next);
  }
  return run;
}

/** Map one parse error to a diagnostic. */
export function errorToDiagnostic(lex: LexResult, e: ParseError): Diagnostic {
  const tok = e.token;
  const prev = e.previousToken;
  const comma = callCommaDiagnostic(lex, tok, e.context?.ruleStack);
  if (comma) return comma;
  // An error found on a later line is about what is missing after the previous token:
  // point at that token, where the drafter has to write something.
  if (finite(prev) && (!finite(tok) || tok.startLine !== prev.endLine)) {
    const span = lex.lines.span(prev.startOffset, prev.endOffset! + 1);
    const missing = missingAfter(prev, e.context?.ruleStack);
    if (missing) return diag("error", "E100", missing.message, span, missing.help);
    // What the parser met instead is on a later line, or is the end of the block (the next line
    // starts another clause or section), not of the file: name only what is missing.
    const wanted = /^此处(?:应为|至少需要一项)(.+?)(?:，却是.*)?$/.exec(e.message)?.[1];
    const message = wanted
      ? `“${prev.image}”后面缺少${wanted}`
      : `“${prev.image}”之后缺少内容：${e.message}`;
    return diag("error", "E100", message, span, helpFor(e));
  }
  if (!finite(tok)) {
    const last = lex.tokens[lex.tokens.length - 1];
    const at = last ? last.endOffset! + 1 : 0;
    return diag("error", "E100", e.message, lex.lines.span(at, at), helpFor(e));
  }
  const span = lex.lines.span(tok.startOffset, tok.endOffset! + 1);
  const run = gluedRun(lex, tok);
  if (tok.tokenType !== T.Name && run.length > 1) {
    const whole = run.map((t) => t.image).join("");
    const runSpan = lex.lines.span(tok.startOffset, run[run.length - 1]!.endOffset! + 1);
    return diag(
      "error",
      "E100",
      e.message,
      runSpan,
      `“${tok.image}”是关键词；若“${whole}”是一个名称，请先在申报信息中声明它，或写成「${whole}」。`,
      { title: `写成「${whole}」`, span: runSpan, text: `「${whole}」` },
    );
  }
  return diag("error", "E100", e.message, span, helpFor(e));
}
