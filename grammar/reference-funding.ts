/**
 * The part of the language reference on funding (issue #10 §3): who pays a clause (资金来源).
 * The example is a complete policy that test/unit/reference-examples.test.ts compiles and whose
 * cases it runs; the README shows the same text (test/unit/payers.test.ts checks both).
 */

/** The example for 资金来源. */
export const PAYER_EXAMPLE = `政策 资金来源示例
  资金来源 区级财政

申报信息
  设备投资 金额 默认 0
  获市级认定 是否 默认 否
  获省级认定 是否 默认 否
  列入国家级示范 是否 默认 否

第1条 设备投资补助
  资助 比例 10% 基数 设备投资
  上限 100万

第2条 市级认定奖励
  条件 获市级认定
  资金来源 市级财政
  奖励 定额 50万

第3条 省级认定奖励
  条件 获省级认定
  资金来源 省级财政
  奖励 定额 30万

第4条 国家级示范奖励
  条件 列入国家级示范
  资金来源 中央财政
  奖励 定额 100万

案例 “设备投资500万，获市级认定”
  输入 设备投资 500万，获市级认定 是
  期望 第1条 50万
  期望 第2条 50万
  期望 资金来源 区级财政 50万
  期望 资金来源 市级财政 50万
  期望 资金来源 省级财政 0
  期望 资金来源 中央财政 0
  期望 总额 100万
`;

/** Markdown lines of the section on funding. */
export function fundingReference(): string[] {
  return [
    "## 资金来源：谁出钱",
    "",
    "`资金来源` 写在政策开头（各条的默认），或写在某一条中（只管这一条，优先于默认）。取值为 `区级财政`、`市级财政`、",
    "`省级财政`、`中央财政`，或引号中的专项资金名称（`资金来源 “工业互联网专项资金”`）；一条只能写一个资金来源（E265）。",
    "写了资金来源的政策，计算结果多一项 `byPayer`：按资金来源分列的金额（元），政策中出现的每个资金来源都有一项（本次未支出为 0），",
    "没有资金来源的资助条款归入“未指明资金来源”，各项之和等于总额；生成的 TypeScript 模块导出 `type Payer`，`evaluate` 的结果按它定型。",
    "案例可写 `期望 资金来源 区级财政 50万`（资金来源须是政策中出现的，否则 E264）。`zhengce doc` 在附则中列出各资金来源承担的条款，",
    "`zhengce diff` 的预算按资金来源分列，改动资金来源是一条变更。",
    "",
    "```zc",
    ...PAYER_EXAMPLE.trimEnd().split("\n"),
    "```",
    "",
  ];
}
