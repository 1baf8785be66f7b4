/**
 * "What is missing after this keyword", in a drafter's words (issue 14): a line that stops right
 * after a keyword (`上限` and nothing more) reads "“上限”后面缺少金额，例如：上限 200万", not the
 * parser's "此处应为表达式，却是文件结尾" (the file does not end there: the clause does).
 */
import type { IToken } from "chevrotain";
import { KEYWORDS, type KeywordName, type KeywordSpec } from "./keywords.js";
import { expectationOf } from "./parse-expectations.js";

interface Missing {
  /** What the keyword needs after it. */
  readonly what: string;
  /** The keyword written with it. */
  readonly example: string;
}

const m = (what: string, example: string): Missing => ({ what, example });

/** The keywords a drafter most often leaves without their value. */
const AFTER: Partial<Record<KeywordName, Missing>> = {
  Cap: m("金额", "上限 200万"),
  AnnualCap: m("金额", "年度累计上限 100万"),
  TotalCap: m("金额", "累计上限 500万"),
  Fixed: m("金额", "定额 20万"),
  UpTo: m("金额", "最高 100万"),
  Ratio: m("百分比", "比例 30%"),
  Base: m("计算基数（申报信息中的金额）", "基数 项目实际投资"),
  Award: m("资助方式", "资助 比例 30% 基数 项目实际投资"),
  Condition: m("要满足的条件", "条件 注册地在本区 并且 获智能工厂授牌"),
  Exclude: m("排除的情形", "排除 上年度存在严重失信"),
  Unless: m("豁免的情形", "除非 国家级项目"),
  TakeHigher: m("金额", "就高 上级要求配套金额 当 上级补助要求配套"),
  TakeLower: m("金额", "就低 实际发生费用"),
  TopUp: m("已获得的金额", "补差 已获区级资助"),
  Including: m("其他资金的名称", "上限 200万 含 已获上级补助金额"),
  When: m("适用的条件", "就高 配套金额 当 上级要求配套"),
  Quota: m("名额数", "名额 每年 20"),
  Yearly: m("数目", "名额 每年 20"),
  DocNo: m("文号（写在引号中）", "文号 “嘉经〔2021〕12号”"),
  Validity: m("起止日期", "有效期 2021年6月18日 至 2025年12月31日"),
  To: m("日期", "有效期 2021年6月18日 至 2025年12月31日"),
  Source: m("政策原文（写在引号中）", "原文 “按不超过项目实际投资的30%予以资助”"),
  Default: m("默认值", "项目已投入金额 金额 默认 0"),
};

/** The keyword a token is, when it is one. */
function keywordOf(tok: IToken): KeywordSpec | undefined {
  return KEYWORDS.find((k) => k.name === tok.tokenType.name && k.spellings.includes(tok.image));
}

/**
 * The message for a line that ends right after `prev` while the parser wanted more there
 * (`ruleStack`: what it was parsing), or undefined when `prev` is no keyword.
 */
export function missingAfter(
  prev: IToken,
  ruleStack: readonly string[] | undefined,
): { message: string; help: string } | undefined {
  const kw = keywordOf(prev);
  if (!kw) return undefined;
  const known = AFTER[kw.name];
  const expected = expectationOf(ruleStack);
  const what = known?.what ?? expected?.what ?? "内容";
  const example = known?.example ?? kw.example;
  return {
    message: `“${prev.image}”后面缺少${what}，例如：${example}`,
    // A known keyword is explained in its own words; otherwise by what the parser wanted there.
    help: known || !expected ? `${kw.doc}例如：${kw.example}` : expected.help,
  };
}
