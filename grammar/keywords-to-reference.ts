/**
 * keyword table → the language reference (Markdown). The committed docs/language-reference.md is
 * checked against this output by a test, so the reference cannot drift from the keywords.
 */
import { KEYWORDS, type KeywordCategory } from "./keywords.js";
import { limitsReference } from "./reference-limits.js";

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
    "本文件由 `grammar/keywords.ts` 生成（`npm run docs`），请勿手工修改。每个关键词的第一个写法为标准写法，其余为同义写法。",
    "全角与半角标点、数字均可使用；名称之间的空格可省略，除非两个名称直接相连。",
    "",
    "条款编号写作 `第N条`（`第3条`、`第十二条`）。文件中常见的 `第3条之一`、`第3条（一）`、`第3条第2款`、" +
      "`第三部分第2条` 以及行首的 `（一）`、`一、`、`1.` 目前不能作为条款编号：它们报错 E005 并给出可用的写法，" +
      "绝不会被读成 `第3条` 加标题。请另取一个未使用的编号，原文编号写进标题或 `原文`。",
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
  return out.join("\n");
}
