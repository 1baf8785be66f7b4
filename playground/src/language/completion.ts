/**
 * Completion: keywords (from the keyword table, with their docs), the names the policy declares,
 * and clause templates.
 */
import { KEYWORDS } from "../../../grammar/index.js";
import type { AnalysisStore } from "../analysis-store.js";
import { monaco } from "../monaco.js";
import type { NameInfo } from "../protocol.js";
import {
  CATEGORY_ZH,
  clauseTemplates,
  keywordDocumentation,
  NAME_KIND_ZH,
  templatePreview,
} from "../../../language/index.js";

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
            documentation: { value: keywordDocumentation(kw) },
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
          documentation: { value: templatePreview(t) },
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
