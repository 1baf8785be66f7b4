/**
 * The total's largest gain is searched on the incremental solver (galloping, then halving) and is
 * exact: raising a cap by 50万 gains at most 50万, reached by a witness both versions evaluate.
 * A change that a clause proof shows harmless leaves the total proven too (the clause proofs
 * are handed to the total's queries as equalities).
 */
import { afterAll, describe, expect, it } from "vitest";
import { prepare } from "../../review/index.js";
import { closeSolver, proveDiff } from "../../review/node/index.js";
import { Dec } from "../../runtime/index.js";

afterAll(() => closeSolver());

const POLICY = `政策 最大增加测试

申报信息
  项目投资 金额 默认 0
  获授牌 是否 默认 否
  通过认证 是否 默认 否

第1条 比例资助
  条件 获授牌
  资助 比例 30% 基数 项目投资
  上限 100万

第2条 定额奖励
  条件 通过认证
  奖励 定额 20万

叠加规则
  从高不重复
`;

describe("the total's extremes", () => {
  it("finds the exact largest gain of a raised cap, with a verified witness", async () => {
    const raised = POLICY.replace("上限 100万", "上限 150万");
    const proof = await proveDiff(prepare(POLICY, raised), { optimumMs: 30_000 });
    const total = proof.targets.find((t) => t.target === "合计")!;
    expect(total.status).toBe("differs");
    expect(total.loss).toBeUndefined();
    expect(total.gain?.largest).toBe(true);
    expect(total.gain?.delta).toBe("500000");
    const w = total.gain!.witness;
    expect(w.verified).toBe(true);
    expect(new Dec(w.after.amount).minus(w.before.amount).toString()).toBe("500000");
    expect(total.text).toContain("单份申报最多增加 50万元");
  }, 60_000);

  it("proves the total unchanged when the only changed clause is proven unchanged", async () => {
    // the same condition written the other way round: the clause proof says so, the total follows
    const swapped = POLICY.replace("  条件 通过认证\n", "  条件 并非 并非 通过认证\n");
    const proof = await proveDiff(prepare(POLICY, swapped));
    expect(proof.targets.find((t) => t.target === "第2条")?.status).toBe("proven");
    expect(proof.targets.find((t) => t.target === "合计")?.status).toBe("proven");
  }, 60_000);
});
