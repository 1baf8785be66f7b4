import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileGuideline } from "../../compiler/guideline/compile-guideline.js";
import { guidelineDocument } from "../../compiler/to-doc/render.js";

const POLICY = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
const GUIDE = readFileSync("policies/jiading-2024-guideline.zc", "utf8");

function doc(source: string, format: "md" | "html" = "md"): string {
  const r = compileGuideline(source, POLICY, { emit: [] });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return guidelineDocument(
    {
      effective: r.ast!,
      guideline: r.guideline!,
      policy: r.policy!,
      provenance: r.provenance,
      open: r.open,
      closed: r.closed,
    },
    format,
  );
}

const para = (md: string, n: number) => md.split("\n").find((l) => l.startsWith(`**${n}、`)) ?? "";

describe("the 2024 guideline as a 申报指南 document", () => {
  const md = doc(GUIDE);
  it("reads like a 申报指南: title, basis, 申报时间, conditions, standards, changes", () => {
    expect(md).toContain("# 2024年度嘉定区工业互联网创新发展专项资金申报指南");
    expect(md).toContain(
      "依据《嘉定区工业互联网创新发展专项支持实施意见》（嘉经〔2021〕12号）制定",
    );
    expect(md).toContain("申报期为2024年3月15日至2024年4月30日");
    expect(md).toMatch(
      /## 一、申报时间[\s\S]*## 二、申报条件[\s\S]*## 三、支持内容及标准[\s\S]*## 四、其他事项[\s\S]*## 五、本指南对政策标准的调整/,
    );
  });
  it("shows only the open clauses, with the guideline's figures", () => {
    expect(para(md, 3)).toBe("");
    expect(md).toContain("本年度不受理第3条、第4条、第6条、第8条、第11条的申报。");
    expect(para(md, 7)).toContain("不少于10家（自2024年7月1日起为12家）");
    expect(para(md, 7)).toContain("25%");
    expect(para(md, 7)).toContain("不超过80万元");
    expect(para(md, 7)).toContain("改造实施或安全服务");
    expect(para(md, 5)).toContain("每年认定不超过15个");
    expect(para(md, 5)).toContain("不低于100万元");
    expect(para(md, 1)).toContain("不超过200万元");
  });
  it("lists what it changed against the policy", () => {
    expect(md).toContain("第7条 上限：80万（政策为 100万）。");
    expect(md).toContain("参数 服务企业数量要求：10家，自2024年7月1日 12家（政策为 待定）。");
  });
  it("follows a changed value", () => {
    const changed = doc(
      GUIDE.replace(
        "服务企业数量要求 数量（家） = 10家",
        "服务企业数量要求 数量（家） = 8家",
      ).replace("  上限 80万\n", "  上限 60万\n"),
    );
    expect(para(changed, 7)).toContain("不少于8家");
    expect(para(changed, 7)).toContain("不超过60万元");
  });
  it("renders print-ready HTML", () => {
    const html = doc(GUIDE, "html");
    expect(html).toContain("<h1>2024年度嘉定区工业互联网创新发展专项资金申报指南</h1>");
    expect(html.match(/<section>/g)?.length).toBe(5);
  });
});
