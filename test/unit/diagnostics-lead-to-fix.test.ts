/**
 * Diagnostics that lead to the fix (issue 11 §5): every parse error says what belongs there with
 * an example, and the fixes the hints offer (「…」 quoting, parentheses around a table inside
 * 就高（…）, 甲 × （乙 ÷ 丙）) compile and compute what was meant.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { indexClauses } from "../../language/index.js";
import { RULE_EXPECTATIONS } from "../../grammar/parse-expectations.js";
import { loadPolicy } from "../../runtime/index.js";

const applyFixes = (source: string, code: string): string => {
  const r = compile(source);
  const fixes = r.diagnostics.filter((d) => d.code === code && d.fix).map((d) => d.fix!);
  expect(fixes.length).toBeGreaterThan(0);
  let out = source;
  for (const f of [...fixes].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, f.span.start) + f.text + out.slice(f.span.end);
  return out;
};

describe("parse errors say what is expected", () => {
  it("every grammar rule has an expectation with an example", () => {
    const rules = readdirSync("grammar")
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(join("grammar", f), "utf8").matchAll(/RULE\("(\w+)"/g)])
      .map((m) => m[1]!);
    expect(rules.length).toBeGreaterThan(30);
    const missing = rules.filter((r) => !RULE_EXPECTATIONS[r]);
    expect(missing, "add these rules to grammar/parse-expectations.ts").toEqual([]);
    for (const r of rules) expect(RULE_EXPECTATIONS[r]!.help).toMatch(/如|写作|例如|可写/);
  });

  it("no truncated line of the seed gets the bare 此处应为内容", () => {
    const seed = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
    const lines = seed.split("\n");
    let errors = 0;
    for (let i = 0; i < lines.length; i++) {
      const words = lines[i]!.trim().split(/\s+/);
      if (words.length < 2 || lines[i]!.trim().startsWith("#")) continue;
      for (const cut of [Math.ceil(words.length / 2)]) {
        const indent = lines[i]!.match(/^\s*/)![0];
        const broken = [...lines];
        broken[i] = indent + words.slice(0, cut).join(" ") + " ×";
        for (const d of compile(broken.join("\n")).diagnostics) {
          if (d.code !== "E100") continue;
          errors++;
          expect(d.message).not.toContain("应为内容");
          expect(d.help).not.toBe("对照语言参考检查这一行的写法。");
        }
      }
    }
    expect(errors).toBeGreaterThan(30);
  });
});

describe("a line that stops after its keyword (issue 14)", () => {
  const policy = (clause: string) =>
    `政策 示例\n\n申报信息\n  项目实际投资 金额 默认 0\n\n${clause}\n第2条 乙\n  资助 定额 10万\n`;

  it("an empty 上限 says the amount is missing, with an example, not 文件结尾", () => {
    const src = policy("第1条 甲\n  资助 比例 30% 基数 项目实际投资\n  上限\n");
    const r = compile(src);
    const d = r.diagnostics.filter((x) => x.code === "E100");
    expect(d.map((x) => x.message)).toEqual(["“上限”后面缺少金额，例如：上限 200万"]);
    expect(d[0]!.span.line).toBe(8);
    expect(d[0]!.help).toContain("上限");
    expect(d[0]!.message).not.toMatch(/文件结尾|表达式/);
  });

  it("other keywords name what they miss", () => {
    const cases: [string, string][] = [
      ["  资助 比例\n", "“比例”后面缺少百分比，例如：比例 30%"],
      ["  资助 定额\n", "“定额”后面缺少金额，例如：定额 20万"],
      ["  资助 定额 10万\n  累计上限\n", "“累计上限”后面缺少金额，例如：累计上限 500万"],
    ];
    for (const [body, message] of cases) {
      const msgs = compile(policy(`第1条 甲\n${body}`)).diagnostics.map((x) => x.message);
      expect(msgs).toContain(message);
      expect(msgs.join()).not.toContain("文件结尾");
    }
  });

  it("the broken clause keeps its heading for the outline, in source order", () => {
    const r = compile(policy("第1条 甲\n  资助 比例 30% 基数 项目实际投资\n  上限\n"));
    expect(r.ast?.items.filter((i) => i.kind === "Clause").map((c) => c.kind)).toHaveLength(1);
    expect(r.ast?.broken?.map((b) => [b.label, b.title, b.labelSpan.line])).toEqual([
      ["第1条", "甲", 6],
    ]);
    expect(indexClauses(r.ast!).map((c) => [c.label, c.broken ?? false])).toEqual([
      ["第1条", true],
      ["第2条", false],
    ]);
  });
});

describe("the offered fixes work", () => {
  it("E300: quoting a name that begins with a clause number compiles and evaluates", () => {
    const src = readFileSync("test/cases/bad/name-starts-with-clause-no.zc", "utf8");
    const r0 = compile(src);
    expect(r0.diagnostics.map((d) => [d.code, d.span.line])).toEqual([
      ["E300", 4],
      ["E300", 7],
    ]);
    const fixed = applyFixes(src, "E300");
    expect(fixed).toContain("「第一条经认定」 是否");
    const r = compile(fixed);
    expect(r.diagnostics).toEqual([]);
    const p = loadPolicy(r.js!);
    const out = p.evaluate({ 第一条经认定: true, 项目投资: "100万" });
    expect(out.ok && out.result.clauses.find((c) => c.number === 1)?.amount).toBe("300000");
  });

  it("甲 × 乙 ÷ 丙 (amounts) is typed by meaning: it needs no brackets and equals 甲 × （乙 ÷ 丙）", () => {
    const src = (e: string) =>
      [
        "政策 比例",
        "申报信息",
        "  项目投资 金额",
        "  设备投资 金额",
        "  项目总投资 金额",
        "第1条 按占比",
        `  资助 计算 ${e}`,
      ].join("\n");
    for (const e of ["项目投资 × 设备投资 ÷ 项目总投资", "项目投资 × （设备投资 ÷ 项目总投资）"]) {
      const r = compile(src(e));
      expect(r.diagnostics, e).toEqual([]);
      const out = loadPolicy(r.js!).evaluate({
        项目投资: "100万",
        设备投资: "20万",
        项目总投资: "80万",
      });
      expect(out.ok && out.result.clauses[0]!.amount, e).toBe("250000");
    }
  });

  it("E302: both forms the help shows compile and agree", () => {
    const body = (call: string) =>
      [
        "政策 就高",
        "申报信息",
        "  项目投资 金额",
        "  营业收入 金额",
        "  项目级别 枚举 区级、市级",
        "第1条 就高",
        `  资助 计算 ${call}`,
      ].join("\n");
    const bad = compile(body("就高（分档 营业收入：1亿以上：50万，其他：10万，项目投资 × 30%）"));
    expect(bad.diagnostics.map((d) => d.code)).toEqual(["E302"]);
    const help = bad.diagnostics[0]!.help!;
    const forms = [...help.matchAll(/就高（.*?）(?=，或|。)/g)].map((m) => m[0]);
    expect(forms).toHaveLength(2);
    for (const form of forms) {
      const r = compile(body(form));
      expect(r.diagnostics, form).toEqual([]);
      const p = loadPolicy(r.js!);
      for (const [revenue, invest, want] of [
        ["2亿", "1000万", "3000000"],
        ["2亿", "100万", "500000"],
        ["0", "10万", "100000"],
      ] as const) {
        const out = p.evaluate({ 项目投资: invest, 营业收入: revenue, 项目级别: "区级" });
        expect(out.ok && out.result.clauses[0]!.amount, `${form} ${revenue} ${invest}`).toBe(want);
      }
    }
    // A table (按 …) keeps a comma only when another row (a key and its value) follows it, so an
    // argument after a table needs no brackets.
    const table = compile(body("就高（按 项目级别：区级 200万，市级 500万，项目投资 × 30%）"));
    expect(table.diagnostics).toEqual([]);
    const p = loadPolicy(table.js!);
    for (const [level, invest, want] of [
      ["区级", "1000万", "3000000"],
      ["市级", "1000万", "5000000"],
      ["区级", "100万", "2000000"],
    ] as const) {
      const out = p.evaluate({ 项目投资: invest, 营业收入: "0", 项目级别: level });
      expect(out.ok && out.result.clauses[0]!.amount, `${level} ${invest}`).toBe(want);
    }
  });
});
