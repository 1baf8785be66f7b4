/**
 * Highlighting, generated from the keyword table plus the names the current policy declares.
 * Monarch takes the first rule that matches, not the longest, so all words go into one alternation
 * sorted longest-first (as the lexer does) and `cases` maps the matched word to its category.
 */
import { KEYWORDS, type KeywordCategory } from "../../../grammar/index.js";
import type { monaco } from "../monaco.js";

type Monarch = monaco.languages.IMonarchLanguage;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Every keyword category, each with its spellings. */
function spellingsByCategory(): Map<KeywordCategory, string[]> {
  const map = new Map<KeywordCategory, string[]>();
  for (const kw of KEYWORDS)
    map.set(kw.category, [...(map.get(kw.category) ?? []), ...kw.spellings]);
  return map;
}

/** The Monarch definition for a policy declaring `names`. */
export function monarchFor(names: readonly string[]): Monarch {
  const byCategory = spellingsByCategory();
  const keywordSpellings = [...byCategory.values()].flat();
  const all = [...new Set([...names, ...keywordSpellings])].sort((a, b) => b.length - a.length);
  const cases: Record<string, string> = { "@declaredNames": "variable.name" };
  const attributes: Record<string, string[]> = { declaredNames: [...names] };
  for (const [category, spellings] of byCategory) {
    attributes[`kw_${category}`] = spellings;
    cases[`@kw_${category}`] = `keyword.${category}`;
  }
  cases["@default"] = "identifier";
  const titleWords = KEYWORDS.filter((k) => k.name === "Policy" || k.name === "Guideline").flatMap(
    (k) => k.spellings,
  );
  const titleLead = new RegExp(`^(${titleWords.map(escapeRegex).join("|")})([ \\t]+)([^#\\n]*)`);
  return {
    ...attributes,
    defaultToken: "",
    tokenPostfix: ".zc",
    tokenizer: {
      root: [
        // Titles run to the end of the line (as in the lexer): nothing in them is a keyword.
        [titleLead, ["keyword.section", "white", "title"]],
        [
          /^(\s*)(第[0-9０-９一二三四五六七八九十百零〇两]+条(?:之[0-9０-９一二三四五六七八九十百零〇两]+|[（(][0-9０-９一二三四五六七八九十百零〇两]+[)）])?)([ \t]+)([^#\n]*)/,
          ["white", "type.clause", "white", "title"],
        ],
        [/#.*$/, "comment"],
        [/“/, { token: "string", next: "@quoted" }],
        [/"[^"]*("|$)/, "string"],
        [/「[^」]*(」|$)/, "string"],
        // places: 第10名, 前十名 (numbers, like the lexer's rank tokens)
        [/[第前](?:[0-9０-９]{1,4}|[一二两三四五六七八九十百]{1,4})名(?![额次单])/, "number"],
        [
          /第[0-9０-９一二三四五六七八九十百零〇两]+条(?:之[0-9０-９一二三四五六七八九十百零〇两]+|[（(][0-9０-９一二三四五六七八九十百零〇两]+[)）])?/,
          "type.clause",
        ],
        [/\d{4}年\d{1,2}月\d{1,2}日/, "number.date"],
        [/\d+(\.\d+)?\s*(%|％|万元|万|亿元|亿|元)?/, "number"],
        ...(all.length ? [[new RegExp(all.map(escapeRegex).join("|")), { cases }] as const] : []),
        [/[\u3400-\u9fffA-Za-z_]/, "identifier"],
        [/[：:，,、（）()=+\-×*/÷<>]/, "delimiter"],
      ] as Monarch["tokenizer"][string],
      // “…” nest (“获得“上海市智能工厂”授牌”) and end at the line's end, as in the lexer.
      quoted: [
        [/^/, { token: "", next: "@popall" }],
        [/[^“”]+/, "string"],
        [/“/, { token: "string", next: "@push" }],
        [/”/, { token: "string", next: "@pop" }],
      ],
    },
  };
}

/** Token colours for the policy language (light theme). */
export const themeRules: monaco.editor.ITokenThemeRule[] = [
  { token: "comment", foreground: "5f6368", fontStyle: "italic" },
  { token: "string", foreground: "a0522d" },
  { token: "number", foreground: "0b7a3e" },
  { token: "number.date", foreground: "0b7a3e" },
  { token: "type.clause", foreground: "8b0000", fontStyle: "bold" },
  { token: "title", foreground: "1f1f1f", fontStyle: "bold" },
  { token: "keyword.section", foreground: "8b0000", fontStyle: "bold" },
  { token: "keyword.header", foreground: "8b3a62" },
  { token: "keyword.type", foreground: "2e7d32" },
  { token: "keyword.statement", foreground: "0d47a1", fontStyle: "bold" },
  { token: "keyword.award", foreground: "6a1b9a" },
  { token: "keyword.step", foreground: "00695c" },
  { token: "keyword.operator", foreground: "c05600" },
  { token: "keyword.bound", foreground: "c05600" },
  { token: "keyword.function", foreground: "6a1b9a" },
  { token: "keyword.literal", foreground: "0b7a3e" },
  { token: "variable.name", foreground: "1a237e" },
  { token: "identifier", foreground: "1f1f1f" },
  { token: "delimiter", foreground: "555555" },
];
