/**
 * The exact diff (Z3): the reviewer's example from issue 13 — only the first `上限 按 项目级别` of
 * 第5条 raised from 市级 500万 to 800万 — is found with verified witnesses, where the sampling
 * search over the embedded cases finds nothing; edits that change nothing numerically are proven.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { diffPrepared, prepare, reportText } from "../../review/index.js";
import { closeSolver, proofText, proveDiff } from "../../review/node/index.js";
import { loadPolicy, type CompiledPolicy } from "../../runtime/index.js";
import { cosmeticSource, edit, seedSource } from "../diff/variants.js";

afterAll(() => closeSolver());

/** The policy without its 叠加规则: each clause's own amount, as the proof reports it. */
function ownAmounts(source: string): CompiledPolicy {
  const cut =
    source.slice(0, source.indexOf("叠加规则\n")) + source.slice(source.indexOf("# ------"));
  const r = compile(cut, { emit: ["js"] });
  expect(r.ok).toBe(true);
  return loadPolicy(r.js!);
}

const seed = seedSource();
const firstCap = "上限 按 项目级别：区级 200万，市级 500万，国家级 1000万\n  # 上级补助无资金配套";

describe("zhengce diff --prove", () => {
  it("finds the 第5条 change the sampling search misses, each witness reproduced by both versions", async () => {
    const raised = edit(seed, firstCap, firstCap.replace("市级 500万", "市级 800万"));
    const p = prepare(seed, raised);
    // the sampling search over the cases finds no amount that differs for 第5条 (issue 13)
    const sampled = reportText(diffPrepared(p));
    expect(sampled).toContain("抽样未找到金额不同的输入（这不是证明");
    const proof = await proveDiff(p, { regions: 2 });
    expect(proof.ok).toBe(true);
    const t5 = proof.targets.find((t) => t.target === "第5条")!;
    expect(t5.status).toBe("differs");
    expect(t5.regions.length).toBeGreaterThan(0);
    const before = ownAmounts(seed);
    const after = ownAmounts(raised);
    for (const r of t5.regions) {
      const w = r.witness;
      expect(w.verified).toBe(true);
      // every difference needs a 市级 project: only the 市级 cap changed
      expect(w.application["项目级别"]).toBe("市级");
      const a = before.evaluate(w.application, w.options);
      const b = after.evaluate(w.applicationNew ?? w.application, w.optionsNew ?? w.options);
      if (!a.ok || !b.ok) throw new Error("witness refused");
      const c5 = (e: typeof a) => e.ok && e.result.clauses.find((c) => c.number === 5)!;
      expect((c5(a) as { amount: string }).amount).toBe(w.before.amount);
      expect((c5(b) as { amount: string }).amount).toBe(w.after.amount);
      expect(Number(w.after.amount)).toBeGreaterThan(Number(w.before.amount));
      expect(r.conditions.join("；")).toContain("认定为标杆示范项目为“是”");
    }
    const total = proof.targets.find((t) => t.target === "合计")!;
    expect(total.status).toBe("differs");
    // raising a cap never lowers a total: proven, and an application that gains is shown
    expect(total.loss).toBeUndefined();
    expect(total.text).toContain("已证明没有申报减少");
    expect(total.gain).toBeDefined();
    expect(Number(total.gain!.delta)).toBeGreaterThan(0);
    for (const e of [total.gain!]) {
      const w = e.witness;
      const a = p.old.policy!.evaluate(w.application, w.options);
      const b = p.new.policy!.evaluate(
        w.applicationNew ?? w.application,
        w.optionsNew ?? w.options,
      );
      expect(a.ok && b.ok && a.result.total).toBe(w.before.amount);
      expect(a.ok && b.ok && b.result.total).toBe(w.after.amount);
    }
    // every other clause computes identically in both versions
    expect(proof.identical).toEqual([
      "第1条",
      "第2条",
      "第3条",
      "第4条",
      "第6条",
      "第7条",
      "第8条",
      "第9条",
      "第10条",
      "第11条",
      "第12条",
    ]);
    const text = proofText(proof).join("\n");
    expect(text).toContain("第5条：金额");
    expect(text).toContain("（两版实际计算已验证）");
    expect(text).not.toContain("验证不符");
  });

  it("proves unchanged: conditions reordered, layout and comments changed, a cap that never binds", async () => {
    // a second cap of 300万 under one of 200万 never changes an amount
    let other = edit(seed, "  上限 200万\n\n第2条", "  上限 200万\n  上限 300万\n\n第2条");
    other = edit(
      cosmeticSource(other),
      "条件 经营状态正常 并且 信用记录良好",
      "条件 信用记录良好 并且 经营状态正常",
    );
    const proof = await proveDiff(prepare(seed, other));
    expect(proof.ok).toBe(true);
    expect(proof.targets.length).toBeGreaterThan(1);
    for (const t of proof.targets) {
      expect(t.status, t.target).toBe("proven");
      expect(t.text).toBe("已证明：任何申报金额不变");
    }
    expect(proof.targets.map((t) => t.target)).toContain("第1条");
    expect(proof.targets.map((t) => t.target)).toContain("合计");
  });
});
