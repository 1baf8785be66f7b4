/**
 * The part of the language reference on assertions (断言): what they state, what the amounts
 * mean, and how `zhengce check --prove` proves or refutes them. The example is a complete policy
 * that test/unit/reference-examples.test.ts compiles (its cases run) and that
 * test/prove/assertions.test.ts proves.
 */

/** The example: a total bound, a bound computed from the application, a guarded bound, 不同时适用. */
export const ASSERT_EXAMPLE = `政策 断言示例

申报信息
  获智能工厂授牌 是否 默认 否
  项目实际投资 金额 默认 0
  项目级别 枚举 区级、市级 默认 区级
  通过贯标认证 是否 默认 否

第1条 智能工厂
  条件 获智能工厂授牌
  资助 比例 30% 基数 项目实际投资
  上限 200万

第2条 两化融合贯标
  条件 通过贯标认证
  奖励 定额 按 项目级别：区级 20万，市级 30万

叠加规则
  从高不重复

断言 总额 不超过 200万 “从高不重复：不超过最高的一条”
断言 第1条 不超过 项目实际投资 × 30%
断言 第2条 不超过 20万 当 项目级别 等于 区级
断言 第1条 与 第2条 不同时适用

案例 “两条都符合，只按高者”
  输入 获智能工厂授牌 是，项目实际投资 500万，通过贯标认证 是
  期望 第1条 150万
  期望 总额 150万
`;

/** Markdown lines of the section on assertions. */
export function assertsReference(): string[] {
  return [
    "## 断言：政策应当满足的性质",
    "",
    "`断言` 写出对**任何有效申报**都应成立的性质，每行一条，可在末尾用引号写明出处或理由。三种写法：",
    "",
    "| 写法 | 含义 |",
    "| --- | --- |",
    "| `断言 总额 不超过 1000万` | 比较条款金额（`第5条`）或总额（`总额`）与一个金额 |",
    "| `断言 第3条 不超过 第2条`、`断言 第5条 不超过 项目已投入金额 × 30%` | 右边也可以是另一条、总额，或由申报信息计算的金额 |",
    "| `断言 第1条 与 第5条 不同时适用` | 所列条款中任何两条不会对同一申报同时适用（给出资助、需核定或给予权益） |",
    "",
    "任一写法后可加 `当 …`：只对满足该条件的申报断言。比较可用 超过、不低于、低于、不超过、等于、不等于 及其同义词。",
    "",
    "条款金额是评估结果中该条的资助金额（叠加规则之后；不予资助、需核定、无法计算时为 0）；右边由申报信息计算的金额按政策的舍入规则取到分，",
    "为负或无法计算时断言不成立。断言不影响任何计算：`zhengce eval` 与编译出的模块照常计算。",
    "",
    "`zhengce check --prove` 用 Z3 求解器对每条断言求证：成立时写“已证明：任何有效申报都满足”；不成立时给出一份反例申报（连同核定金额、台账等选项），",
    "并用编译后的政策实际计算这份申报、列出相关各条的计算过程，只有实际计算也不满足断言时才报告错误 E510。求解器在时限内（`--prove-timeout 毫秒`）",
    "未能给出结论、或政策用到了尚未翻译为求解器约束的写法时，报告警告 W510，既不算证明也不算否定。`--json` 输出全部结果与反例。",
    "申报指南沿用所依据政策的断言，`check --prove` 在指南调整后的规则下求证。",
    "",
    "```zc",
    ...ASSERT_EXAMPLE.trimEnd().split("\n"),
    "```",
    "",
  ];
}
