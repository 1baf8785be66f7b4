/**
 * Completion: the names the policy declares, keywords (from the keyword table, with their docs)
 * and clause templates, as protocol completion items.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
} from "vscode-languageserver-types";
import { KEYWORDS, type KeywordSpec } from "../grammar/index.js";
import type { Analysis } from "./analysis.js";
import { clauseTemplates, type ClauseTemplate } from "./templates.js";
import type { NameInfo } from "./types.js";
import { CATEGORY_ZH, NAME_KIND_ZH } from "./words.js";

const NAME_ITEM_KIND = {
  input: CompletionItemKind.Field,
  param: CompletionItemKind.Constant,
  define: CompletionItemKind.Variable,
  category: CompletionItemKind.Enum,
  value: CompletionItemKind.EnumMember,
} as const satisfies Record<NameInfo["kind"], CompletionItemKind>;

/** A keyword's documentation: what it means and an example (Markdown). */
export function keywordDocumentation(kw: KeywordSpec): string {
  return `${kw.doc}\n\n例：\n\n    ${kw.example.replace(/\n/g, "\n    ")}`;
}

/** A template's body as the drafter will see it once inserted (Markdown code block). */
export function templatePreview(t: ClauseTemplate): string {
  return "    " + t.body.replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\n/g, "\n    ");
}

/** Every completion item for a text; the editor filters them by the word typed. */
export function completionItems(a: Analysis): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const n of a.names.values()) {
    items.push({
      label: n.name,
      labelDetails: { description: NAME_KIND_ZH[n.kind] },
      kind: NAME_ITEM_KIND[n.kind],
      detail: `${NAME_KIND_ZH[n.kind]} · ${n.typeText}`,
      ...(n.description ? { documentation: n.description } : {}),
      sortText: `0${n.name}`,
    });
  }
  for (const kw of KEYWORDS) {
    for (const spelling of kw.spellings) {
      items.push({
        label: spelling,
        labelDetails: { description: CATEGORY_ZH[kw.category] },
        kind: CompletionItemKind.Keyword,
        detail: `关键字（${CATEGORY_ZH[kw.category]}）`,
        documentation: { kind: MarkupKind.Markdown, value: keywordDocumentation(kw) },
        sortText: `1${spelling}`,
      });
    }
  }
  for (const t of clauseTemplates()) {
    items.push({
      label: t.label,
      labelDetails: { description: "模板" },
      kind: CompletionItemKind.Snippet,
      detail: t.detail,
      documentation: { kind: MarkupKind.Markdown, value: templatePreview(t) },
      insertText: t.body,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `2${t.label}`,
    });
  }
  return items;
}
