/**
 * The part of the language reference that keywords alone cannot say: whose awards each limit
 * counts (its scope) and the default when none is written. Each example is a complete policy that
 * test/unit/reference-examples.test.ts compiles and whose cases it runs.
 */

/** The example for scoped limits: a per-project cap and a per-applicant cap. */
export const SCOPE_EXAMPLE = `政策 限额范围示例

申报信息
  列入技改计划 是否 默认 否
  当年完成投资 金额 默认 0

第1条 技术改造项目分年资助
  条件 列入技改计划
  资助 比例 20% 基数 当年完成投资
  同一项目 累计上限 500万
  单个企业 年度累计上限 300万

案例 “同一项目第二年”
  日期 2023年3月1日
  输入 申报主体 “上海甲公司”，申报项目 “一期”，列入技改计划 是，当年完成投资 2000万
  已获 第1条 400万 日期 2022年3月1日 所属项目 “一期” 基数 2000万
  期望 第1条 100万

案例 “同一企业另一个项目：项目累计另计，企业年度累计合并”
  日期 2023年6月1日
  输入 申报主体 “上海甲公司”，申报项目 “二期”，列入技改计划 是，当年完成投资 2000万
  已获 第1条 100万 日期 2023年3月1日 所属项目 “一期”
  期望 第1条 200万
`;

/** Markdown lines of the section on limit scopes. */
export function limitsReference(): string[] {
  return [
    "## 限额的范围：谁的钱",
    "",
    "累计上限、年度累计上限、一次性、每年限 N 项和名额都回答“数谁的资助”。在限额前写范围词：",
    "",
    "| 范围 | 写法 | 计入台账中的哪些资助 |",
    "| --- | --- | --- |",
    "| 同一项目 | `同一项目 累计上限 500万` | 同一申报主体、同一申报项目（申报材料的“申报项目”，台账的 `project`） |",
    "| 单个企业 | `单个企业 年度累计上限 100万` | 同一申报主体的全部项目 |",
    "| 全部企业 | `全部企业 名额 每年 20` | 本政策全部申报主体 |",
    "",
    "未写范围时：累计上限、年度累计上限、一次性、每年限按**单个企业**计；名额按**全部企业**计（批量评估时按申报日期先后）。",
    "条款中的限额只数本条的资助；“年度”指申报日期所在的自然年（1月1日至12月31日），“累计”指历年合计。",
    "按同一项目计算时，申报材料未写“申报项目”、或台账中本申报主体的资助未写项目的，本条报错并请写明，绝不猜测是否同一项目。",
    "项目名称与申报主体一样，全角字符与空格不影响对照。",
    "",
    "台账的每一笔写明申报主体、条款、金额、日期，以及所属项目（`project`）和计算基数（`base`）；批量评估时自动记下。",
    "案例中写作 `已获 第1条 400万 日期 2022年3月1日 所属项目 “一期” 基数 2000万`。",
    "",
    "```zc",
    ...SCOPE_EXAMPLE.trimEnd().split("\n"),
    "```",
    "",
  ];
}
