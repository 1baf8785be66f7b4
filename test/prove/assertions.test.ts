/**
 * 断言 proven or refuted (issue 13 §2): the assertions of test/cases/good/assertions.zc are all
 * proven; each rule edit that breaks one is refuted with a witness, and the test evaluates that
 * witness with the compiled policy itself to see the assertion fail there. Constructs the prover
 * does not translate are said, never counted as proven. `zhengce check --prove` reports E510.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { compile } from "../../compiler/index.js";
import { closeSolver } from "../../review/node/index.js";
import { proveAssertions } from "../../review/prove/index.js";
import { Dec, loadPolicy } from "../../runtime/index.js";
import { ASSERT_EXAMPLE } from "../../grammar/reference-asserts.js";

const dir = mkdtempSync(join(tmpdir(), "zhengce-assert-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeSolver();
});

const FILE = "test/cases/good/assertions.zc";
const source = readFileSync(FILE, "utf8");

function edit(s: string, from: string, to: string): string {
  expect(s).toContain(from);
  return s.replace(from, to);
}

/** The compiled policy's own result for a witness. */
function evaluate(src: string, w: { application: Record<string, unknown>; options: object }) {
  const r = compile(src, { emit: ["js"] });
  expect(r.ok).toBe(true);
  const ev = loadPolicy(r.js!).evaluate(w.application, w.options);
  if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
  const amount = (n: number) => {
    const c = ev.result.clauses.find((x) => x.number === n)!;
    return new Dec(c.status === "awarded" ? (c.amount ?? "0") : "0");
  };
  return { total: new Dec(ev.result.total), amount, clauses: ev.result.clauses };
}

describe("断言 with the Z3 solver", () => {
  it("proves every assertion of the test policy", async () => {
    const r = await proveAssertions(source);
    expect(r.results.map((x) => [x.statement, x.status])).toEqual([
      ["总额 不超过 200万", "proven"],
      ["第1条 不超过 项目投资 × 30%", "proven"],
      ["第2条 不超过 20万 当 项目级别 等于 区级", "proven"],
      ["第1条 与 第2条 不同时适用", "proven"],
      ["第2条 不超过 30万", "proven"],
    ]);
    expect(r.results.every((x) => x.text === "已证明：任何有效申报都满足")).toBe(true);
  }, 60_000);

  it("proves the language reference's example", async () => {
    const r = await proveAssertions(ASSERT_EXAMPLE);
    expect(r.results).toHaveLength(4);
    expect(r.results.map((x) => x.status)).toEqual(["proven", "proven", "proven", "proven"]);
  }, 60_000);

  it("refutes a total bound once the cap is raised, with a witness the policy confirms", async () => {
    const broken = edit(source, "  上限 200万\n", "  上限 250万\n");
    const r = await proveAssertions(broken);
    const total = r.results[0]!;
    expect(total.status).toBe("refuted");
    const seen = evaluate(broken, total.witness!);
    expect(seen.total.gt(2_000_000)).toBe(true);
    expect(total.text).toContain("不成立：总额");
    // the others still hold (第1条 ≤ 30% is untouched by the cap)
    expect(r.results[1]!.status).toBe("proven");
  }, 60_000);

  it("refutes 不同时适用 without 从高不重复: both clauses award money in the witness", async () => {
    const broken = edit(source, "叠加规则\n  从高不重复\n\n", "");
    const r = await proveAssertions(broken);
    const excl = r.results.find((x) => x.statement === "第1条 与 第2条 不同时适用")!;
    expect(excl.status).toBe("refuted");
    const seen = evaluate(broken, excl.witness!);
    expect(seen.amount(1).gt(0) && seen.amount(2).gt(0)).toBe(true);
    expect(excl.witness!.trace.some((t) => t.startsWith("第1条："))).toBe(true);
    expect(excl.witness!.trace.some((t) => t.startsWith("第2条："))).toBe(true);
  }, 60_000);

  it("refutes a bound with a computed side (31% > 30%) and one under 当 only where 当 holds", async () => {
    const broken = edit(
      edit(source, "资助 比例 30% 基数 项目投资", "资助 比例 31% 基数 项目投资"),
      "区级 20万，市级 30万",
      "区级 25万，市级 30万",
    );
    const r = await proveAssertions(broken);
    const ratio = r.results[1]!;
    expect(ratio.status).toBe("refuted");
    const w = ratio.witness!;
    const seen = evaluate(broken, w);
    // the policy's own rounding to the 分 on both sides
    const bound = new Dec(String(w.application["项目投资"])).times("0.3").toDecimalPlaces(2);
    expect(seen.amount(1).gt(bound)).toBe(true);
    const guarded = r.results[2]!;
    expect(guarded.status).toBe("refuted");
    expect(guarded.witness!.application["项目级别"]).toBe("区级");
    expect(evaluate(broken, guarded.witness!).amount(2).gt(200_000)).toBe(true);
  }, 60_000);

  it("says when the rules are not translated instead of proving anything", async () => {
    const multi = readFileSync("test/cases/good/multi-year.zc", "utf8");
    const withAssert = multi.replace(/\n案例 /, "\n断言 总额 不超过 1万\n\n案例 ");
    const r = await proveAssertions(withAssert);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]!.status).toBe("untranslated");
    expect(r.results[0]!.text).toMatch(/^未作证明：/);
  }, 60_000);
});

describe("zhengce check --prove", () => {
  const cli = (...args: string[]) => runCli("check", ...args);

  it("exits 0 with every assertion proven, 1 with E510 and the witness when one is refuted", async () => {
    const good = await cli("--prove", FILE);
    expect(good.code).toBe(0);
    expect(good.out).toContain("断言1 总额 不超过 200万（从高不重复：不超过最高的一条）：已证明");
    const bad = join(dir, "bad.zc");
    writeFileSync(bad, edit(source, "  上限 200万\n", "  上限 250万\n"));
    const out = await cli("--prove", bad);
    expect(out.code).toBe(1);
    expect(out.out).toContain("错误[E510]");
    expect(out.out).toContain("例：");
    expect(out.out).toContain("（编译后的政策实际计算已验证）");
    const json = JSON.parse((await cli("--prove", "--json", bad)).out);
    expect(json.errors).toBe(1);
    expect(json.files[0].assertions.results[0].status).toBe("refuted");
    expect(json.files[0].diagnostics.some((d: { code: string }) => d.code === "E510")).toBe(true);
  }, 120_000);

  it("without --prove checks the assertions' syntax only, and says nothing about proofs", async () => {
    const out = await cli(FILE);
    expect(out.code).toBe(0);
    expect(out.out).not.toContain("Z3");
  });
});
