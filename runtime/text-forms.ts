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

/** A typed amount (200万, 1.5亿元, 3,000元, ２００万): its digits and the power of ten of its unit. */
export function readAmountText(raw: string): { digits: string; power: number } | undefined {
  const n = readNumberText(raw);
  const unit = n && /^(万|亿)?元?$/.exec(n.rest);
  if (!n || !unit) return undefined;
  return { digits: n.digits, power: unit[1] ? (AMOUNT_UNIT_POWER[unit[1]] ?? 0) : 0 };
}
