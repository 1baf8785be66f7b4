/**
 * Reading JSON text with Chinese errors: where the text stops being JSON (line and column) and
 * what was expected there. The engine's English message is never shown; a small scanner finds the
 * place, because the engine does not always give a position. Linear in the text, no recursion.
 */

/** A JSON syntax error: 1-based line and column (in characters), and what is wrong, in Chinese. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export type JsonText =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: JsonSyntaxError };

/**
 * Parse JSON; on failure, the place and a Chinese description. A number with more significant
 * digits than a double keeps (15) is refused with the advice to send it as text: JSON.parse would
 * round it before anyone could check it (100000000000000.01 → …02).
 */
export function parseJsonText(text: string): JsonText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: jsonSyntaxError(text) };
  }
  const lossy = lossyNumber(text);
  return lossy ? { ok: false, error: lossy } : { ok: true, value };
}

/** Most significant digits a JSON number may have and still be read exactly as a double. */
export const JSON_NUMBER_DIGITS = 15;

/** Significant digits of a JSON number literal: its mantissa without leading or trailing zeros. */
function significantDigits(literal: string): number {
  const mantissa = literal
    .replace(/^-/, "")
    .replace(/[eE].*$/, "")
    .replace(".", "");
  return mantissa.replace(/^0+/, "").replace(/0+$/, "").length;
}

/** The first number in valid JSON `text` that a double cannot hold exactly, as an error. Linear. */
function lossyNumber(text: string): JsonSyntaxError | undefined {
  const num = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== "number") return undefined;
      i = end - 1;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      num.lastIndex = i;
      const literal = num.exec(text)?.[0] ?? c;
      if (significantDigits(literal) > JSON_NUMBER_DIGITS)
        return numberTooPrecise(text, i, literal);
      i += literal.length - 1;
    }
  }
  return undefined;
}

/** The error for a number at `offset` with more significant digits than a double keeps. */
export function numberTooPrecise(text: string, offset: number, literal: string): JsonSyntaxError {
  const shown = literal.length > 40 ? `${literal.slice(0, 40)}…` : literal;
  return at(
    text,
    offset,
    `数字 ${shown} 超过 ${JSON_NUMBER_DIGITS} 位有效数字，按 JSON 数字读取会丢失精度（如角、分）：请写成文字，如 "${shown}"`,
  );
}

/** The error as one sentence: 第 3 行第 5 列：…. */
export function jsonErrorText(e: JsonSyntaxError): string {
  return `第 ${e.line} 行第 ${e.col} 列：${e.message}`;
}

const VALUE = "此处应为一个值（对象、数组、用双引号括起的文字、数字、true、false 或 null）";
const WS = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

function at(text: string, offset: number, message: string): JsonSyntaxError {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf("\n");
  const line = before.length - before.replace(/\n/g, "").length + 1;
  const col = Array.from(before.slice(nl + 1)).length + 1;
  const ch = text.codePointAt(offset);
  const here =
    offset >= text.length
      ? "内容在此提前结束"
      : `此处为“${String.fromCodePoint(ch!).replace(/[\n\r\t]/, " ")}”`;
  return { line, col, message: `${message}（${here}）` };
}

/** Offset after a string starting at `i` (a quote), or an error. */
function scanString(text: string, i: number): number | JsonSyntaxError {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === '"') return j + 1;
    if (c < " ") return at(text, j, "文字中不能直接换行或含控制字符，请写作 \\n 等转义");
    if (c === "\\") {
      const e = text[j + 1];
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 5;
      else if (e !== undefined && ESCAPES.has(e)) j++;
      else return at(text, j, '无效的转义（可用 \\" \\\\ \\/ \\n \\t \\uXXXX 等）');
    }
  }
  return at(text, text.length, "文字缺少结尾的双引号");
}

/** Offset after a number, literal or string starting at `i`, or an error. */
function scanScalar(text: string, i: number): number | JsonSyntaxError {
  const c = text[i]!;
  if (c === '"') return scanString(text, i);
  const num = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  num.lastIndex = i;
  if (c === "-" || (c >= "0" && c <= "9")) {
    const m = num.exec(text);
    return m && m[0] !== "-" ? i + m[0].length : at(text, i, "数字格式不对（如 12、-3.5、1e6）");
  }
  for (const word of ["true", "false", "null"])
    if (text.startsWith(word, i)) return i + word.length;
  if (c === "'") return at(text, i, "文字应使用双引号，不能用单引号");
  return at(text, i, VALUE);
}

/** Where and why `text` is not JSON (meaningful only for text that JSON.parse refuses). */
export function jsonSyntaxError(text: string): JsonSyntaxError {
  const stack: string[] = [];
  // "value": a value is due; "key": a field name is due; "after": a value just ended.
  let want: "value" | "key" | "after" = "value";
  let justOpened = false;
  let afterComma = false;
  let i = 0;
  for (;;) {
    while (i < text.length && WS.has(text[i]!)) i++;
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === undefined) {
      if (want === "after" && !top) return at(text, i, "JSON 有误，但未能定位");
      return at(
        text,
        i,
        top ? `内容不完整，缺少“${top === "{" ? "}" : "]"}”` : "内容为空，应为 JSON",
      );
    }
    if (want === "after") {
      if (!top) return at(text, i, "JSON 已结束，后面多了内容");
      if (c === ",") {
        want = top === "{" ? "key" : "value";
        afterComma = true;
        justOpened = false;
        i++;
      } else if (c === (top === "{" ? "}" : "]")) {
        stack.pop();
        i++;
      } else return at(text, i, top === "{" ? "此处应为逗号或“}”" : "此处应为逗号或“]”");
      continue;
    }
    const closer = top === "{" ? "}" : "]";
    if (top && c === closer && (justOpened || afterComma)) {
      if (afterComma) return at(text, i, "最后一项后面多了逗号");
      stack.pop();
      i++;
      want = "after";
      continue;
    }
    justOpened = false;
    afterComma = false;
    if (want === "key") {
      if (c !== '"') return at(text, i, "此处应为用双引号括起的字段名");
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = end;
      while (i < text.length && WS.has(text[i]!)) i++;
      if (text[i] !== ":") return at(text, i, "字段名后应为冒号“:”");
      i++;
      want = "value";
      continue;
    }
    if (c === "{" || c === "[") {
      stack.push(c);
      i++;
      justOpened = true;
      want = c === "{" ? "key" : "value";
      continue;
    }
    const end = scanScalar(text, i);
    if (typeof end !== "number") return end;
    i = end;
    want = "after";
  }
}
