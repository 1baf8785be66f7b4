/**
 * Hover: on a keyword, what it means and an example (from the keyword table); on a declared name,
 * its kind, type, description, definition and uses.
 */
import { spellingTable } from "../../../grammar/index.js";
import type { AnalysisStore } from "../analysis-store.js";
import { monaco } from "../monaco.js";
import type { NameInfo } from "../protocol.js";
import { CATEGORY_ZH } from "./completion.js";
import { escapeMarkdown as esc } from "./markdown.js";
import { wordAt } from "./scan.js";

const SPELLINGS = spellingTable();

const KIND_ZH: Record<NameInfo["kind"], string> = {
  input: "申报信息（输入）",
  param: "参数",
  define: "定义（计算值）",
  category: "分类",
  value: "类别取值",
};

/** The word under the cursor, matching declared names first as the lexer does. */
export function wordUnder(
  store: AnalysisStore,
  model: monaco.editor.ITextModel,
  pos: monaco.IPosition,
) {
  const words = new Set<string>([...SPELLINGS.keys(), ...store.nameIndex.keys()]);
  let max = 0;
  for (const w of words) max = Math.max(max, w.length);
  return wordAt(model.getLineContent(pos.lineNumber), pos.column, words, max);
}

function lines(spans: readonly { line: number }[]): string {
  const ls = [...new Set(spans.map((s) => s.line))];
  const shown = ls.slice(0, 12).map((l) => `第${l}行`);
  return shown.join("、") + (ls.length > 12 ? ` 等 ${ls.length} 处` : "");
}

function nameHover(n: NameInfo): string[] {
  const out = [`**${esc(n.name)}** — ${KIND_ZH[n.kind]}`, `类型：${esc(n.typeText)}`];
  if (n.description) out.push(`说明：${esc(n.description)}`);
  out.push(n.inPolicy ? `定义于所依据的政策第${n.def.line}行` : `定义于第${n.def.line}行`);
  out.push(n.uses.length ? `使用 ${n.uses.length} 处：${lines(n.uses)}` : "尚未使用");
  return out;
}

/** The hover provider for the policy language. */
export function hoverProvider(store: AnalysisStore): monaco.languages.HoverProvider {
  return {
    provideHover(model, position) {
      const w = wordUnder(store, model, position);
      if (!w) return null;
      const range = new monaco.Range(
        position.lineNumber,
        w.startCol,
        position.lineNumber,
        w.endCol,
      );
      const name = store.nameIndex.get(w.text);
      if (name) return { range, contents: nameHover(name).map((value) => ({ value })) };
      const kw = SPELLINGS.get(w.text);
      if (!kw) return null;
      const others = kw.spellings.filter((s) => s !== w.text);
      const contents = [
        { value: `**${w.text}** — 关键字（${CATEGORY_ZH[kw.category]}）` },
        { value: kw.doc },
        { value: "例：\n\n    " + kw.example.replace(/\n/g, "\n    ") },
      ];
      if (others.length) contents.push({ value: `也可写作：${others.join("、")}` });
      return { range, contents };
    },
  };
}
