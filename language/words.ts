/**
 * The vocabulary the language services speak: keyword categories and name kinds in Chinese, and
 * the word under a position (declared names first, then keyword spellings, as the lexer reads).
 */
import { spellingTable, type KeywordCategory } from "../grammar/index.js";
import type { Analysis } from "./analysis.js";
import type { NameInfo } from "./types.js";
import { wordAt, type Word } from "./word-at.js";

/** Category names in Chinese, shown beside each keyword. */
export const CATEGORY_ZH: Record<KeywordCategory, string> = {
  section: "段落",
  header: "政策信息",
  type: "类型",
  statement: "语句",
  award: "资助方式",
  step: "计算步骤",
  operator: "运算与比较",
  bound: "分档边界",
  function: "函数",
  literal: "取值",
};

/** What a declared name is, in Chinese. */
export const NAME_KIND_ZH: Record<NameInfo["kind"], string> = {
  input: "申报信息",
  param: "参数",
  define: "定义",
  category: "分类",
  value: "类别取值",
};

export const SPELLINGS = spellingTable();
const MAX_SPELLING = Math.max(...[...SPELLINGS.keys()].map((s) => s.length));

/** The word covering a 1-based column of a line, names of the analysis winning over keywords. */
export function wordIn(a: Pick<Analysis, "names">, line: string, column: number): Word | null {
  const words = new Set<string>([...SPELLINGS.keys(), ...a.names.keys()]);
  let max = MAX_SPELLING;
  for (const n of a.names.keys()) max = Math.max(max, n.length);
  return wordAt(line, column, words, max);
}
