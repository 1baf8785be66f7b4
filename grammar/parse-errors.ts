/**
 * Chinese messages for Chevrotain's parse errors. Token labels come from tokens.ts, so a missing
 * keyword is named by its Chinese spelling.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { RULE_EXPECTATIONS } from "./parse-expectations.js";

const label = (t: TokenType): string =>
  t.name === "EOF" ? "新的一行（以关键词开头）" : (t.LABEL ?? t.name);
const shown = (tok: IToken): string =>
  tok.tokenType.name === "EOF"
    ? "文件结尾"
    : `“${tok.image.length > 20 ? tok.image.slice(0, 20) + "…" : tok.image}”`;

const RULE_ZH = (rule: string): string | undefined => RULE_EXPECTATIONS[rule]?.what;

/** Error messages in Chinese for the policy parser. */
export const zhErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `此处应为${label(expected)}，却是${shown(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `无法理解${shown(firstRedundant)}：这里不应出现它`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const what = RULE_ZH(ruleName) ?? "内容";
    const tok = actual[0];
    return tok ? `此处应为${what}，却是${shown(tok)}` : `此处应为${what}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    const what = RULE_ZH(ruleName) ?? "内容";
    const tok = actual[0];
    return tok ? `此处至少需要一项${what}，却是${shown(tok)}` : `此处至少需要一项${what}`;
  },
};

/** The help when nothing more specific is known. */
export const GENERIC_HELP = "对照语言参考检查这一行的写法。";

/** A help text for a parse error, keyed by what was expected. */
export function parseHelp(message: string): string {
  if (message.includes("资助方式"))
    return "资助方式可写：比例 30% 基数 …、定额 20万、最高 100万、计算 …、一事一议。";
  if (message.includes("类型"))
    return "类型可写：金额、比例、数量（家）、日期、是否、文本、枚举 区级、市级。";
  if (message.includes("条款内容"))
    return "条款内容以关键词开头，如 条件、资助、上限、原文、一次性。";
  if (message.includes("“：”"))
    return "表格和分档的每一行之前要有冒号，如 按 项目级别：区级 200万。";
  if (message.includes("数值或名称"))
    return "这里需要一个数值（如 200万、30%）、已声明的名称，或写在（）中的表达式。";
  if (message.includes("不应出现")) return "检查这一行是否以关键词开头，或是否缺少空格、标点。";
  return GENERIC_HELP;
}
