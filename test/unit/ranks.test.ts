/**
 * Ranks and places (issue 10 §5): `名次` inputs, `第10名` and `前十名`, compared in the natural
 * direction (a better place is a smaller number); words whose direction is unclear for places,
 * arithmetic on places and places compared with plain numbers are errors.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { formatSource } from "../../compiler/format/format.js";
import { policyDocument } from "../../compiler/to-doc/render.js";
import { RANK_UNIT as GRAMMAR_RANK_UNIT } from "../../grammar/keywords.js";
import { textToTokens } from "../../grammar/text-to-tokens.js";
import { prepare } from "../../review/diff-policies.js";
import { closeSolver, proveDiff } from "../../review/node/index.js";
import { loadPolicy, RANK_UNIT, type Evaluation } from "../../runtime/index.js";

const SOURCE = readFileSync("test/cases/good/ranks.zc", "utf8");
const policy = loadPolicy(compile(SOURCE).js!);

afterAll(() => closeSolver());

const amounts = (e: Evaluation) => {
  if (!e.ok) throw new Error(JSON.stringify(e.errors));
  return e.result.clauses.map((c) => c.amount);
};
// numbers only: the integer fast path; with explanations: the decimal.js path
const run = (rank: unknown, last: unknown = 100, explain = false) =>
  policy.evaluate(
    { 行业排名: rank, 上年行业排名: last, 营业收入: 100000000, 申报日期: "2024-05-01" },
    { explain },
  );
const codes = (source: string) => compile(source).diagnostics.map((d) => d.code);

describe("ranks and places", () => {
  it("第10名, 前十名 and 前10名 are places; 第0名 is E241", () => {
    const toks = textToTokens("第10名 前十名 前10名 第一名").tokens;
    expect(toks.map((t) => (t as { payload?: unknown }).payload)).toEqual(
      [10, 10, 10, 1].map((n) => ({ kind: "count", value: String(n), unit: RANK_UNIT })),
    );
    expect(textToTokens("第0名").diagnostics.map((d) => d.code)).toEqual(["E241"]);
    expect(GRAMMAR_RANK_UNIT).toBe(RANK_UNIT);
  });

  it("a better place is a smaller number: 位列 前十名 includes 第10名, not 第11名", () => {
    expect(amounts(run(1))).toEqual(["500000", "100000"]);
    expect(amounts(run(3))).toEqual(["500000", "100000"]);
    expect(amounts(run(4))).toEqual(["200000", "100000"]);
    expect(amounts(run(10))).toEqual(["200000", "100000"]);
    expect(amounts(run(11))).toEqual(["0", "100000"]);
    expect(amounts(run(20))).toEqual(["0", "100000"]);
    expect(amounts(run(21))).toEqual(["0", "0"]);
    // 高于 上年行业排名: a strictly better place than last year
    expect(amounts(run(5, 5))[1]).toBe("0");
    expect(amounts(run(5, 6))[1]).toBe("100000");
    // the fast path and the explained path agree on every place
    for (let place = 1; place <= 25; place++)
      for (const last of [1, place, place + 1])
        expect(amounts(run(place, last)), `第${place}名 上年第${last}名`).toEqual(
          amounts(run(place, last, true)),
        );
  });

  it("application data: 3, “3” and “第3名” are the same place; 0 and 2.5 are refused in Chinese", () => {
    expect(amounts(run("第3名"))).toEqual(amounts(run(3)));
    expect(amounts(run("3"))).toEqual(amounts(run(3)));
    for (const bad of [0, 2.5, "第0名", "前三名"]) {
      const e = run(bad);
      expect(e.ok).toBe(false);
      expect(!e.ok && e.errors[0]!.message).toMatch(/名次/);
    }
  });

  it("places compare only with places, in words whose direction is plain (E242)", () => {
    const c = (cond: string) => codes(SOURCE.replace("行业排名 位列 前十名", cond));
    expect(c("行业排名 不低于 10")).toContain("E242");
    expect(c("行业排名 不超过 第10名")).toContain("E242");
    expect(c("行业排名 大于 第10名")).toContain("E242");
    expect(c("营业收入 位列 前十名")).toContain("E242");
    expect(c("行业排名 不低于 第10名")).not.toContain("E242");
    expect(c("行业排名 低于 第10名")).not.toContain("E242");
  });

  it("places take no arithmetic, 就高 or 分档 (E243)", () => {
    const a = (amount: string) =>
      codes(SOURCE.replace("如果 行业排名 位列 前三名 则 50万 否则 20万", amount));
    expect(a("行业排名 × 1万")).toContain("E243");
    expect(
      codes(
        SOURCE.replace(
          "条件 行业排名 位列 前十名",
          "条件 就高（行业排名，上年行业排名） 位列 前十名",
        ),
      ),
    ).toContain("E243");
  });

  it("the document, the diff, the formatter and the prover read places the same way", async () => {
    const md = policyDocument(compile(SOURCE, { emit: [] }).ast!, "md");
    expect(md).toContain("排名位列前十名的");
    expect(md).toContain("排名不低于第20名");
    const five = SOURCE.replace("位列 前十名", "位列 前五名");
    expect(prepare(SOURCE, five).changes.map((c) => c.text)).toEqual([
      "第1条 条件 行业排名 位列 前十名 → 行业排名 位列 前五名",
    ]);
    const f = formatSource(SOURCE.replace("行业排名 名次", "行业排名   名次"));
    expect(f.ok && f.text).toBe(SOURCE);
    const proof = await proveDiff(prepare(SOURCE, five), { regions: 2 });
    const t1 = proof.targets.find((t) => t.target === "第1条")!;
    expect(t1.status).toBe("differs");
    for (const r of t1.regions) {
      expect(r.witness.verified).toBe(true);
      const place = Number(r.witness.application["行业排名"]);
      // only 第6名 to 第10名 lose the award
      expect(place >= 6 && place <= 10).toBe(true);
      expect(r.conditions.join("；")).not.toMatch(/行业排名 低于 前十名/);
    }
  });
});
