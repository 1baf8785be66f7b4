/**
 * The service reads JSON bodies chunk by chunk (server/json-stream.ts, issue 12): the same value
 * and the same Chinese errors as reading the whole text at once, wherever the chunks are cut, and
 * work per chunk bounded by the chunk (a body nested too deep is refused at its first chunk).
 */
import { describe, expect, it } from "vitest";
import { jsonErrorText, parseJsonText } from "../../runtime/index.js";
import { JsonBodyReader } from "../../server/json-stream.js";
import { HttpError } from "../../server/respond.js";
import { int, pick, rng } from "../support/random.js";

/** Read `bytes` cut at the given offsets; the value, or the refusal's message. */
function read(bytes: Uint8Array, cuts: readonly number[], maxDepth = 32): unknown {
  const r = new JsonBodyReader(maxDepth);
  try {
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      r.push(bytes.subarray(from, cut));
      from = cut;
    }
    return { value: r.end() };
  } catch (e) {
    if (e instanceof HttpError) return { refused: e.status, message: e.message };
    throw e;
  }
}

/** What reading the whole text at once gives (the service's answer before the streaming reader). */
function whole(text: string): unknown {
  if (!text.trim()) return { refused: 400, message: "请求体为空：应为 JSON" };
  const p = parseJsonText(text);
  return p.ok
    ? { value: p.value }
    : { refused: 400, message: `请求体不是有效的 JSON：${jsonErrorText(p.error)}` };
}

const STRINGS = ["", "上海", 'a"b', "\\", "\n", "\u2028", "😀", "x".repeat(70), "\\u0041"];
const NUMBERS = ["0", "-0", "12", "-3.5", "1e6", "1.25E-3", "0.000001", "100000000000000.01"];
const NUMBERS_LOSSY = ["999999999999999.99", "1234567890123456", "-0.12345678901234567"];

function randomJson(r: () => number, depth: number): string {
  const k = int(r, 0, depth > 3 ? 4 : 6);
  if (k === 0) return JSON.stringify(pick(r, STRINGS));
  if (k === 1) return pick(r, r() < 0.05 ? NUMBERS_LOSSY : NUMBERS);
  if (k === 2) return pick(r, ["true", "false", "null"]);
  if (k === 3) return `${int(r, 0, 99999)}.${int(r, 0, 99)}`;
  if (k === 4) return JSON.stringify(pick(r, STRINGS) + pick(r, STRINGS));
  const n = int(r, 0, 4);
  const items = Array.from({ length: n }, () => randomJson(r, depth + 1));
  if (k === 5) return `[ ${items.join(" ,\n")} ]`;
  return `{${items.map((v, i) => `${JSON.stringify(pick(r, STRINGS) + i)} : ${v}`).join(",")}}`;
}

/** Damage valid JSON now and then: cut it short, drop or add a character. */
function damage(r: () => number, text: string): string {
  const i = int(r, 0, text.length);
  switch (int(r, 0, 5)) {
    case 0:
      return text.slice(0, i);
    case 1:
      return text.slice(0, i) + text.slice(i + 1);
    case 2:
      return text.slice(0, i) + pick(r, ["{", "]", ",", '"', "\\", "x", "0"]) + text.slice(i);
    default:
      return text;
  }
}

describe("JSON bodies read chunk by chunk", () => {
  it("gives the value and the errors of a whole read, wherever the chunks are cut", () => {
    const r = rng(12);
    const enc = new TextEncoder();
    for (let n = 0; n < 3000; n++) {
      const text = damage(r, randomJson(r, 0));
      const bytes = enc.encode(text);
      const cuts = Array.from({ length: int(r, 0, 6) }, () => int(r, 0, bytes.length)).sort(
        (a, b) => a - b,
      );
      expect(read(bytes, cuts), `${JSON.stringify(text)} cut at ${cuts.join(",")}`).toEqual(
        whole(new TextDecoder().decode(bytes)), // (a damaged surrogate pair becomes U+FFFD)
      );
    }
  });

  it("refuses bad UTF-8, also when a character is cut between chunks", () => {
    const bytes = new TextEncoder().encode('{"名称": "上海"}');
    for (let cut = 0; cut <= bytes.length; cut++)
      expect(read(bytes, [cut])).toEqual({ value: { 名称: "上海" } });
    const bad = Uint8Array.from([...bytes.subarray(0, 5), 0xff, ...bytes.subarray(5)]);
    expect(read(bad, [3])).toEqual({ refused: 400, message: "请求体不是有效的 UTF-8 文本" });
    const truncated = bytes.subarray(0, 4); // inside 名
    expect(read(truncated, [])).toEqual({ refused: 400, message: "请求体不是有效的 UTF-8 文本" });
  });

  it("refuses nesting beyond the limit at the chunk that opens it, before the rest arrives", () => {
    const r = new JsonBodyReader(32);
    const deep = new TextEncoder().encode(`{"a":${"[".repeat(33)}`);
    expect(() => r.push(deep)).toThrow("JSON 嵌套过深：不能超过 32 层");
    // brackets inside strings do not count
    expect(read(new TextEncoder().encode(JSON.stringify({ a: "[".repeat(100) })), [7])).toEqual({
      value: { a: "[".repeat(100) },
    });
  });

  it("does work linear in the body: many escapes, many strings, long numbers", () => {
    const bodies = [
      JSON.stringify({ a: '\\"'.repeat(300_000) }),
      `[${'"x",'.repeat(200_000)}"\\n"]`,
      `[${"1".repeat(1_000_000)}]`,
    ];
    for (const body of bodies) {
      const bytes = new TextEncoder().encode(body);
      const cuts = Array.from({ length: 15 }, (_, i) => (i + 1) * 65536).filter(
        (c) => c < bytes.length,
      );
      const t0 = process.cpuUsage();
      read(bytes, cuts);
      const used = process.cpuUsage(t0);
      // a pass that is quadratic in these bodies takes minutes; linear takes milliseconds
      expect((used.user + used.system) / 1000).toBeLessThan(1500);
    }
  });
});
