/**
 * keyword table → the language reference (Markdown). The committed docs/language-reference.md is
 * checked against this output by a test, so the reference cannot drift from the keywords.
 */
import { KEYWORDS, type KeywordCategory } from "./keywords.js";
import { BASICS } from "./reference-basics.js";
import { CLAUSES } from "./reference-clauses.js";
import { INPUTS } from "./reference-inputs.js";
import { amountsReference } from "./reference-amounts.js";
import { limitsReference } from "./reference-limits.js";
import { periodsReference } from "./reference-periods.js";
import { historyReference } from "./reference-history.js";
import { fundingReference } from "./reference-funding.js";
import { assertsReference } from "./reference-asserts.js";
import { placesReference } from "./reference-places.js";

const SECTIONS: [KeywordCategory, string][] = [
  ["section", "文件结构"],
  ["header", "政策标题中的事项"],
  ["type", "申报信息与参数的类型"],
  ["statement", "条款中的语句"],
  ["award", "资助方式"],
  ["step", "上限与调整"],
  ["operator", "判断与比较"],
  ["bound", "分档界限"],
  ["function", "函数与求和"],
  ["literal", "取值"],
];

/** The language reference as Markdown, one table per keyword category. */
export function referenceMarkdown(): string {
  const out = [
    "# zhengce 语言参考",
    "",
    "本文件由 `grammar/keywords.ts` 与 `grammar/reference-*.ts` 生成（`npm run docs`），请勿手工修改。",
    "前一部分说明每一种写法，并给出**可运行的示例**：每个 ` ```zc ` 示例都由测试 `test/unit/reference-examples.test.ts` 编译，" +
      "其中的案例逐一运行并须全部通过；紧随其后的 ` ```json ` 申报材料也按该示例计算（`total=` 写明期望的总额，元）。" +
      "后一部分是由关键词表生成的完整关键词表；每个关键词都至少出现在一个示例中，否则测试失败并指出缺少哪个关键词。",
    "全角与半角标点、数字均可使用；名称之间的空格可省略，除非两个名称直接相连。",
    "",
    ...BASICS,
    ...CLAUSES,
    ...INPUTS,
    "# 关键词表",
    "",
    "每个关键词的第一个写法为标准写法，其余为同义写法。",
    "",
  ];
  for (const [cat, title] of SECTIONS) {
    out.push(`## ${title}`, "", "| 关键词 | 同义写法 | 含义 | 示例 |", "| --- | --- | --- | --- |");
    for (const k of KEYWORDS.filter((x) => x.category === cat)) {
      const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
      out.push(
        `| ${k.spellings[0]} | ${k.spellings.slice(1).join("、")} | ${cell(k.doc)} | \`${cell(k.example)}\` |`,
      );
    }
    out.push("");
  }
  out.push(...limitsReference());
  out.push(...periodsReference());
  out.push(...historyReference());
  out.push(...assertsReference());
  out.push(...placesReference());
  out.push(...amountsReference());
  out.push(...fundingReference());
  return out.join("\n");
}
