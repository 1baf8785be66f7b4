/**
 * How typed figures are read, everywhere: the policy's lexer, application validation, ledger and
 * clause references, and the playground's form all fold full-width forms and read 200万 the same
 * way, from here.
 */

/** Fold full-width ASCII forms (２００万，（嘉定）) and the ideographic space to half-width (same length). */
export function foldWidth(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += text[i];
  }
  return out;
}

/** The digits of a figure: 2,000,000 (commas only between groups of three), 200, 1.5. */
export const NUMBER_SOURCE = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?`;

/** The amount words and their powers of ten: 200万 is 200 × 10⁴ 元. */
export const AMOUNT_UNIT_POWER: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

// Spaces may separate the number from its unit ("200 万元"), never digits from digits ("12 34").
const NUMBER_TEXT = new RegExp(String.raw`^(-?)${NUMBER_SOURCE}\s*(.*)$`);

/** A typed number: its plain digits ("-2000000.5") and what follows (spaces removed), or undefined. */
export function readNumberText(raw: string): { digits: string; rest: string } | undefined {
  const m = NUMBER_TEXT.exec(foldWidth(raw).trim());
  if (!m) return undefined;
  return {
    digits: `${m[1]}${m[2]!.replace(/,/g, "")}${m[3] ?? ""}`,
    rest: m[4]!.replace(/\s+/g, ""),
  };
}

/** 千 and 百 before 万/亿/元 (2千万, 1.5千万, 5百元): powers of ten that multiply the unit. */
export const SMALL_UNIT_POWER: Readonly<Record<string, number>> = { 千: 3, 百: 2 };

const AMOUNT_REST = /^([千百])?(万|亿)?元?$/;

/**
 * A typed amount (200万, 1.5亿元, 3,000元, ２００万, 2千万, 两千万, 一百万元, 一亿五千万): its digits
 * and the power of ten of its unit.
 */
export function readAmountText(raw: string): { digits: string; power: number } | undefined {
  const n = readNumberText(raw);
  if (!n) return readChineseAmount(raw);
  const unit = AMOUNT_REST.exec(n.rest);
  if (!unit) return undefined;
  const small = unit[1] ? (SMALL_UNIT_POWER[unit[1]] ?? 0) : 0;
  return { digits: n.digits, power: small + (unit[2] ? (AMOUNT_UNIT_POWER[unit[2]] ?? 0) : 0) };
}

/** The value of each Chinese digit (两 and 〇 included); clause numbers read them too. */
export const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 };

/** A whole number below 10000 in Chinese numerals (两千五百, 十五, 一百零五), or undefined. */
function smallChinese(s: string): bigint | undefined {
  if (!s) return undefined;
  let total = 0n;
  let digit: number | undefined;
  let last = 4;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    const p = CN_UNIT[ch];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined; // 二五: digits in a row
      digit = d;
    } else if (p !== undefined) {
      if (p >= last) return undefined; // 百千: units must fall
      const times = digit ?? (p === 1 && total === 0n ? 1 : undefined); // 十五 is 15
      if (!times) return undefined;
      total += BigInt(times) * 10n ** BigInt(p);
      digit = undefined;
      last = p;
    } else return undefined;
  }
  return total + BigInt(digit ?? 0);
}

const CN_AMOUNT = /^(?:([^亿万]+)亿)?(?:([^亿万]+)万)?([^亿万]*)$/;

/**
 * An amount written in Chinese numerals (两千万, 一百万元, 一亿五千万, 三千元) as whole 元, or
 * undefined when it is not one. Only whole numbers: 一点五亿 is refused (write 1.5亿).
 */
export function readChineseAmount(raw: string): { digits: string; power: number } | undefined {
  const text = foldWidth(raw).replace(/\s+/g, "").replace(/元$/, "");
  const m = CN_AMOUNT.exec(text);
  if (!m || !text || !/[万亿]$|[十百千]|^[零〇一二两三四五六七八九]$/.test(text)) return undefined;
  let total = 0n;
  for (const [part, power] of [
    [m[1], 8n],
    [m[2], 4n],
    [m[3], 0n],
  ] as const) {
    if (part === undefined || (part === "" && power === 0n)) continue;
    const n = smallChinese(part);
    if (n === undefined) return undefined;
    total += n * 10n ** power;
  }
  return { digits: total.toString(), power: 0 };
}

/** How a Chinese-numeral amount is written in figures (两千万 → 2000万), for messages and quick fixes. */
export function amountInFigures(raw: string): string | undefined {
  const a = readChineseAmount(raw);
  if (!a) return undefined;
  const d = a.digits;
  if (d.length > 8 && d.endsWith("00000000")) return `${d.slice(0, -8)}亿`;
  if (d.length > 4 && /0{4}$/.test(d)) {
    const wan = d.slice(0, -4);
    return `${wan}万`;
  }
  return `${d}元`;
}
