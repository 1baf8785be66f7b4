/**
 * Semantic tokens from the compiler's own lexer, so an editor colours exactly the words the
 * compiler reads: keywords by category, declared names by kind, numbers, strings, comments.
 */
import type { SemanticTokens, SemanticTokensLegend } from "vscode-languageserver-types";
import { KEYWORDS, type KeywordCategory } from "../grammar/index.js";
import { textToTokens } from "../compiler/index.js";
import type { Analysis } from "./analysis.js";
import type { NameInfo } from "./types.js";

const TYPES = [
  "keyword",
  "operator",
  "type",
  "function",
  "property",
  "parameter",
  "variable",
  "enum",
  "enumMember",
  "string",
  "number",
  "comment",
  "namespace",
] as const;
type TokenKind = (typeof TYPES)[number];

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [] };

const BY_CATEGORY = {
  section: "keyword",
  header: "keyword",
  type: "type",
  statement: "keyword",
  award: "keyword",
  step: "keyword",
  operator: "operator",
  bound: "operator",
  function: "function",
  literal: "keyword",
} as const satisfies Record<KeywordCategory, TokenKind>;

const BY_NAME_KIND = {
  input: "property",
  param: "parameter",
  define: "variable",
  category: "enum",
  value: "enumMember",
} as const satisfies Record<NameInfo["kind"], TokenKind>;

const KEYWORD_KIND: ReadonlyMap<string, TokenKind> = new Map(
  KEYWORDS.map((k) => [k.name, BY_CATEGORY[k.category]]),
);
const OTHER: Record<string, TokenKind> = {
  Str: "string",
  Num: "number",
  DateTok: "number",
  ClauseNo: "namespace",
  Title: "string",
};

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
}

/** The tokens of a text in the protocol's relative encoding. */
export function semanticTokens(a: Analysis): SemanticTokens {
  const lex = textToTokens(a.text, a.known);
  const pieces: Piece[] = [];
  for (const t of lex.tokens) {
    const name = t.tokenType.name;
    const kind =
      name === "Name"
        ? BY_NAME_KIND[a.names.get(t.image)?.kind ?? "input"]
        : (KEYWORD_KIND.get(name) ?? OTHER[name]);
    if (kind) pieces.push({ start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, kind });
  }
  for (const c of lex.comments)
    pieces.push({ start: c.span.start, end: c.span.end, kind: "comment" });
  pieces.sort((x, y) => x.start - y.start);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const p of pieces) {
    // Tokens may not span lines: split at each newline.
    let from = p.start;
    while (from < p.end) {
      const nl = a.text.indexOf("\n", from);
      const to = nl < 0 || nl >= p.end ? p.end : nl;
      if (to > from) {
        const pos = a.lines.position(from);
        const line = pos.line - 1;
        const char = pos.col - 1;
        data.push(line - prevLine, line === prevLine ? char - prevChar : char, to - from);
        data.push(TYPES.indexOf(p.kind), 0);
        prevLine = line;
        prevChar = char;
      }
      from = to + 1;
    }
  }
  return { data };
}
