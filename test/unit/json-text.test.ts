/**
 * JSON syntax errors in Chinese with line and column (issue 11 §1), for the CLI and the service.
 */
import { describe, expect, it } from "vitest";
import { jsonErrorText, parseJsonText } from "../../runtime/index.js";

const error = (text: string) => {
  const r = parseJsonText(text);
  expect(r.ok).toBe(false);
  return r.ok ? "" : jsonErrorText(r.error);
};

describe("JSON syntax errors", () => {
  it.each([
    ['{"a": 1,}', "第 1 行第 9 列：最后一项后面多了逗号"],
    ['{"a" 1}', "第 1 行第 6 列：字段名后应为冒号"],
    ['{\n  "a": tru\n}', "第 2 行第 8 列：此处应为一个值"],
    ['{"a":', "第 1 行第 6 列：内容不完整，缺少“}”"],
    ["", "内容为空"],
    ["[1,2", "内容不完整，缺少“]”"],
    ['{"a":"\\x"}', "第 1 行第 7 列：无效的转义"],
    ["{'a': 1}", "此处应为用双引号括起的字段名"],
    ['{"a": 01}', "第 1 行第 8 列：此处应为逗号或“}”"],
    ['{"名称": "上海"} x', "第 1 行第 14 列：JSON 已结束，后面多了内容"],
    ['["a\nb"]', "文字中不能直接换行"],
  ])("%j → %s", (text, want) => {
    const msg = error(text);
    expect(msg).toContain(want);
    expect(msg).not.toMatch(/Unexpected|position|Expected|JSON at/);
  });
  it("parses valid JSON unchanged", () => {
    expect(parseJsonText('{"a": [1, "二", null]}')).toEqual({
      ok: true,
      value: { a: [1, "二", null] },
    });
  });
  it("is linear on deep or long input", () => {
    const deep = "[".repeat(200000);
    const t = Date.now();
    expect(error(deep)).toContain("缺少“]”");
    expect(Date.now() - t).toBeLessThan(1000);
  });
});
