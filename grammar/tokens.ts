/**
 * Chevrotain token types. Keyword tokens are generated from the keyword table; the lexer
 * (text-to-tokens.ts) is hand-written because Chinese has no spaces between words.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { KEYWORDS, type KeywordName } from "./keywords.js";

const na = (name: string, label?: string): TokenType =>
  createToken({ name, pattern: Lexer.NA, ...(label ? { label } : {}) });

/** Keyword token types by keyword name (And, Cap, …). */
export const KW = Object.fromEntries(
  KEYWORDS.map((kw) => [kw.name, na(kw.name, `“${kw.spellings[0]}”`)]),
) as Readonly<Record<KeywordName, TokenType>>;

export const Name = na("Name", "名称");
export const Str = na("Str", "引号中的文字");
/** Numbers with their unit folded in; payload: {@link NumberPayload}. */
export const Num = na("Num", "数字");
export const DateTok = na("DateTok", "日期");
/** 第5条; payload: the clause number. */
export const ClauseNo = na("ClauseNo", "条款编号（如 第5条）");
/** The rest of a line after 政策 or 第N条; payload: the title text. */
export const Title = na("Title", "标题");
export const LParen = na("LParen", "“（”");
export const RParen = na("RParen", "“）”");
export const Colon = na("Colon", "“：”");
export const Comma = na("Comma", "“，”");
export const Semi = na("Semi", "“；”");
export const Dun = na("Dun", "“、”");
export const Assign = na("Assign", "“=”");
export const Plus = na("Plus", "“+”");
export const Minus = na("Minus", "“-”");
export const Times = na("Times", "“×”");
export const Divide = na("Divide", "“÷”");

/** Every token type, in the order the parser needs them registered. */
export const ALL_TOKENS: TokenType[] = [
  ...Object.values(KW),
  Name,
  Str,
  Num,
  DateTok,
  ClauseNo,
  Title,
  LParen,
  RParen,
  Colon,
  Comma,
  Semi,
  Dun,
  Assign,
  Plus,
  Minus,
  Times,
  Divide,
];

/** What a number token carries: its exact value and how it is written. */
export interface NumberPayload {
  /** money (元), percent (as a fraction), count, or rate (元 per unit). */
  readonly kind: "money" | "percent" | "count" | "rate";
  /** Exact decimal string; money in 元, percent as a fraction (30% → "0.3"). */
  readonly value: string;
  readonly unit?: string;
}

/** Symbols that stand for a keyword token (≥ means the same as 不低于). */
export const SYMBOL_KEYWORDS: Readonly<Record<string, KeywordName>> = {
  ">=": "Ge",
  "≥": "Ge",
  "<=": "Le",
  "≤": "Le",
  "!=": "Ne",
  "≠": "Ne",
  ">": "Gt",
  "<": "Lt",
};
