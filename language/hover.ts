/**
 * Hover text: on a keyword, what it means and an example (from the keyword table); on a declared
 * name, its kind, type, description, definition and uses. Markdown, for every editor.
 */
import type { KeywordSpec } from "../grammar/index.js";
import type { NameInfo } from "./types.js";
import { escapeMarkdown } from "./markdown.js";
import { CATEGORY_ZH } from "./words.js";

const KIND_ZH: Record<NameInfo["kind"], string> = {
  input: "申报信息（输入）",
  param: "参数",
  define: "定义（计算值）",
  category: "分类",
  value: "类别取值",
};

function lines(spans: readonly { line: number }[]): string {
  const ls = [...new Set(spans.map((s) => s.line))];
  const shown = ls.slice(0, 12).map((l) => `第${l}行`);
  return shown.join("、") + (ls.length > 12 ? ` 等 ${ls.length} 处` : "");
}

/** Hover paragraphs for a declared name. */
export function nameHover(n: NameInfo): string[] {
  const esc = escapeMarkdown;
  const out = [`**${esc(n.name)}** — ${KIND_ZH[n.kind]}`, `类型：${esc(n.typeText)}`];
  if (n.description) out.push(`说明：${esc(n.description)}`);
  out.push(n.inPolicy ? `定义于所依据的政策第${n.def.line}行` : `定义于第${n.def.line}行`);
  out.push(n.uses.length ? `使用 ${n.uses.length} 处：${lines(n.uses)}` : "尚未使用");
  return out;
}

/** Hover paragraphs for a keyword, as written (`spelling`). */
export function keywordHover(spelling: string, kw: KeywordSpec): string[] {
  const others = kw.spellings.filter((s) => s !== spelling);
  const out = [
    `**${spelling}** — 关键字（${CATEGORY_ZH[kw.category]}）`,
    kw.doc,
    "例：\n\n    " + kw.example.replace(/\n/g, "\n    "),
  ];
  if (others.length) out.push(`也可写作：${others.join("、")}`);
  return out;
}
