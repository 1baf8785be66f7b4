/**
 * 第2条金额 (issue 10 §3): a clause uses another clause's amount (after that clause's caps), in
 * 资助, 上限, 条件 and 定义; evaluation follows the references; cycles, unknown clauses and
 * references evaluated before any clause are errors; not eligible counts 0 with the reason,
 * 需决定 and 待定 propagate; documents, the diff, the formatter and the prover handle it.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compile, formatSource, runCases } from "../../compiler/index.js";
import { policyDocument } from "../../compiler/to-doc/render.js";
import { prepare } from "../../review/diff-policies.js";
import { closeSolver, proveDiff } from "../../review/node/index.js";
import { REFERENCE_EXAMPLE } from "../../grammar/reference-funding.js";
import { loadPolicy, type ClauseResult, type EvaluateOptions } from "../../runtime/index.js";

afterAll(() => closeSolver());

const SRC = readFileSync("test/cases/good/clause-references.zc", "utf8");

function load(source: string) {
  const r = compile(source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { ast: r.ast!, policy: loadPolicy(r.js!), ts: r.ts! };
}

function clauses(source: string, app: Record<string, unknown>, o: EvaluateOptions = {}) {
  const ev = load(source).policy.evaluate(app, { date: "2024-03-01", ...o });
  if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
  return (n: number): ClauseResult => ev.result.clauses.find((c) => c.number === n)!;
}

const codes = (source: string) => compile(source).diagnostics.map((d) => d.code);

describe("第N条金额 in evaluation", () => {
  it("matches the referenced clause's amount after its cap, and explains it with the figure", () => {
    const c = clauses(SRC, { 项目投资: "3000万", 获市级示范认定: true });
    expect(c(2).amount).toBe("2000000"); // 300万 capped at 200万
    expect(c(3).amount).toBe("1500000"); // 200万 × 100%, capped at 150万
    const steps = c(3).steps.map((s) => s.text);
    expect(steps).toContain("第2条金额 200万元（第2条按其标准和上限计算的金额）");
    expect(steps).toContain("第2条金额 200万元 × 100% = 200万元");
    expect(c(3).payer).toBe("区级财政");
    expect(c(2).payer).toBe("市级财政");
  });

  it("a referenced clause that is not eligible counts 0, and the explanation says why", () => {
    const c = clauses(SRC, { 项目投资: "300万", 首次认定: true }, { params: { 追加比例: "5%" } });
    expect(c(1).status).toBe("ineligible");
    expect(c(4).status).toBe("awarded");
    expect(c(4).amount).toBe("0");
    expect(c(4).steps.map((s) => s.text)).toContain(
      "第1条不予资助（未满足条件：项目投资 不低于 500万（项目投资：300万元）），第1条金额按 0 计",
    );
  });

  it("待定 propagates: the referring clause cannot be computed either, with the reason", () => {
    const c = clauses(SRC, { 项目投资: "1000万", 首次认定: true });
    expect(c(5).status).toBe("error");
    expect(c(6).status).toBe("error");
    expect(c(6).reasons.join("")).toContain("第5条无法计算（参数“追加比例”尚未设定（待定）");
  });

  it("a decision pending on the referenced clause is pending on the referring one", () => {
    const c = clauses(SRC, { 项目投资: "100万" });
    expect(c(7).status).toBe("needs-decision");
    expect(c(8).status).toBe("needs-decision");
    expect(c(8).steps.map((s) => s.text)).toContain("第7条金额需评审核定，本条在第7条核定后计算");
    const ok = clauses(SRC, { 项目投资: "100万" }, { approved: { 7: "40万" } });
    expect(ok(8).amount).toBe("200000");
  });

  it("evaluation follows the references, not the document order", () => {
    const src = `政策 先引用后定义
申报信息
  投资 金额 默认 0
定义 市级金额 = 第3条金额
第1条 区级配套
  资助 比例 100% 基数 市级金额
  上限 第2条金额
第2条 封顶
  资助 定额 30万
第3条 市级支持
  资助 比例 10% 基数 投资
`;
    const { ts } = load(src);
    expect(ts).toContain("order: [2, 1, 0],"); // 第3条 (through 市级金额), 第2条, then 第1条
    const c = clauses(src, { 投资: "500万" });
    expect(c(3).amount).toBe("500000");
    expect(c(1).amount).toBe("300000"); // 50万, capped by 第2条金额 30万
    // results stay in document order
    const ev = load(src).policy.evaluate({ 投资: "500万" }, { date: "2024-03-01" });
    expect(ev.ok && ev.result.clauses.map((x) => x.number)).toEqual([1, 2, 3]);
  });

  it("the referenced amount is the clause's own, before 从高不重复 across clauses", () => {
    const src = `政策 从高不重复与引用
申报信息
  投资 金额 默认 0
第1条 甲
  资助 比例 10% 基数 投资
第2条 乙
  资助 计算 第1条金额 × 50%
第3条 丙
  资助 定额 80万
叠加规则
  从高不重复
`;
    const c = clauses(src, { 投资: "1000万" });
    // 第1条 100万 is not paid (第3条 80万… no: 第1条 is higher); 第2条 reads 第1条's own 100万
    expect(c(1).amount).toBe("1000000");
    expect(c(3).amount).toBe("0");
    expect(c(2).amount).toBe("0"); // 50万 computed, then not paid twice under 从高不重复
    expect(c(2).steps.map((s) => s.text)).toContain(
      "第1条金额 100万元（第1条按其标准和上限计算的金额）",
    );
  });
});

describe("第N条金额 diagnostics", () => {
  it("E262: a cycle, directly, through another clause or through a 定义, shows the path", () => {
    const src = readFileSync("test/cases/bad/clause-ref-cycle.zc", "utf8");
    const msgs = compile(src)
      .diagnostics.filter((d) => d.code === "E262")
      .map((d) => d.message);
    expect(msgs).toEqual([
      "第1条 → 第1条：条款引用了自身的金额",
      "条款之间循环引用：第2条 → 定义“配套基数” → 第3条 → 第2条",
    ]);
  });

  it("E261: an unknown clause, with the closest id; E266: a clause with no money", () => {
    const src = readFileSync("test/cases/bad/clause-ref-errors.zc", "utf8");
    const ds = compile(src).diagnostics;
    const e261 = ds.find((d) => d.code === "E261")!;
    expect(e261.message).toBe("引用了不存在的第9条");
    expect(e261.help).toContain("现有条款：第1条、第2条、第3条");
    expect(ds.find((d) => d.code === "E266")?.message).toBe("第3条没有资助金额，不能引用它的金额");
    expect(ds.filter((d) => d.code === "E263").map((d) => d.message)).toEqual([
      "支持对象中不能引用条款金额（第1条金额）",
      "叠加规则中不能引用条款金额（定义“一半” → 第1条金额）",
      "断言（直接写 第N条）中不能引用条款金额（第1条金额）",
    ]);
  });

  it("is no error when nothing refers back", () => {
    expect(codes(SRC).filter((c) => c.startsWith("E"))).toEqual([]);
  });
});

describe("第N条金额 in documents, formatting, the diff and the prover", () => {
  it("the document names the clause whose amount is used", () => {
    const md = policyDocument(load(SRC).ast, "md");
    const p3 = md.split("\n").find((l) => l.startsWith("**3、"))!;
    expect(p3).toContain("本政策第2条支持金额");
    expect(p3).toContain("150万元");
  });

  it("formats back to itself; 第2条 资助金额 is written 第2条金额", () => {
    const f = (s: string) => formatSource(s).text!;
    const once = f(SRC);
    expect(f(once)).toBe(once);
    expect(once).toContain("资助 比例 100% 基数 第2条金额\n");
    const spaced = SRC.replace("基数 第2条金额", "基数 第2条 资助金额");
    expect(f(spaced)).toBe(once);
  });

  it("changing the reference is a change line", () => {
    const changed = SRC.replace("基数 第2条金额", "基数 第1条金额");
    const texts = prepare(SRC, changed).changes.map((c) => c.text);
    expect(
      texts.some((t) => t.includes("第3条") && t.includes("第2条金额") && t.includes("第1条金额")),
    ).toBe(true);
  });

  it("the prover says it sampled a clause that uses another's amount", async () => {
    const changed = SRC.replace("上限 150万", "上限 120万");
    const proof = await proveDiff(prepare(SRC, changed), { regions: 1 });
    const t3 = proof.targets.find((t) => t.target === "第3条")!;
    expect(t3.text).toContain("引用其他条款的金额（第2条金额）");
    expect(t3.text).toContain("只做了抽样");
  }, 60_000);
});

describe("the cases of test/cases/good/clause-references.zc", () => {
  it("all pass", () => {
    const { ast, policy } = load(SRC);
    const outcomes = runCases(ast, policy);
    expect(outcomes.length).toBe(5);
    expect(outcomes.filter((o) => !o.passed).map((o) => [o.title, o.failures])).toEqual([]);
  });
});

describe("the reference's 第N条金额 example (grammar/reference-funding.ts)", () => {
  it("is in docs/language-reference.md and the README, and its cases pass", () => {
    expect(readFileSync("docs/language-reference.md", "utf8")).toContain(REFERENCE_EXAMPLE);
    expect(readFileSync("README.md", "utf8")).toContain(REFERENCE_EXAMPLE);
    const { ast, policy } = load(REFERENCE_EXAMPLE);
    const outcomes = runCases(ast, policy);
    expect(outcomes.length).toBe(2);
    expect(outcomes.filter((o) => !o.passed).map((o) => [o.title, o.failures])).toEqual([]);
  });
});
