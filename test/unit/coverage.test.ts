/**
 * `zhengce test --coverage` (issue 11 §7): per clause, which conditions, caps, steps, table rows
 * and bracket rows the cases exercise, and the ones no case reaches; every summary line says how
 * many clauses have no case.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { compile, policyCoverage } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";

const POLICY = `政策 覆盖示例
申报信息
  项目投资 金额
  项目级别 枚举 区级、市级 默认 区级
  首次认定 是否 默认 否
  营业收入 金额 默认 0

第1条 有案例
  条件 首次认定
  资助 比例 30% 基数 项目投资
  上限 按 项目级别：区级 100万，市级 200万
  上限 500万

第2条 分档
  奖励 定额 分档 营业收入：
    不满 1亿：0
    1亿以上：50万

第3条 没有案例
  资助 定额 10万
  就高 20万 当 首次认定

案例 “区级超过上限”
  输入 首次认定 是，项目投资 1000万
  期望 第1条 100万

案例 “未认定”
  输入 项目投资 10万
  期望 第1条 不符合

案例 “分档低档”
  输入 项目投资 1万，营业收入 100万
  期望 第2条 0
`;

const marks = (src: string) => {
  const r = compile(src);
  expect(r.ok).toBe(true);
  const { clauses } = policyCoverage(src, r, loadPolicy, compile);
  return clauses.map((c) => ({
    clause: c.label,
    cases: c.cases,
    outcomes: [...c.outcomes].sort(),
    items: c.items.map((i) => `${i.covered ? "✓" : "✗"} ${i.what} ${i.text}`),
  }));
};

describe("coverage by the cases", () => {
  it("names what the cases exercise and what they never reach", () => {
    expect(marks(POLICY)).toEqual([
      {
        clause: "第1条",
        cases: 2,
        outcomes: ["awarded", "ineligible"],
        items: [
          "✓ 条件 条件 首次认定",
          "✓ 上限 上限 按 项目级别：区级 100万，市级 200万",
          "✗ 上限 上限 500万",
          "✓ 表格行 按 项目级别：区级",
          "✗ 表格行 按 项目级别：市级",
        ],
      },
      {
        clause: "第2条",
        cases: 1,
        outcomes: ["awarded"],
        items: ["✓ 分档 营业收入：不满 1亿", "✗ 分档 营业收入：1亿以上"],
      },
      {
        clause: "第3条",
        cases: 0,
        outcomes: ["awarded"],
        // 就高 20万 当 首次认定 decides 第3条 in the first case (20万, not 10万): the total changes.
        items: ["✓ 就高 就高 20万 当 首次认定"],
      },
    ]);
  });

  it("a case that reaches the other rows covers them", () => {
    const more = `${POLICY}
案例 “市级与高档”
  输入 首次认定 是，项目投资 2000万，项目级别 市级，营业收入 2亿
  期望 第1条 200万
  期望 第2条 50万
  期望 第3条 20万
`;
    const items = marks(more).flatMap((c) => c.items);
    expect(items.filter((i) => i.startsWith("✗"))).toEqual(["✗ 上限 上限 500万"]);
  });

  it("zhengce test --coverage prints the report; the summary line counts clauses without a case", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-cov-"));
    const file = join(dir, "覆盖.zc");
    writeFileSync(file, POLICY);
    const plain = await runCli("test", file);
    expect(plain.code).toBe(0);
    expect(plain.lines[0]).toBe(`${file}：3/3 个案例通过；1 个条款没有案例（第3条）`);
    const cov = await runCli("test", file, "--coverage");
    expect(cov.code).toBe(0);
    const text = cov.out;
    expect(text).toContain("第3条 没有案例：没有案例；结果：予以资助");
    expect(text).toContain("✗ 上限 上限 500万（第12行）：没有案例依赖它");
    expect(text).toContain("✗ 表格行 按 项目级别：市级（第11行）：没有案例走到这一行");
    expect(text).toContain(
      "覆盖：3 个条款，1 个没有案例（第3条）；8 项规则中 5 项有案例覆盖，3 项没有",
    );
    expect((await runCli("test", "--help")).out).toContain("--coverage");
  });

  it("the seed: every clause has a case, and the report names what is still open", async () => {
    const src = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
    const t = performance.now();
    const { code, lines } = await runCli(
      "test",
      "policies/jiading-2021-industrial-internet.zc",
      "--coverage",
    );
    expect(code).toBe(0);
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(lines[0]).toContain("每个条款都有案例");
    // the rules the coverage report found without a case now have one (第4条, 第8条, 第10条)
    for (const n of ["第4条", "第8条", "第10条"]) {
      const at = lines.findIndex((l) => l.startsWith(`  ${n} `));
      const next = lines.findIndex((l, i) => i > at && /^  (第|覆盖)/.test(l));
      expect(
        lines.slice(at + 1, next).filter((l) => l.includes("✗")),
        n,
      ).toEqual([]);
    }
    const clauses = lines.filter((l) => /^  第\d+条/.test(l));
    expect(clauses.length).toBe((src.match(/^第\d+条/gm) ?? []).length);
    expect(lines.at(-2)).toMatch(
      /^  覆盖：\d+ 个条款，0 个没有案例；\d+ 项规则中 \d+ 项有案例覆盖，\d+ 项没有$/,
    );
  });

  it("a guideline: clauses it does not open need no case; rows are reported without line numbers", async () => {
    const { code, lines } = await runCli(
      "test",
      "policies/jiading-2024-guideline.zc",
      "--coverage",
    );
    expect(code).toBe(0);
    const closed = ["第3条", "第4条", "第6条", "第8条", "第11条"];
    expect(lines[0]).toMatch(/个条款没有案例（[^）]*）$/);
    for (const c of closed) {
      expect(lines[0]).not.toContain(c + "、");
      expect(lines.some((l) => l.startsWith(`  ${c} `))).toBe(false);
    }
    expect(lines.filter((l) => l.includes("表格行")).every((l) => !l.includes("行）"))).toBe(true);
  });
});
