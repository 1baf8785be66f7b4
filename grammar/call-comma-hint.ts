/**
 * The comma inside 就高（…）/就低（…） (issue 11 §5): a table (按 …：区级 200万，市级 500万) or graded
 * brackets (分档 …) also separate their rows with “，”, so an argument written after one is read as
 * one more row. When a parse error falls inside such a table within a call, say so and show the
 * two ways to write it (E302).
 */
import type { IToken } from "chevrotain";
import { diag, type Diagnostic } from "./diagnostics.js";
import type { LexResult } from "./text-to-tokens.js";
import * as T from "./tokens.js";

const { KW } = T;

/** The 就高/就低 token whose parenthesis encloses token index `i`, or undefined. */
function enclosingCall(tokens: readonly IToken[], i: number): number | undefined {
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!.tokenType;
    if (t === T.RParen) depth++;
    else if (t === T.LParen) {
      if (depth > 0) depth--;
      else {
        const fn = tokens[j - 1]?.tokenType;
        return fn === KW.TakeHigher || fn === KW.TakeLower ? j - 1 : undefined;
      }
    }
  }
  return undefined;
}

/** E302 when a parse error inside 就高（…）/就低（…） comes from a table that swallowed the comma. */
export function callCommaDiagnostic(
  lex: LexResult,
  tok: IToken,
  ruleStack: readonly string[] | undefined,
): Diagnostic | undefined {
  const stack = ruleStack ?? [];
  const call = stack.lastIndexOf("call");
  if (call < 0 || !stack.slice(call).some((r) => r === "table" || r === "brackets")) return;
  const at = lex.tokens.indexOf(tok);
  const fnAt = enclosingCall(lex.tokens, at < 0 ? lex.tokens.length : at);
  if (fnAt === undefined) return;
  const inner = lex.tokens.slice(fnAt + 2, at < 0 ? undefined : at);
  const tableAt = inner.findIndex((t) => t.tokenType === KW.Per || t.tokenType === KW.Brackets);
  if (tableAt < 0 || !inner.slice(tableAt).some((t) => t.tokenType === T.Comma)) return;
  const fn = lex.tokens[fnAt]!;
  const table = inner[tableAt]!;
  const isTable = table.tokenType === KW.Per;
  const what = isTable ? "表格（按 …）" : "分档（分档 …）";
  const sample = isTable
    ? "按 项目级别：区级 200万，市级 500万"
    : "分档 营业收入：1亿以上：50万，其他：10万";
  const f = fn.image;
  const end = tok.tokenType.name === "EOF" ? inner[inner.length - 1]! : tok;
  const span = lex.lines.span(fn.startOffset, end.endOffset! + 1);
  return diag(
    "error",
    "E302",
    `${f}（…）中的“，”被读成了${what}的下一行，而不是下一个参数`,
    span,
    `${what}的行之间也用“，”分隔，所以写在它之后的参数被当成了它的一行。` +
      `把它放进括号：${f}（（${sample}），项目投资 × 30%），` +
      `或把它作为最后一个参数：${f}（项目投资 × 30%，${sample}）。`,
  );
}
