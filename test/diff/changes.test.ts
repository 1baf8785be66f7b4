import { describe, expect, it } from "vitest";
import { prepare } from "../../review/diff-policies.js";
import { cosmeticSource, draftSource, edit, renumberedSource, seedSource } from "./variants.js";

const seed = seedSource();
/** The change lines against the seed; the edited version must compile. */
const lines = (src: string) => {
  const p = prepare(seed, src);
  expect(p.new.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return p.changes.map((c) => c.text);
};

describe("change list", () => {
  it("names the legal effect of each change in the draft", () => {
    const { changes } = prepare(seed, draftSource(seed));
    const rule = changes.filter((c) => c.effect === "rule").map((c) => c.text);
    expect(rule).toEqual([
      "有效期 延长至 2027年12月31日",
      "新增申报信息：通过安全评估（是否）",
      "第1条 比例 30% → 25%",
      "第5条 市级上限 500万元 → 800万元",
      "第5条 市级上限（与已获上级补助金额合计，当 并非 上级补助要求配套） 500万元 → 800万元",
      "第7条 新增条件：实际发生服务金额 不少于 50万",
      "新增第13条 支持工业互联网安全防护（定额 50万元）",
    ]);
    expect(changes.filter((c) => c.effect === "format").map((c) => c.kind)).toEqual(["comment"]);
  });

  it("gives each change its clause, kind, before, after and a span in each file", () => {
    const draft = draftSource(seed);
    const { changes } = prepare(seed, draft);
    const cap = changes.find((c) => c.kind === "cap")!;
    expect(cap).toMatchObject({
      clause: "第5条",
      oldClause: 5,
      newClause: 5,
      subject: "市级上限",
      before: "500万元",
      after: "800万元",
    });
    expect(seed.slice(cap.oldSpan!.start, cap.oldSpan!.end)).toBe("市级 500万");
    expect(draft.slice(cap.newSpan!.start, cap.newSpan!.end)).toBe("市级 800万");
    const ratio = changes.find((c) => c.kind === "ratio")!;
    expect(ratio).toMatchObject({ clause: "第1条", before: "30%", after: "25%" });
    expect(draft.slice(ratio.newSpan!.start, ratio.newSpan!.end)).toBe("25%");
    const added = changes.find((c) => c.kind === "clause-added")!;
    expect(added).toMatchObject({ clause: "第13条", newClause: 13 });
    expect(added.oldSpan).toBeUndefined();
    expect(JSON.parse(JSON.stringify(changes))).toEqual(changes);
  });

  it("reports comment and layout changes as such, not as rule changes", () => {
    const { changes } = prepare(seed, cosmeticSource(seed));
    expect(changes.every((c) => c.effect === "format")).toBe(true);
    expect(changes.map((c) => c.kind).sort()).toEqual(["comment", "formatting"]);
    expect(changes.find((c) => c.kind === "comment")!.text).toContain(
      "“第14条” → “第14条：严重失信”",
    );
  });

  it("recognises the spelling of a figure as formatting", () => {
    const s = edit(seed, "  上限 200万\n", "  上限 2,000,000元\n");
    expect(lines(s)).toEqual(["书写形式变化（数字写法、同义用语或说明文字的写法），规则不变"]);
  });

  it("recognises renumbered clauses as moved, not removed and added", () => {
    const { changes } = prepare(seed, renumberedSource(seed));
    expect(changes.map((c) => [c.kind, c.text])).toEqual([
      ["clause-moved", "第11条 绿色通道 重新编号为 第10条"],
      ["clause-moved", "第10条 鼓励专业培训机构开展工业互联网相关培训 重新编号为 第11条"],
    ]);
  });

  it("words parameters, categories, caps, once and quotas", () => {
    let s = edit(seed, "服务企业数量要求 数量（家） 待定", "服务企业数量要求 数量（家） = 10家");
    s = edit(s, "项目级别 枚举 区级、市级、国家级", "项目级别 枚举 区级、市级、国家级、省级");
    s = edit(s, "国家级 1000万", "国家级 1000万，省级 300万", 2);
    s = edit(s, "  名额 每年 20\n", "  名额 每年 15\n");
    s = edit(s, "  年度累计上限 100万\n\n第8条", "  年度累计上限 80万\n\n第8条");
    s = edit(s, "  条件 通过两化融合贯标认证\n  一次性\n", "  条件 通过两化融合贯标认证\n");
    s = edit(s, "有效期 2021年6月18日 至 2025年12月31日", "有效期 2021年6月18日 至 2024年12月31日");
    expect(lines(s)).toEqual([
      "有效期 缩短至 2024年12月31日",
      "申报信息 项目级别 新增可选值 省级",
      "参数 服务企业数量要求 待定 → 10家",
      "第2条 取消一次性限制",
      "第5条 新增 省级上限 300万元",
      "第5条 新增 省级上限（与已获上级补助金额合计，当 并非 上级补助要求配套） 300万元",
      "第5条 名额 每年20个 → 每年15个",
      "第7条 年度累计上限 100万元 → 80万元",
    ]);
  });

  it("finds nothing between identical versions", () => {
    expect(prepare(seed, seed).changes).toEqual([]);
  });
});
