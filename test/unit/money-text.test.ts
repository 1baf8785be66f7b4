/**
 * One money formatter for display (issue 14): 万/亿 with at most two decimals, 约 when rounded,
 * the exact value beside it; used by the reviewer's report text and the playground, and synthetic
 * applications named by what they are instead of 第 472 份申报.
 */
import { describe, expect, it } from "vitest";
import { Dec, moneyPlain, moneyText, showMoney, showSignedMoney } from "../../runtime/index.js";
import { budgetText } from "../../review/report-to-text.js";
import { syntheticName, type PopulationSpec } from "../../review/population.js";
import type { Budget } from "../../review/budget.js";

describe("moneyText", () => {
  it.each([
    ["53411535", "约5341.15万元", "53,411,535元"],
    ["1666666.67", "约166.67万元", "1,666,666.67元"],
    ["7999999.97", "约800万元", "7,999,999.97元"],
    ["0.05", "0.05元", "0.05元"],
    ["2000000", "200万元", "2,000,000元"],
    ["1234500", "123.45万元", "1,234,500元"],
    ["150000000", "1.5亿元", "150,000,000元"],
    ["123456789012", "约1234.57亿元", "123,456,789,012元"],
    ["9999.999", "约1万元", "9,999.999元"],
    ["99999999.99", "约1亿元", "99,999,999.99元"],
    ["1234.5", "1234.5元", "1,234.5元"],
    ["0", "0元", "0元"],
    ["-250000", "-25万元", "-250,000元"],
    ["-53411535", "-约5341.15万元", "-53,411,535元"],
  ])("%s → %s (exact %s)", (value, text, exact) => {
    const m = moneyText(value);
    expect(m.text).toBe(text);
    expect(m.exact).toBe(exact);
    expect(m.approximate).toBe(text.includes("约"));
    expect(showMoney(new Dec(value))).toBe(text);
  });

  it("never shows more than two decimals", () => {
    for (const v of ["1.005", "12345.6789", "0.3333333", "98765432.109876"]) {
      const digits = /\.(\d+)/.exec(showMoney(v))?.[1] ?? "";
      expect(digits.length, v).toBeLessThanOrEqual(2);
    }
  });

  it("signs differences and keeps the exact value where there is no hover", () => {
    expect(showSignedMoney("200000").text).toBe("+20万元");
    expect(showSignedMoney("-51234").text).toBe("-约5.12万元");
    expect(showSignedMoney("0").text).toBe("0元");
    expect(moneyPlain("1666666.67")).toBe("约166.67万元（1,666,666.67元）");
    expect(moneyPlain("2000000")).toBe("200万元");
  });
});

const SPEC: PopulationSpec = {
  seed: 7,
  fields: [
    { name: "已认定", type: "bool", required: true, description: "" },
    { name: "项目级别", type: "enum", values: ["区级", "市级"], required: true, description: "" },
    { name: "项目投资", type: "money", required: true, description: "" },
  ] as unknown as PopulationSpec["fields"],
  minExp: 4,
  maxExp: 7,
  countMax: 20,
  dateFrom: "2024-01-01",
  dateTo: "2024-12-31",
};

describe("synthetic applications", () => {
  it("are named by what they are", () => {
    const name = syntheticName(SPEC, 471);
    expect(name).toMatch(/^合成申报 #472（项目级别 (区级|市级)，项目投资 约?[\d.]+(万|亿)?元）$/);
  });

  it("the report text names them and words budget figures with the display formatter", () => {
    const b: Budget = {
      size: 1000,
      seed: 7,
      date: "2024-06-01",
      clauses: [
        {
          clause: "第5条",
          before: "53411535",
          after: "50000000",
          delta: "-3411535",
          awardsBefore: 40,
          awardsAfter: 38,
        },
      ],
      totalBefore: "53411535",
      totalAfter: "50000000",
      delta: "-3411535",
      better: 0,
      worse: 2,
      same: 998,
      invalidBefore: 0,
      invalidAfter: 0,
      largestLoss: { index: 471, name: syntheticName(SPEC, 471), delta: "-1666666.67" },
      notes: [],
    };
    const text = budgetText(b).join("\n");
    expect(text).toContain("第5条：约5341.15万元（40份）→ 5000万元（38份）（-约341.15万元）");
    expect(text).toContain(`减少最多：${syntheticName(SPEC, 471)} -约166.67万元`);
    expect(text).not.toMatch(/第 \d+ 份申报/);
    expect(text).not.toMatch(/\.\d{3,}/);
  });
});
