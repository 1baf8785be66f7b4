/**
 * Clause templates offered by completion: the common clause kinds as snippets. Every keyword in
 * them is spelled through the keyword table, so a renamed keyword renames the templates too.
 */
import { canonical as c } from "../grammar/index.js";

/** One clause template: a label, a Chinese description and the snippet body. */
export interface ClauseTemplate {
  readonly label: string;
  readonly detail: string;
  readonly body: string;
}

const head = "第${1:1}条 ${2:条款标题}";
const cond = `  ${c("Condition")} \${3:获得认定}`;

/** The templates, built on demand so that they follow the keyword table. */
export function clauseTemplates(): ClauseTemplate[] {
  return [
    {
      label: "条款：比例资助并设上限",
      detail: "按基数的比例计算，不超过上限",
      body: [
        head,
        cond,
        `  ${c("Award")} ${c("Ratio")} \${4:30%} ${c("Base")} \${5:项目实际投资}`,
        `  ${c("Cap")} \${6:200万}`,
      ].join("\n"),
    },
    {
      label: "条款：定额奖励",
      detail: "符合条件的给予固定金额",
      body: [head, cond, `  ${c("Award")} ${c("Fixed")} \${4:20万}`, `  ${c("Once")}`].join("\n"),
    },
    {
      label: "条款：按级别设不同上限",
      detail: "上限按类别取值（区级、市级、国家级）",
      body: [
        head,
        cond,
        `  ${c("Award")} ${c("Ratio")} \${4:30%} ${c("Base")} \${5:已投入金额}`,
        `  ${c("Cap")} ${c("Per")} \${6:项目级别}：\${7:区级} \${8:200万}，\${9:市级} \${10:500万}`,
      ].join("\n"),
    },
    {
      label: "条款：分档资助",
      detail: "按某一数值所在区间取值",
      body: [
        head,
        cond,
        `  ${c("Award")} ${c("Fixed")} ${c("Brackets")} \${4:营业收入}：`,
        `    \${5:1亿}${c("AtLeast")} ${c("Lt")}\${6:5亿}：\${7:50万}`,
        `    \${6:5亿}${c("AtLeast")}：\${8:100万}`,
      ].join("\n"),
    },
    {
      label: "条款：最高限额，经评审核定",
      detail: "最高金额，按核定金额给予",
      body: [head, cond, `  ${c("Award")} ${c("UpTo")} \${4:100万}`].join("\n"),
    },
    {
      label: "条款：分期拨付",
      detail: "按阶段的累计拨付比例",
      body: [
        head,
        cond,
        `  ${c("Award")} ${c("Ratio")} \${4:30%} ${c("Base")} \${5:项目实际投资}`,
        `  ${c("Cap")} \${6:200万}`,
        `  ${c("Payment")} ${c("Per")} \${7:项目阶段}：\${8:开工} \${9:30%}，\${10:验收} 100%`,
      ].join("\n"),
    },
    {
      label: "案例",
      detail: "内嵌测试案例：输入与期望结果",
      body: [
        `${c("Case")} “\${1:案例名称}”`,
        `  ${c("Date")} \${2:2022年3月1日}`,
        `  ${c("Given")} \${3:项目实际投资 500万}`,
        `  ${c("Expect")} 第\${4:1}条 \${5:150万}`,
      ].join("\n"),
    },
  ];
}
