/**
 * Completion: keywords (from the keyword table, with their docs), the names the policy declares,
 * and clause templates.
 */
import { KEYWORDS, type KeywordCategory } from "../../../grammar/index.js";
import type { AnalysisStore } from "../analysis-store.js";
import { monaco } from "../monaco.js";
import type { NameInfo } from "../protocol.js";
import { clauseTemplates } from "./snippets.js";

/** Category names in Chinese, shown beside each keyword. */
export const CATEGORY_ZH: Record<KeywordCategory, string> = {
  section: "段落",
  header: "政策信息",
  type: "类型",
  statement: "语句",
  award: "资助方式",
  step: "计算步骤",
  operator: "运算与比较",
  bound: "分档边界",
  function: "函数",
  literal: "取值",
};

const NAME_KIND_ZH: Record<NameInfo["kind"], string> = {
  input: "申报信息",
  param: "参数",
  define: "定义",
  category: "分类",
  value: "类别取值",
};

const Kind = monaco.languages.CompletionItemKind;
const NAME_ITEM_KIND: Record<NameInfo["kind"], monaco.languages.CompletionItemKind> = {
  input: Kind.Field,
  param: Kind.Constant,
  define: Kind.Variable,
  category: Kind.Enum,
  value: Kind.EnumMember,
};

/** The completion provider for the policy language. */
export function completionProvider(store: AnalysisStore): monaco.languages.CompletionItemProvider {
  return {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      const suggestions: monaco.languages.CompletionItem[] = [];
      for (const n of store.nameIndex.values()) {
        suggestions.push({
          label: { label: n.name, description: NAME_KIND_ZH[n.kind] },
          kind: NAME_ITEM_KIND[n.kind],
          detail: `${NAME_KIND_ZH[n.kind]} · ${n.typeText}`,
          documentation: n.description ?? "",
          insertText: n.name,
          range,
          sortText: `0${n.name}`,
        });
      }
      for (const kw of KEYWORDS) {
        for (const spelling of kw.spellings) {
          suggestions.push({
            label: { label: spelling, description: CATEGORY_ZH[kw.category] },
            kind: Kind.Keyword,
            detail: `关键字（${CATEGORY_ZH[kw.category]}）`,
            documentation: {
              value: `${kw.doc}\n\n例：\n\n    ${kw.example.replace(/\n/g, "\n    ")}`,
            },
            insertText: spelling,
            range,
            sortText: `1${spelling}`,
          });
        }
      }
      for (const t of clauseTemplates()) {
        suggestions.push({
          label: { label: t.label, description: "模板" },
          kind: Kind.Snippet,
          detail: t.detail,
          documentation: {
            value: "    " + t.body.replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\n/g, "\n    "),
          },
          insertText: t.body,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          range,
          sortText: `2${t.label}`,
        });
      }
      return { suggestions };
    },
  };
}
