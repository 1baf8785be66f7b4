/**
 * Lexical hints that lead to the fix (issue 11 §5): clause numbers written the way other
 * documents number sections (第3.1条, A3, 3.1), and declared names that begin with a clause
 * number (第一条经认定), which the lexer would otherwise read as a new clause. Works on the
 * lexer's folded text (full-width → half-width, same offsets).
 */
import type { Span } from "./ast.js";
import { diag, type Diagnostic } from "./diagnostics.js";

/** The forms a clause number can take, for every hint below. */
export const CLAUSE_ID_FORMS =
  "条款编号应写作 第N条，N 为整数：第3条、第12条、第十二条。" +
  "原文的编号（3.1、A3、第3.1条）请写进标题或 原文 中，" +
  "例如：第31条 小数编号的条款 / 原文 “3.1 对获得授牌的企业……”。";

/** 第3.1条, 第3-1条 anywhere; A3, A3.1, 3.1 when they open a line (column 1). */
const DOTTED = /第\d+(?:[.\-·]\d+)+条/y;
const LETTERED = /(?:[A-Za-z]{1,3}\d+(?:[.\-]\d+)*|\d+(?:\.\d+)+)(?=[ \t]+[^\s#])/y;
const TYPE_AFTER = /[ \t]+(?:金额|比例|数量|日期|是否|文本|枚举)(?![^\s(])/y;

function matchAt(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0].length : 0;
}

/**
 * The length of a malformed clause number at `pos`, or 0. `column1` says whether pos opens its
 * line with no indentation (where a clause header stands); `declared` is the length of a
 * declared name starting there (such a name is never a clause number).
 */
export function malformedClauseIdAt(
  text: string,
  pos: number,
  column1: boolean,
  declared: number,
): number {
  const dotted = matchAt(DOTTED, text, pos);
  if (dotted > 0) return dotted;
  if (!column1 || declared > 0) return 0;
  const len = matchAt(LETTERED, text, pos);
  // `A3 金额` is the declaration of an input named A3, not a clause
  if (len === 0 || matchAt(TYPE_AFTER, text, pos + len) > 0) return 0;
  return len;
}

/** E005, like every clause id that is not accepted: a clause number written as 第3.1条 / A3 / 3.1. */
export function malformedClauseIdDiagnostic(id: string, span: Span): Diagnostic {
  return diag(
    "error",
    "E005",
    `“${id}”不是可用的条款编号：条款编号应写作 第N条`,
    span,
    CLAUSE_ID_FORMS,
  );
}

/**
 * E300: a declared name begins with a clause number (第一条经认定), so the lexer reads a new
 * clause there. Reported where the name is written (its declaration and each use), with the
 * 「…」 quoting as the fix; the token is read as the name so that nothing else cascades.
 */
export function clausePrefixedNameDiagnostic(
  name: string,
  clauseNo: string,
  span: Span,
  isDeclaration: boolean,
): Diagnostic {
  const where = isDeclaration ? "声明的名称" : "名称";
  return diag(
    "error",
    "E300",
    `${where}“${name}”以条款编号“${clauseNo}”开头，会被读成新的条款`,
    span,
    `以条款编号或关键词开头的名称要写在「」之间：声明处和每一处使用都写成「${name}」，` +
      `例如 申报信息 中写「${name}」 是否，条件中写 条件 「${name}」。也可以改名，如“经认定${clauseNo}”。`,
    { title: `写成「${name}」`, span, text: `「${name}」` },
  );
}

/** Whether the line holding `pos` declares the name at `pos` (name, blanks, a type word). */
export function declaresAt(text: string, pos: number, nameLen: number): boolean {
  let s = pos;
  while (s > 0 && (text[s - 1] === " " || text[s - 1] === "\t")) s--;
  if (s > 0 && text[s - 1] !== "\n") return false;
  return matchAt(TYPE_AFTER, text, pos + nameLen) > 0;
}
