/**
 * A synthetic policy with N clauses mixing every common clause shape, for compiler benchmarks.
 */

/** Policy text with `n` clauses. */
export function generatePolicy(n: number): string {
  const out: string[] = [
    "政策 基准测试政策",
    "  有效期 2024年1月1日 至 2026年12月31日",
    "申报信息",
    "  项目投资 金额 默认 0",
    "  营业收入 金额 默认 0",
    "  项目级别 枚举 区级、市级、国家级 默认 区级",
    "  获认定 是否 默认 否",
    "  人数 数量（人） 默认 0",
  ];
  for (let i = 1; i <= n; i++) {
    out.push(
      `第${i}条 条款${i}`,
      `  原文 “第${i}条原文，按不超过项目投资的${(i % 50) + 1}%予以资助。”`,
    );
    switch (i % 5) {
      case 0:
        out.push(
          "  条件 获认定",
          `  资助 比例 ${(i % 50) + 1}% 基数 项目投资`,
          `  上限 ${(i % 300) + 10}万`,
        );
        break;
      case 1:
        out.push("  条件 营业收入 不低于 1亿", `  奖励 定额 ${(i % 90) + 10}万`, "  一次性");
        break;
      case 2:
        out.push(
          `  资助 比例 30% 基数 项目投资`,
          "  上限 按 项目级别：区级 200万，市级 500万，国家级 1000万",
        );
        break;
      case 3:
        out.push("  奖励 定额 分档 营业收入：", "    1亿以上 不满5亿：50万", "    5亿以上：100万");
        break;
      default:
        out.push("  补贴 计算 人数 × 5000元/人", "  上限 100万", "  年度累计上限 200万");
    }
  }
  return out.join("\n") + "\n";
}
