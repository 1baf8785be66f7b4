/**
 * A policy that makes the solver work hard: 第1条 pays only when the chosen items' scores add up
 * to exactly half of all scores (subset sum over 30 yes/no inputs), so finding an application
 * where a version change matters, or showing there is none, takes the solver minutes. For tests
 * of time limits; the scores come from a fixed linear congruential sequence.
 */
const STEMS = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES = "子丑寅卯辰巳午未申酉";

export function hardPolicy(amount = "100万", items = 30): string {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const names = Array.from(
    { length: items },
    (_, i) => `${STEMS[i % 10]}${BRANCHES[(i / 10) | 0]}`,
  );
  const scores = names.map(() => 1_000_000 + (next() % 9_000_000));
  const half = Math.floor(scores.reduce((a, b) => a + b, 0) / 2);
  return [
    "政策 难解测试",
    "",
    "申报信息",
    ...names.map((n) => `  条件项${n} 是否 默认 否`),
    "",
    ...names.map((n, i) => `定义 分值${n} = 如果 条件项${n} 则 ${scores[i]}元 否则 0元`),
    `定义 合计分值 = ${names.map((n) => `分值${n}`).join(" + ")}`,
    "",
    "第1条 测试",
    `  条件 合计分值 等于 ${half}元`,
    `  奖励 定额 ${amount}`,
    "",
  ].join("\n");
}
