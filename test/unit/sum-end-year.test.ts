/**
 * Issue 11 (open point): `合计 明细 自 2022年 至 2023年 × 1%` reads the end year as `2023年 × 1%`,
 * so the 1% never multiplies the sum. The checker warns (W433) with the brackets as the fix; the
 * fixed text pays 1% of the sum; real end years (`年份（申报日期） - 1`, a bracketed bound) pass.
 * The formatter keeps the brackets of `（合计 … 至 …） × 1%` (it used to drop them and refuse, E602).
 */
import { describe, expect, it } from "vitest";
import { compile, formatSource, runCases } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";

const HEAD = `政策 试验
  有效期 2021年1月1日 至 2025年12月31日
申报信息
  年度营业收入 金额 按年
  项目投资 金额 默认 0
`;
const CASE = `
案例 “两年营业收入”
  日期 2024年3月1日
  输入 年度营业收入 2022年 1000万、2023年 2000万
  期望 第1条 30万
`;

function w433(body: string) {
  const src = HEAD + body;
  const r = compile(src);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { src, r, ws: r.diagnostics.filter((d) => d.code === "W433") };
}

describe("合计 … 至 年份 × 比例 (W433)", () => {
  it("warns at the end year, names the reading, and offers the brackets", () => {
    const { src, ws } = w433("第1条 甲\n  资助 计算 合计 年度营业收入 自 2022年 至 2023年 × 1%\n");
    expect(ws).toHaveLength(1);
    const w = ws[0]!;
    expect(w.severity).toBe("warning");
    expect(src.slice(w.span.start, w.span.end)).toBe("2023年 × 1%");
    expect(w.message).toContain("读作“2023年 × 1%”");
    expect(w.help).toContain("（合计 年度营业收入 自 2022年 至 2023年） × 1%");
    expect(w.fix?.text).toBe("（合计 年度营业收入 自 2022年 至 2023年） × 1%");
  });

  it("the fix pays 1% of the sum; the text as written pays the whole sum", () => {
    const written = "第1条 甲\n  资助 计算 合计 年度营业收入 自 2022年 至 2023年 × 1%\n";
    const { src, r, ws } = w433(written + CASE);
    const fix = ws[0]!.fix!;
    const fixed = src.slice(0, fix.span.start) + fix.text + src.slice(fix.span.end);
    const before = runCases(r.ast!, loadPolicy(r.js!));
    expect(before[0]!.passed).toBe(false);
    const after = compile(fixed);
    expect(after.diagnostics.filter((d) => d.code === "W433" || d.severity === "error")).toEqual(
      [],
    );
    const outcomes = runCases(after.ast!, loadPolicy(after.js!));
    expect(outcomes.map((o) => [o.passed, o.failures])).toEqual([[true, []]]);
  });

  it("a ÷ after the end year warns too; without an obvious regrouping the help still shows the brackets", () => {
    expect(
      w433("第1条 甲\n  资助 计算 合计 年度营业收入 自 2022年 至 2023年 ÷ 2\n").ws,
    ).toHaveLength(1);
    const { ws } = w433("第1条 甲\n  资助 计算 合计 年度营业收入 自 2022年 至 2023年 × 1 + 1\n");
    expect(ws).toHaveLength(1);
    expect(ws[0]!.fix).toBeUndefined();
    expect(ws[0]!.help).toContain("括号");
  });

  it("real end years and bracketed sums pass without a word", () => {
    for (const body of [
      "第1条 甲\n  资助 计算 （合计 年度营业收入 自 2022年 至 2023年） × 1%\n",
      "第1条 甲\n  资助 比例 10% 基数 合计 年度营业收入 自 年份（申报日期） - 2 至 年份（申报日期） - 1\n",
      "第1条 甲\n  资助 计算 合计 年度营业收入 自 2022年 至 2023年\n",
      "第1条 甲\n  资助 计算 项目投资 × 1% + 合计 年度营业收入 自 2022年 至 2023年\n",
    ])
      expect(w433(body).ws).toEqual([]);
  });

  it("the formatter keeps the brackets around a sum with an end year", () => {
    const src = HEAD + "\n第1条 甲\n  资助 计算 （合计 年度营业收入 自 2022年 至 2023年） × 1%\n";
    const f = formatSource(src);
    expect(f.diagnostics).toEqual([]);
    expect(f.ok).toBe(true);
    expect(f.text).toContain("（合计 年度营业收入 自 2022年 至 2023年） × 1%");
  });
});
