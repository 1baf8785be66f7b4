/**
 * Clause ids that documents write but the language does not (yet) accept as ids: 第3条之一,
 * 第3条（一）, 第3条第2款, 第三部分第2条, and list markers such as （一）, 一、, 1. at the start of
 * a line. Each is reported as one error that shows the accepted form, never read as 第N条 with
 * the rest as its title (issue 10 §4). Works on the lexer's folded text (full-width → half-width).
 */

const NUM = "(?:\\d+|[零〇一二两三四五六七八九十百]+)";

/** 之一, (一), 第2款 right after 第N条. */
const AFTER_CLAUSE = new RegExp(`之${NUM}|\\(${NUM}\\)|第${NUM}[款项目]`, "y");
/** 第三部分, 第二章, 第一节 right before 第N条. */
const BEFORE_CLAUSE = new RegExp(`第${NUM}(?:部分|章|节|编)[ \\t]*(?=第${NUM}条)`, "y");
const CLAUSE = new RegExp(`第${NUM}条`, "y");
/** List markers that open a line: (一), 一、, 1., 1、 (not 1.5, a decimal). */
const LINE_MARKER = new RegExp(
  `\\(${NUM}\\)|[零〇一二两三四五六七八九十百]+、|\\d+[.、](?!\\d)`,
  "y",
);

function matchAt(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0].length : 0;
}

/** The accepted form, for the help text of every rejected id. */
export const CLAUSE_ID_HELP =
  "条款编号只能写作 第N条（如 第3条、第十二条）。子条款编号（第3条之一、第3条（一）、第3条第2款）、" +
  "分部分编号（第三部分第2条）和列表编号（（一）、一、、1.）目前都不能作为条款编号；" +
  "请为该条款另取一个未使用的编号（如 第31条），并把原文编号写进标题或 原文 中。";

/**
 * The length of an id-like run at pos that is not an accepted id, or 0. `clauseLen` is the length
 * of a 第N条 match at pos (0 when there is none); `lineStart` says whether only blanks precede pos.
 */
export function rejectedClauseIdAt(
  text: string,
  pos: number,
  clauseLen: number,
  lineStart: boolean,
): number {
  if (clauseLen > 0) {
    const tail = matchAt(AFTER_CLAUSE, text, pos + clauseLen);
    return tail > 0 ? clauseLen + tail : 0;
  }
  const part = matchAt(BEFORE_CLAUSE, text, pos);
  if (part > 0) {
    const clause = matchAt(CLAUSE, text, pos + part);
    const tail = matchAt(AFTER_CLAUSE, text, pos + part + clause);
    return part + clause + tail;
  }
  return lineStart ? matchAt(LINE_MARKER, text, pos) : 0;
}

/** The clause number a rejected id's token carries: no clause has it, so no other error follows. */
export const REJECTED_CLAUSE = -1;
