/**
 * One block parsed within the nesting limits (issue 12): nesting beyond MAX_NESTING is reported at
 * the bracket (or 并非, 负号, 如果) that opens one level too many (E031), a tree deeper than
 * MAX_TREE_DEPTH at the expression that crosses it (E032), and the block is left out of the tree,
 * so no later pass walks it. Running out of stack anyway becomes the same diagnostic, never a crash.
 */
import type { IToken } from "chevrotain";
import { diag, type Diagnostic } from "./diagnostics.js";
import {
  isStackOverflow,
  MAX_NESTING,
  MAX_TREE_DEPTH,
  NESTING_HELP,
  NestingTooDeep,
  tooDeep,
  TREE_DEPTH_HELP,
} from "./limits.js";
import type { LexResult } from "./text-to-tokens.js";

const finite = (t: IToken | undefined): t is IToken =>
  !!t && Number.isFinite(t.startOffset) && t.tokenType.name !== "EOF";

function nestingDiagnostic(lex: LexResult, tok: IToken | undefined, block: readonly IToken[]) {
  const at = finite(tok) ? tok : block[0];
  const span = at ? lex.lines.span(at.startOffset, at.endOffset! + 1) : lex.lines.span(0, 0);
  const what = at ? `“${at.image}”` : "此处";
  return diag("error", "E031", `${what}处嵌套超过 ${MAX_NESTING} 层`, span, NESTING_HELP);
}

/**
 * Run `parse` over a block; the item it returns, or undefined with a diagnostic when the block
 * nests too deep (`overflow`: the stack ran out, so the parser's errors are noise). Other
 * exceptions propagate (they are bugs, reported by compile as E999).
 */
export function parseBounded<I>(
  lex: LexResult,
  block: readonly IToken[],
  parse: () => I | undefined,
): { item: I | undefined; diagnostics: Diagnostic[]; overflow?: true } {
  let item: I | undefined;
  try {
    item = parse();
  } catch (e) {
    if (e instanceof NestingTooDeep)
      return { item: undefined, diagnostics: [nestingDiagnostic(lex, e.token, block)] };
    // Out of stack anyway (a host with a smaller stack than Node's), or a parser left broken by
    // an earlier overflow: the parser's errors are noise, and the caller replaces the parser.
    if (e instanceof RangeError || isStackOverflow(e))
      return {
        item: undefined,
        diagnostics: [nestingDiagnostic(lex, undefined, block)],
        overflow: true,
      };
    throw e;
  }
  const deep = tooDeep(item);
  if (!deep) return { item, diagnostics: [] };
  const start = deep.span?.start ?? block[0]?.startOffset ?? 0;
  const end = deep.span ? Math.min(deep.span.end, start + 1) : start;
  return {
    item: undefined,
    diagnostics: [
      diag(
        "error",
        "E032",
        `表达式超过 ${MAX_TREE_DEPTH} 层，过长或嵌套过深`,
        lex.lines.span(start, Math.max(start, end)),
        TREE_DEPTH_HELP,
      ),
    ],
  };
}
