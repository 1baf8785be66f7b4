/**
 * Implausible values (issue 14): a ratio above 100%, a cap below the clause's fixed amount and a
 * date range that ends before it starts are warnings (W430–W432) from the checker, so the editor
 * marks them and `zhengce check` prints them; plausible neighbours get none.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { compile } from "../../compiler/index.js";

const HEAD = `政策 试验
  有效期 2021年1月1日 至 2025年12月31日
申报信息
  项目实际投资 金额
  项目级别 枚举 区级、市级
  年度研发投入 金额 按年
`;

/** The warnings of a policy made of HEAD and `body`, as [code, line text of the span]. */
function warnings(body: string): [string, string][] {
  const src = HEAD + body;
  const r = compile(src);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.diagnostics
    .filter((d) => d.severity === "warning" && /^W43\d$/.test(d.code))
    .map((d) => [d.code, src.slice(d.span.start, d.span.end)]);
}

describe("implausible values", () => {
  it("a ratio above 100% (资助 比例 130%), in a table, through a parameter, in 拨付", () => {
    expect(warnings("第1条 甲\n  资助 比例 130% 基数 项目实际投资\n")).toEqual([["W430", "130%"]]);
    expect(warnings("第1条 甲\n  资助 比例 250% 基数 项目实际投资\n")).toEqual([["W430", "250%"]]);
    expect(
      warnings("第1条 甲\n  资助 比例 按 项目级别：区级 30%，市级 300% 基数 项目实际投资\n"),
    ).toEqual([["W430", "300%"]]);
    expect(
      warnings("参数\n  配套比例 比例 = 150%\n第1条 甲\n  资助 比例 配套比例 基数 项目实际投资\n"),
    ).toEqual([["W430", "150%"]]);
    expect(
      warnings("第1条 甲\n  资助 定额 100万\n  拨付 按 项目级别：区级 30%，市级 120%\n"),
    ).toEqual([["W430", "120%"]]);
    // 100% itself and anything below are plausible.
    expect(warnings("第1条 甲\n  资助 比例 100% 基数 项目实际投资\n")).toEqual([]);
    expect(warnings("第1条 甲\n  资助 比例 30% 基数 项目实际投资\n  上限 200万\n")).toEqual([]);
  });

  it("a cap below the fixed amount in the same clause", () => {
    expect(warnings("第1条 甲\n  资助 定额 200万\n  上限 20万\n")).toEqual([["W431", "20万"]]);
    expect(warnings("第1条 甲\n  资助 定额 50万\n  年度累计上限 5万\n")).toEqual([["W431", "5万"]]);
    expect(warnings("第1条 甲\n  补助 最高 100万\n  累计上限 10万\n")).toEqual([["W431", "10万"]]);
    // A cap that only applies in some cases, or one above the amount, is fine.
    expect(warnings("第1条 甲\n  资助 定额 200万\n  上限 20万 当 项目级别 属于 区级\n")).toEqual(
      [],
    );
    expect(warnings("第1条 甲\n  资助 定额 20万\n  上限 200万\n")).toEqual([]);
  });

  it("a date range that ends before it starts", () => {
    expect(
      warnings(
        "第1条 甲\n  条件 申报日期 不早于 2025年1月1日 且 申报日期 不晚于 2024年1月1日\n  资助 定额 10万\n",
      ),
    ).toEqual([["W432", "2024年1月1日"]]);
    expect(
      warnings("第1条 甲\n  资助 比例 10% 基数 合计 年度研发投入 自 2023年 至 2021年\n"),
    ).toEqual([["W432", "2021年"]]);
    expect(
      warnings(
        "第1条 甲\n  条件 申报日期 不早于 2024年1月1日 且 申报日期 不晚于 2025年1月1日\n  资助 定额 10万\n",
      ),
    ).toEqual([]);
  });

  it("zhengce check prints the warnings with line, caret and help, and exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-implausible-"));
    const path = join(dir, "比例.zc");
    writeFileSync(path, HEAD + "第1条 甲\n  资助 比例 130% 基数 项目实际投资\n");
    const { code, out: text } = await runCli("check", path);
    expect(text).toContain("警告[W430]");
    expect(text).toContain("资助比例 130% 超过 100%");
    expect(text).toMatch(/\^{4}/);
    expect(text).toContain("笔误");
    expect(code).toBe(0);
  });
});
