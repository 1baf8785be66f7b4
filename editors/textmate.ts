/**
 * The VS Code extension's TextMate grammar and language configuration, generated from the keyword
 * table so the vocabulary keeps one source. TextMate cannot know the names a policy declares
 * (which win over keywords in the compiler's lexer); the language server's semantic tokens colour
 * those exactly, and this grammar gives the first colours before the server answers.
 */
import { KEYWORDS, type KeywordCategory } from "../grammar/index.js";
import { AUTO_CLOSING, BRACKETS, LINE_COMMENT } from "../language/index.js";

export const KEYWORD_SCOPE = {
  section: "keyword.control.section.zc",
  header: "keyword.other.header.zc",
  type: "storage.type.zc",
  statement: "keyword.control.statement.zc",
  award: "keyword.other.award.zc",
  step: "keyword.other.step.zc",
  operator: "keyword.operator.zc",
  bound: "keyword.operator.bound.zc",
  function: "support.function.zc",
  literal: "constant.language.zc",
} as const satisfies Record<KeywordCategory, string>;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** An alternation of words, longest first (as the lexer matches them). */
const alternation = (words: readonly string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escapeRegex)
    .join("|");

const ORDER = Object.keys(KEYWORD_SCOPE) as KeywordCategory[];

/** The grammar as the JSON VS Code reads (syntaxes/zhengce.tmLanguage.json). */
export function textmateGrammar(): object {
  // TextMate takes, at one position, the first pattern that matches: patterns go longest word
  // first across all categories (年度累计上限 before 年度), as the compiler's lexer reads them.
  const spellings = KEYWORDS.flatMap((k) => k.spellings.map((w) => ({ w, c: k.category })));
  const lengths = [...new Set(spellings.map((s) => s.w.length))].sort((a, b) => b - a);
  const keywordPatterns = lengths.flatMap((len) =>
    ORDER.flatMap((category) => {
      const words = spellings.filter((s) => s.w.length === len && s.c === category).map((s) => s.w);
      return words.length ? [{ name: KEYWORD_SCOPE[category], match: alternation(words) }] : [];
    }),
  );
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "zhengce",
    scopeName: "source.zc",
    comment: "由 editors/textmate.ts 从关键字表生成，请勿手改（npm run editors）",
    patterns: [
      { include: "#comment" },
      { include: "#string" },
      { include: "#rank" },
      { include: "#clause" },
      { include: "#date" },
      { include: "#number" },
      { include: "#keywords" },
    ],
    repository: {
      comment: { name: "comment.line.number-sign.zc", match: "[#＃].*$" },
      string: {
        patterns: [
          {
            name: "string.quoted.double.zc",
            begin: "“",
            end: "”",
            patterns: [{ include: "#nested" }],
          },
          { name: "string.quoted.double.zc", begin: '"', end: '"' },
          { name: "variable.other.quoted.zc", begin: "「", end: "」" },
        ],
      },
      nested: { begin: "“", end: "”", patterns: [{ include: "#nested" }] },
      // places: 第10名, 前十名 (numbers, like the lexer's rank tokens)
      rank: {
        name: "constant.numeric.rank.zc",
        match: "[第前](?:[0-9０-９]{1,4}|[一二两三四五六七八九十百]{1,4})名(?![额次单])",
      },
      clause: {
        name: "entity.name.section.clause.zc",
        match:
          "第[0-9０-９零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?(?:（[一二三四五六七八九十]+）)?",
      },
      date: {
        name: "constant.numeric.date.zc",
        match: "[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[0-9]{4}-[0-9]{2}-[0-9]{2}",
      },
      number: {
        name: "constant.numeric.zc",
        match: "[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?(?:万|亿|千)?(?:元|%|％)?",
      },
      keywords: { patterns: keywordPatterns },
    },
  };
}

/** The language configuration: comments, brackets (full-width too) and auto-closing quotes. */
export function languageConfiguration(): object {
  return {
    comments: { lineComment: LINE_COMMENT },
    brackets: BRACKETS,
    autoClosingPairs: [
      ...AUTO_CLOSING.map(([open, close]) => ({ open, close })),
      { open: '"', close: '"' },
    ],
    surroundingPairs: AUTO_CLOSING,
    wordPattern: "[^\\s#“”「」（）()，,：:、；;]+",
  };
}
