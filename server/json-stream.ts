/**
 * Reading a JSON request body as it arrives (issue 12): each chunk's bytes are scanned once when
 * they come in — nesting depth, and numbers with more significant digits than a double keeps — so
 * that a 1 MB body costs the event loop many short steps instead of one long one, and a body nested
 * too deep is refused at the chunk that goes too deep, before the rest is read. At the end the
 * bytes are checked as UTF-8 and decoded in one native call each, and one `JSON.parse` builds the
 * value. The scan works on bytes: every byte that matters to it is ASCII, and no byte of a UTF-8
 * multi-byte character is, so characters cut between chunks need no care.
 */
import { isUtf8 } from "node:buffer";
import {
  JSON_NUMBER_DIGITS,
  jsonErrorText,
  jsonSyntaxError,
  numberTooPrecise,
} from "../runtime/index.js";
import { HttpError } from "./respond.js";

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/** Bytes that may continue a JSON number literal: digits, `.`, `e`, `E`, `+`, `-`. */
function numberByte(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === 46 || c === 101 || c === 69 || c === 43 || c === MINUS;
}

/** The longest literal quoted in a message. */
const SHOWN = 40;

/** An incremental reader of one JSON body: `push` each chunk, then `end` for the value. */
export class JsonBodyReader {
  private readonly chunks: Buffer[] = [];
  /** Bytes seen before the current chunk. */
  private size = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inNumber = false;
  /** The current number: where it starts (byte), its first characters, its significant digits. */
  private numStart = 0;
  private numText = "";
  private numInExponent = false;
  private numDigits = 0;
  private numTrailingZeros = 0;
  private numStarted = false;
  /** The first number a double cannot hold exactly: its byte offset and text. */
  private lossy?: { offset: number; literal: string };
  /** Where the next backslash of the current chunk is (-1: none; below the position: unknown). */
  private backslash = -1;
  /** Per open bracket, whether it is an object (its strings after `{` and `,` are field names). */
  private readonly objects: boolean[] = [];
  /** The next string is a field name. */
  private keyNext = false;
  /** Where the field name being read starts (byte), or -1 inside a string value. */
  private keyStart = -1;

  /**
   * @param maxKeyBytes the longest field name (in bytes of JSON text) that can mean anything to
   *   the request's policy: a longer one is refused at once, before the rest is read or parsed.
   */
  constructor(
    private readonly maxDepth: number,
    private readonly maxKeyBytes = Infinity,
  ) {}

  /** Take the next chunk; throws a 400 {@link HttpError} as soon as the body must be refused. */
  push(chunk: Uint8Array): void {
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!bytes.length) return;
    const base = this.size;
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.scan(bytes, base);
  }

  /** The whole body arrived: the parsed value, or a 400 {@link HttpError} saying why not. */
  end(): unknown {
    this.endNumber();
    const all = Buffer.concat(this.chunks, this.size);
    this.chunks.length = 0;
    if (!isUtf8(all)) throw new HttpError(400, "请求体不是有效的 UTF-8 文本");
    // a byte order mark is not part of the text (as TextDecoder reads it)
    const skip = all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? 3 : 0;
    const text = all.toString("utf8", skip);
    if (!text.trim()) throw new HttpError(400, "请求体为空：应为 JSON");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HttpError(400, `请求体不是有效的 JSON：${jsonErrorText(jsonSyntaxError(text))}`);
    }
    if (this.lossy) {
      const at = all.toString("utf8", skip, this.lossy.offset).length;
      const e = numberTooPrecise(text, at, this.lossy.literal);
      throw new HttpError(400, `请求体不是有效的 JSON：${jsonErrorText(e)}`);
    }
    return value;
  }

  private scan(bytes: Buffer, base: number): void {
    this.backslash = -2;
    let i = 0;
    const n = bytes.length;
    while (i < n) {
      if (this.inString) {
        i = this.skipString(bytes, i);
        if (
          this.keyStart >= 0 &&
          (this.inString ? base + i : base + i - 1) - this.keyStart > this.maxKeyBytes
        )
          this.keyTooLong();
        continue;
      }
      if (this.inNumber) {
        let j = i;
        while (j < n && numberByte(bytes[j]!)) j++;
        this.numberPart(bytes, i, j);
        i = j;
        if (j < n) this.endNumber();
        continue;
      }
      const c = bytes[i]!;
      if (c === QUOTE) {
        this.inString = true;
        this.keyStart = this.keyNext ? base + i + 1 : -1;
        this.keyNext = false;
      } else if (c === 123 || c === 91) {
        if (++this.depth > this.maxDepth)
          throw new HttpError(400, `JSON 嵌套过深：不能超过 ${this.maxDepth} 层`);
        this.objects.push(c === 123);
        this.keyNext = c === 123;
      } else if (c === 125 || c === 93) {
        this.depth--;
        this.objects.pop();
        this.keyNext = false;
      } else if (c === 44) this.keyNext = this.objects[this.objects.length - 1] === true;
      else if (c === MINUS || (c >= ZERO && c <= NINE)) {
        this.inNumber = true;
        this.numStart = base + i;
        this.numText = "";
        this.numInExponent = false;
        this.numDigits = 0;
        this.numTrailingZeros = 0;
        this.numStarted = false;
        continue; // the number's first character is read as part of it
      }
      i++;
    }
  }

  /** Inside a string from `i`: the offset after it ends, or the chunk's length if it goes on. */
  private skipString(bytes: Buffer, i: number): number {
    const n = bytes.length;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    let q = bytes.indexOf(QUOTE, i);
    for (;;) {
      // the next backslash of this chunk, found once per backslash (not once per string)
      if (this.backslash !== -1 && this.backslash < i) this.backslash = bytes.indexOf(BACKSLASH, i);
      const b = this.backslash;
      if (b === -1 || (q !== -1 && q < b)) break;
      if (b + 1 >= n) {
        this.escaped = true;
        return n;
      }
      i = b + 2; // past the escaped character (the hex digits of \uXXXX follow as plain text)
      if (q !== -1 && q < i) q = bytes.indexOf(QUOTE, i);
    }
    if (q === -1) return n;
    this.inString = false;
    return q + 1;
  }

  /** The bytes [from, to) of a number literal: count its significant digits. */
  private numberPart(bytes: Buffer, from: number, to: number): void {
    if (this.numText.length <= SHOWN)
      this.numText += bytes.toString(
        "latin1",
        from,
        Math.min(to, from + SHOWN + 1 - this.numText.length),
      );
    let started = this.numStarted;
    let digits = this.numDigits;
    let zeros = this.numTrailingZeros;
    let exponent = this.numInExponent;
    for (let k = from; k < to && !exponent; k++) {
      const c = bytes[k]!;
      if (c === 101 || c === 69) exponent = true;
      else if (c >= ZERO && c <= NINE && (started || c !== ZERO)) {
        // leading zeros are not significant; trailing zeros are dropped at the end
        started = true;
        digits++;
        zeros = c === ZERO ? zeros + 1 : 0;
      }
    }
    this.numStarted = started;
    this.numDigits = digits;
    this.numTrailingZeros = zeros;
    this.numInExponent = exponent;
  }

  /** Refuse a field name longer than any the policy knows, quoting its first characters. */
  private keyTooLong(): never {
    const head = Buffer.concat(this.chunks).subarray(this.keyStart, this.keyStart + 160);
    const shown = Array.from(new TextDecoder().decode(head)).slice(0, 40).join("");
    throw new HttpError(400, "请求体中有过长的字段名：本政策没有这样的字段", [
      {
        field: shown,
        message: `未知的字段“${shown}…”：字段名超过 ${this.maxKeyBytes} 个字节，比本政策的任何字段名都长（其余内容未读取）`,
      },
    ]);
  }

  private endNumber(): void {
    if (!this.inNumber) return;
    this.inNumber = false;
    if (!this.lossy && this.numDigits - this.numTrailingZeros > JSON_NUMBER_DIGITS)
      this.lossy = { offset: this.numStart, literal: this.numText };
  }
}
