/**
 * 2千万, 两千万, 一百万 (issue 14): accepted as amounts in application data and the playground's form
 * (one reader, runtime/text-forms.ts); in policy text 2千万 is read and 两千万 is refused with how
 * to write it (2000万) and a quick fix.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadPolicy, readAmountText } from "../../runtime/index.js";
import { parseMoneyInput } from "../../playground/src/money.js";

const policy = (cap: string) => `政策 汉字金额测试政策

申报信息
  项目投资 金额

第1条 投资补助
  资助 比例 100% 基数 项目投资
  上限 ${cap}
`;

function evaluate(amount: unknown) {
  const r = compile(policy("10亿"));
  return loadPolicy(r.js!).evaluate({ 项目投资: amount }, { date: "2024-01-01" });
}

describe("amounts written with 千/百 or in Chinese numerals", () => {
  it.each([
    ["2千万", "20000000"],
    ["1.5千万", "15000000"],
    ["两千万", "20000000"],
    ["二千万元", "20000000"],
    ["一百万", "1000000"],
    ["两千五百万", "25000000"],
    ["一亿五千万", "150000000"],
    ["十五万", "150000"],
    ["一百零五万", "1050000"],
    ["三千元", "3000"],
    ["5百元", "500"],
  ])("application data %s is %s元", (text, yuan) => {
    const ev = evaluate(text);
    expect(ev.ok, JSON.stringify(ev)).toBe(true);
    if (ev.ok) expect(ev.result.total).toBe(yuan);
    expect(parseMoneyInput(text)).toEqual({ yuan });
  });

  it.each(["二五万", "百千万", "一点五亿", "千瓦时", "万"])(
    "%s is refused, saying how to write it",
    (text) => {
      expect(readAmountText(text)).toBeUndefined();
      const ev = evaluate(text);
      expect(ev.ok).toBe(false);
      if (!ev.ok) expect(ev.errors[0]!.message).toContain("请写成 2000万、1.5亿、3000元 或 两千万");
    },
  );

  it("policy text reads 2千万 and 1.5千万", () => {
    for (const [cap, yuan] of [
      ["2千万", "20000000"],
      ["1.5千万", "15000000"],
    ]) {
      const r = compile(policy(cap!));
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const ev = loadPolicy(r.js!).evaluate({ 项目投资: "5亿" }, { date: "2024-01-01" });
      expect(ev.ok && ev.result.total).toBe(yuan);
    }
  });

  it("policy text refuses 两千万 with how to write it and a quick fix", () => {
    for (const [cap, fixed] of [
      ["两千万", "2000万"],
      ["一百万", "100万"],
    ]) {
      const r = compile(policy(cap!));
      const d = r.diagnostics.find((x) => x.severity === "error");
      expect(d?.message).toContain(`金额请用阿拉伯数字书写，写作 ${fixed}`);
      expect(d?.fix?.text).toBe(fixed);
    }
  });
});
