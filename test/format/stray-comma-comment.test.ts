/**
 * A comment after a stray "，" on the line below a case (found by the mutation fuzz): it is placed
 * with what follows in the first pass too, so formatting is idempotent.
 */
import { expect, it } from "vitest";
import { formatSource } from "../../compiler/format/format.js";

it("a comment after a stray comma formats the same way twice", () => {
  const source =
    "政策 甲\n\n申报信息\n  甲 金额 默认 0\n\n第1条 乙\n  资助 定额 1万\n\n" +
    "案例 “一”\n  期望 第1条 1万\n\n，# 注释\n案例 “二”\n  期望 第1条 1万\n";
  const once = formatSource(source, { known: [] }).text!;
  expect(once).toContain("\n\n# 注释\n案例 “二”");
  expect(formatSource(once, { known: [] }).text).toBe(once);
});
