import { CN_DIGIT } from "../runtime/text-forms.js";

/**
 * Clause ids as documents write them (issue 10 §4). Accepted: 第N条, and the sub-clause forms
 * 第N条之M (an article inserted after 第N条) and 第N条（M） (item M of 第N条). Refused with one
 * error that shows the accepted forms, never read as 第N条 with the rest as its title: 第3条第2款,
 * 第三部分第2条, and list markers such as （一）, 一、, 1. at the start of a line (these number
 * paragraphs, not clauses, and the same marker repeats under every part). Works on the lexer's
 * folded text (full-width → half-width).
 */

/**
 * A clause's key: N for 第N条; for a sub-clause its canonical text without 第…条, "3之一" or
 * "3（一）" (Chinese numerals, full-width brackets), so 第3条之1 and 第三条之一 are one clause.
 */
export type ClauseKey = number | string;

const NUM = "(?:\\d+|[零〇一二两三四五六七八九十百]+)";

/** 第N条 itself. */
const CLAUSE = new RegExp(`第(${NUM})条`, "y");
/** The accepted sub-clause tails right after 第N条: 之一, (一). */
const SUB_CLAUSE = new RegExp(`之(${NUM})|\\((${NUM})\\)`, "y");
/** Refused tails right after 第N条: 第2款, 第3项, 第1目. */
const AFTER_CLAUSE = new RegExp(`第${NUM}[款项目]`, "y");
/** 第三部分, 第二章, 第一节 right before 第N条. */
const BEFORE_CLAUSE = new RegExp(`第${NUM}(?:部分|章|节|编)[ \\t]*(?=第${NUM}条)`, "y");
/** List markers that open a line: (一), 一、, 1., 1、 (not 1.5, a decimal). */
const LINE_MARKER = new RegExp(
  `\\(${NUM}\\)|[零〇一二两三四五六七八九十百]+、|\\d+[.、](?!\\d)`,
  "y",
);

function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}
const lengthAt = (re: RegExp, text: string, pos: number): number =>
  matchAt(re, text, pos)?.[0].length ?? 0;

/** The accepted forms, for the help text of every rejected id. */
export const CLAUSE_ID_HELP =
  "条款编号可写作 第N条（如 第3条、第十二条），子条款写作 第N条之M（如 第3条之一）或 第N条（M）（如 第3条（一））。" +
  "款、项编号（第3条第2款）、分部分编号（第三部分第2条）和行首的列表编号（（一）、一、、1.）不能作为条款编号；" +
  "请改用上述写法之一（如 第3条（二）、第31条），并把原文编号写进标题或 原文 中。";

/** Parse a Chinese or Arabic number (五, 十二, 一百零三, 12). */
export function clauseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === "百") {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (ch === "十") {
      total += (cur || 1) * 10;
      cur = 0;
    } else cur = CN_DIGIT[ch] ?? 0;
  }
  return total + cur;
}

const CN = "零一二三四五六七八九";

/** The largest sub-clause number (之九十九, （九十九）): documents never go further. */
export const MAX_SUB_CLAUSE = 99;

/** 1 → 一, 12 → 十二, 20 → 二十 (sub-clause numbers as documents print them; 0 ≤ n ≤ 99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SUB_CLAUSE)
    throw new Error(`bad sub-clause number ${n}`);
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ""}`;
  return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ""}`;
}

/** An accepted id at pos: its length and key, or undefined. */
export function clauseIdAt(
  text: string,
  pos: number,
): { len: number; key: ClauseKey; article: number; sub?: number } | undefined {
  const m = matchAt(CLAUSE, text, pos);
  if (!m) return undefined;
  const n = clauseNumber(m[1]!);
  const sub = matchAt(SUB_CLAUSE, text, pos + m[0].length);
  if (!sub) return { len: m[0].length, key: n, article: n };
  const k = clauseNumber(sub[1] ?? sub[2]!);
  const len = m[0].length + sub[0].length;
  // numbers beyond MAX_SUB_CLAUSE get no key (the lexer reports E260): keys must read back
  if (!(k <= MAX_SUB_CLAUSE)) return { len, key: n, article: n, sub: k };
  const key = sub[1] ? `${n}之${chineseNumber(k)}` : `${n}（${chineseNumber(k)}）`;
  return { len, key, article: n, sub: k };
}

/**
 * The length of an id-like run at pos that is not an accepted id, or 0. `clauseLen` is the length
 * of an accepted id at pos (0 when there is none); `lineStart` says whether only blanks precede pos.
 */
export function rejectedClauseIdAt(
  text: string,
  pos: number,
  clauseLen: number,
  lineStart: boolean,
): number {
  if (clauseLen > 0) {
    const tail = lengthAt(AFTER_CLAUSE, text, pos + clauseLen);
    return tail > 0 ? clauseLen + tail : 0;
  }
  const part = lengthAt(BEFORE_CLAUSE, text, pos);
  if (part > 0) {
    const clause = clauseIdAt(text, pos + part)?.len ?? 0;
    const tail = lengthAt(AFTER_CLAUSE, text, pos + part + clause);
    return part + clause + tail;
  }
  return lineStart ? lengthAt(LINE_MARKER, text, pos) : 0;
}

/** The clause key a rejected id's token carries: no clause has it, so no other error follows. */
export const REJECTED_CLAUSE = -1;

/** How a key is written in a policy: 第3条, 第3条之一, 第3条（一）. */
export function clauseKeyText(key: ClauseKey): string {
  if (typeof key === "number") return `第${key}条`;
  const m = /^(\d+)(.*)$/.exec(key);
  return m ? `第${m[1]}条${m[2]}` : key;
}

/** A number that sorts keys in document order: 第3条 < 第3条（一） < 第3条之一 < 第4条. */
export function clauseOrder(key: ClauseKey): number {
  if (typeof key === "number") return key;
  const m = /^(\d+)(之|（)(.+?)）?$/.exec(key);
  if (!m) return Number.MAX_SAFE_INTEGER;
  const sub = clauseNumber(m[3]!);
  return Number(m[1]) + (m[2] === "之" ? 0.5 : 0) + sub / 2000;
}

/**
 * The suffix of a generated function name for a clause: 5 → "5", "3之一" → "3_zhi_1", "3（一）" →
 * "3_item_1". Checked: anything else is refused rather than pasted into code.
 */
export function clauseIdentSuffix(key: ClauseKey): string {
  if (typeof key === "number") {
    if (!Number.isSafeInteger(key) || key < 0) throw new Error(`bad clause key ${key}`);
    return String(key);
  }
  const m = /^(\d+)(之|（)([零〇一二两三四五六七八九十百]+)）?$/.exec(key);
  if (!m || (m[2] === "（") !== key.endsWith("）"))
    throw new Error(`bad clause key ${JSON.stringify(key)}`);
  return `${m[1]}_${m[2] === "之" ? "zhi" : "item"}_${clauseNumber(m[3]!)}`;
}
