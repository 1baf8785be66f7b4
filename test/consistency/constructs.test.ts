/**
 * §5–6 of issue #10: each construct of test/cases/good that puts a money expression in an amount
 * position has a document test (its figures appear in `zhengce doc`) and a diff test (changing one
 * figure yields a change line naming it). Goldens, cases and formatting are covered for every good
 * file by test/unit/golden.test.ts and test/format/format.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, policyDocument } from "../../compiler/index.js";
import { prepare } from "../../review/index.js";

interface Construct {
  readonly file: string;
  /** Phrases the document must contain. */
  readonly doc: readonly string[];
  /** Phrases the document must not contain (a figure hidden behind a name). */
  readonly notDoc?: readonly string[];
  /** One edit of the source and the change line it must yield. */
  readonly edits: readonly { readonly from: string; readonly to: string; readonly line: string }[];
}

const CONSTRUCTS: readonly Construct[] = [
  {
    file: "cap-expressions.zc",
    doc: [
      "本条资助累计，首次获得认定的不超过300万元，否则不超过200万元",
      "年度累计，按项目级别：区级不超过50万元，市级不超过80万元",
      "累计不超过累计支持额度（首次获得认定的为300万元，否则为200万元）",
    ],
    notDoc: ["累计不超过累计支持额度。", "累计不超过首次"],
    edits: [
      {
        from: "累计上限 如果 首次认定 则 300万 否则 200万",
        to: "累计上限 如果 首次认定 则 300万 否则 250万",
        line: "第1条 累计上限 如果 首次认定 则 300万 否则 200万 → 如果 首次认定 则 300万 否则 250万",
      },
      {
        from: "区级 50万，市级 80万",
        to: "区级 50万，市级 90万",
        line: "第2条 市级年度累计上限 80万元 → 90万元",
      },
      {
        from: "定义 累计封顶 = 如果 首次认定 则 300万",
        to: "定义 累计封顶 = 如果 首次认定 则 350万",
        line: "定义 累计封顶 如果 首次认定 则 300万 否则 200万 → 如果 首次认定 则 350万 否则 200万",
      },
    ],
  },
  {
    file: "amount-positions.zc",
    doc: [
      "金额为下列两项中的较高者：按项目级别：区级100万元，市级200万元；按企业规模：中小型50万元，大型300万元",
      "资助资金按项目级别：区级不超过80万元，市级不超过150万元，且不超过设备投资的10%",
      "取本条标准与下列各项中的最高者：上级资助金额；首次获得认定的为50万元，否则为0",
      "金额：首次获得认定的为设备投资的5%加10万元，否则为设备投资的5%",
    ],
    edits: [
      {
        from: "大型 300万）",
        to: "大型 250万）",
        line: "第1条 定额 就高（按 项目级别：区级 100万，市级 200万，按 企业规模：中小型 50万，大型 300万） → 就高（按 项目级别：区级 100万，市级 200万，按 企业规模：中小型 50万，大型 250万）",
      },
      {
        from: "设备投资 × 10%）",
        to: "设备投资 × 12%）",
        line: "第2条 上限 就低（按 项目级别：区级 80万，市级 150万，设备投资 × 10%） → 就低（按 项目级别：区级 80万，市级 150万，设备投资 × 12%）",
      },
    ],
  },
];

const source = (file: string) => readFileSync(`test/cases/good/${file}`, "utf8");

describe.each(CONSTRUCTS)("$file", (c) => {
  const src = source(c.file);
  it("the document shows every figure of its limits and amounts", () => {
    const r = compile(src, { emit: [] });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const md = policyDocument(r.ast!, "md");
    for (const p of c.doc) expect(md).toContain(p);
    for (const p of c.notDoc ?? []) expect(md).not.toContain(p);
  });
  for (const e of c.edits) {
    it(`changing “${e.from}” yields a change line`, () => {
      expect(src).toContain(e.from);
      const p = prepare(src, src.replace(e.from, e.to));
      expect(p.new.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(p.changes.filter((x) => x.effect === "rule").map((x) => x.text)).toContain(e.line);
    });
  }
});
