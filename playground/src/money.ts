/**
 * Money as text, exactly: amounts cross the worker boundary as decimal strings in 元, and the form
 * accepts the units drafters write (200万, 1.5亿, 3,000元). Only decimal-point shifts are needed,
 * so this works on digit strings and never goes through a float.
 */
import { readAmountText } from "../../runtime/index.js";

interface Dec {
  readonly negative: boolean;
  /** Digits without leading zeros ("" for zero). */
  readonly digits: string;
  /** The value is digits × 10^exp. */
  readonly exp: number;
}

function parseDec(s: string): Dec | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const frac = m[3] ?? "";
  const digits = (m[2]! + frac).replace(/^0+/, "");
  return { negative: m[1] === "-" && digits !== "", digits, exp: -frac.length };
}

function decToString(d: Dec): string {
  if (d.digits === "") return "0";
  let s: string;
  if (d.exp >= 0) s = d.digits + "0".repeat(d.exp);
  else {
    const padded = d.digits.padStart(-d.exp + 1, "0");
    const int = padded.slice(0, padded.length + d.exp);
    const frac = padded.slice(padded.length + d.exp).replace(/0+$/, "");
    s = frac ? `${int}.${frac}` : int;
  }
  return (d.negative ? "-" : "") + s;
}

/** A plain decimal string multiplied by 10^k, trailing zeros removed. */
export function shiftDecimal(value: string, k: number): string | null {
  const d = parseDec(value);
  return d ? decToString({ ...d, exp: d.exp + k }) : null;
}

/**
 * Parse a money entry such as `200万`, `1.5亿元`, `3,000元` or `2000000` into 元, read as the
 * evaluator reads it (the runtime's `readAmountText`).
 */
export function parseMoneyInput(raw: string): { yuan: string } | { error: string } {
  const a = readAmountText(raw);
  if (!a) return { error: `“${raw}”不是金额，请写成 200万、1.5亿 或 3000元 这样的形式` };
  const yuan = shiftDecimal(a.digits, a.power);
  if (yuan === null) return { error: `“${raw}”不是金额` };
  if (yuan.startsWith("-")) return { error: "金额不能为负数" };
  const frac = yuan.split(".")[1] ?? "";
  if (frac.length > 2) return { error: "金额最多精确到分（0.01元）" };
  return { yuan };
}

/** An amount in 元 written as a literal of the language (500万, 1234.5元) for a new case. */
export function moneyLiteral(yuan: string): string {
  const norm = shiftDecimal(yuan, 0) ?? "0";
  const wan = shiftDecimal(norm, -4)!;
  return (wan.split(".")[1] ?? "").length <= 2 && norm !== "0" ? `${wan}万` : `${norm}元`;
}
