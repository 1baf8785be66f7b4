/**
 * Versions of the seed policy for the diff tests, made by editing its text so that they follow
 * the seed as it evolves. Each edit must apply exactly once per occurrence listed.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The seed policy's source text. */
export function seedSource(): string {
  const url = new URL("../../policies/jiading-2021-industrial-internet.zc", import.meta.url);
  return readFileSync(fileURLToPath(url), "utf8");
}

/** Replace `from` by `to`, requiring exactly `times` occurrences. */
export function edit(source: string, from: string, to: string, times = 1): string {
  const n = source.split(from).length - 1;
  if (n !== times) throw new Error(`expected ${times} × “${from}”, found ${n}`);
  return source.split(from).join(to);
}

const NEW_CLAUSE = `第13条 支持工业互联网安全防护
  原文 “对通过工业互联网安全评估的企业，给予一次性奖励50万元。”
  条件 通过安全评估
  一次性
  奖励 定额 50万

`;

/**
 * The reviewer's draft: clause 5 市级 cap raised to 800万, clause 1 ratio lowered to 25%, clause 7
 * gains a condition, a new clause 13 (and its input), validity extended to 2027, a comment changed.
 */
export function draftSource(seed = seedSource()): string {
  let s = seed;
  s = edit(s, "市级 500万", "市级 800万", 2);
  s = edit(s, "资助 比例 30% 基数 项目实际投资", "资助 比例 25% 基数 项目实际投资");
  s = edit(
    s,
    "  条件 服务区内企业数量 不少于 服务企业数量要求\n",
    "  条件 服务区内企业数量 不少于 服务企业数量要求\n  条件 实际发生服务金额 不少于 50万\n",
  );
  s = edit(s, "有效期 2021年6月18日 至 2025年12月31日", "有效期 2021年6月18日 至 2027年12月31日");
  s = edit(s, "叠加规则\n", `${NEW_CLAUSE}叠加规则\n`);
  s = edit(s, "  # 第13条\n", "  通过安全评估 是否 默认 否 “通过工业互联网安全评估”\n  # 第13条\n");
  s = edit(s, "# 第14条\n", "# 第14条（严重失信的回看期）\n");
  return s;
}

/** Only comments and layout changed. */
export function cosmeticSource(seed = seedSource()): string {
  let s = seed;
  s = edit(s, "# 第14条\n", "# 第14条：严重失信\n");
  s = edit(s, "\n第2条 ", "\n\n\n第2条 ");
  s = edit(s, "  条件 获智能工厂授牌\n", "  条件 获智能工厂授牌   \n");
  return s;
}

/** Clause 10 and 11 swap places: both are renumbered, nothing else changes. */
export function renumberedSource(seed = seedSource()): string {
  let s = seed;
  s = edit(s, "\n第11条 绿色通道\n", "\n第10条 绿色通道\n");
  s = edit(s, "\n第10条 鼓励专业培训机构", "\n第11条 鼓励专业培训机构");
  return s;
}
