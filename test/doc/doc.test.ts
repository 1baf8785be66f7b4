import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { policyDocument } from "../../compiler/to-doc/render.js";

const SEED = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
const ORIGINAL = readFileSync("policies/source/jiading-2021-industrial-internet.txt", "utf8");

/** The Markdown document of a policy source (which must compile). */
function doc(source: string, format: "md" | "html" = "md"): string {
  const r = compile(source, { emit: [] });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return policyDocument(r.ast!, format);
}

/** The paragraph of clause n in a Markdown document. */
function clause(md: string, n: number): string {
  const line = md.split("\n").find((l) => l.startsWith(`**${n}、`));
  if (!line) throw new Error(`no paragraph for clause ${n}`);
  return line;
}

/** Clause paragraphs of the original text, by number (markup and spaces removed). */
function originalClauses(): Map<number, string> {
  const text = ORIGINAL.replace(/\*\*/g, "").replace(/(\d)\s+(?=[万亿%年月日个])/g, "$1");
  const out = new Map<number, string>();
  let current = 0;
  for (const para of text.split(/\n\s*\n/)) {
    const m = /^\s*(\d+)、/.exec(para);
    if (m) current = Number(m[1]);
    if (current) out.set(current, (out.get(current) ?? "") + para.replace(/\s+/g, ""));
  }
  return out;
}

/** Amounts and ratios as the original writes them, normalised to the document's form (20万 → 20万元). */
function figures(text: string): string[] {
  return [...text.matchAll(/\d+(?:\.\d+)?(?:万元|万|亿元|亿|%)/g)].map((m) =>
    m[0].replace(/万$/, "万元").replace(/亿$/, "亿元"),
  );
}

describe("the seed's document against the original text 嘉经〔2021〕12号", () => {
  const md = doc(SEED);
  const original = originalClauses();
  const conditions: Record<number, string[]> = {
    1: ["获得“上海市智能工厂”授牌", "项目实际投资", "不超过"],
    2: ["通过相应“两化”贯标管理体系认证", "一次性"],
    3: ["工业互联网领域企业", "实现股改上市挂牌", "区上市挂牌补贴政策", "一次性"],
    4: ["达到规模以上并纳入统计", "并非此前已达到规模以上", "一次性"],
    5: [
      "被认定为工业互联网标杆示范项目",
      "已投入金额",
      "区级不超过200万元",
      "市级不超过500万元",
      "国家级不超过1000万元",
      "每年认定不超过20个",
      "上级",
      "配套",
      "就高执行",
    ],
    6: ["建成标识解析二级节点并投入运营", "一次性"],
    7: [
      "本区工业互联网服务商",
      "服务区内相关产业方向的企业数量",
      "待定",
      "实际发生的服务金额",
      "年度累计不超过100万元",
    ],
    8: ["跨行业跨领域工业互联网平台基础条件并取得良好应用效果", "平台建设（不含土建）总投入"],
    9: ["在嘉定区举办", "国际性或全国性", "事前备案", "专项审计确认", "年度累计不超过100万元"],
    10: ["冠名", "嘉定区工业互联网人才实训基地", "最高100万元"],
    11: ["工业互联网领域", "绿色通道", "人才引进、知识产权保护、科技创新、金融支持"],
    12: ["区政府批准的重大项目", "一事一议", "不受上述标准限制"],
  };
  for (let n = 1; n <= 12; n++) {
    it(`第${n}条: every amount, ratio and cap of the original appears`, () => {
      const para = clause(md, n);
      const want = figures(original.get(n) ?? "");
      if (n <= 10) expect(want.length).toBeGreaterThan(0);
      for (const f of want) expect(para).toContain(f);
      for (const c of conditions[n]!) expect(para).toContain(c);
    });
  }
  it("支持对象 and 第14条: every condition appears", () => {
    const section = md.slice(md.indexOf("## 一、支持对象"), md.indexOf("## 二、"));
    for (const c of [
      "实际经营、工商注册和税务登记均在本区",
      "法人企业",
      "经营状态正常",
      "信用记录良好",
      "符合产业发展方向",
      "上一年度存在重大违法、违纪和其他严重失信行为",
    ])
      expect(section).toContain(c);
  });
  it("附则: stacking (第13条) and validity (第16条)", () => {
    const section = md.slice(md.indexOf("## 三、附则"));
    expect(section).toContain("从高不重复");
    expect(section).toContain("区、镇其他产业政策扶持资金");
    expect(section).toContain("2021年6月18日");
    expect(section).toContain("2025年12月31日");
    expect(section).toContain("由年度申报指南确定");
  });
  it("has the official header: title, 文号, issuer, date", () => {
    expect(md).toContain("# 嘉定区工业互联网创新发展专项支持实施意见");
    expect(md).toContain("嘉经〔2021〕12号");
    expect(md).toContain("上海市嘉定区经济委员会");
    expect(md.trimEnd().endsWith("2021年6月18日")).toBe(true);
  });
});

describe("the prose is generated from the rules", () => {
  it("a changed cap, ratio or amount changes the document", () => {
    const changed = SEED.replace(
      "资助 比例 30% 基数 项目实际投资\n  上限 200万",
      "资助 比例 25% 基数 项目实际投资\n  上限 180万",
    ).replace("奖励 定额 20万\n\n第3条", "奖励 定额 35万\n\n第3条");
    expect(changed).not.toBe(SEED);
    const md = doc(changed);
    expect(clause(md, 1)).toContain("25%");
    expect(clause(md, 1)).toContain("不超过180万元");
    expect(clause(md, 1)).not.toContain("200万元");
    expect(clause(md, 2)).toContain("35万元");
    expect(clause(doc(SEED), 1)).toContain("不超过200万元");
  });
  it("a parameter's value replaces 待定", () => {
    const set = SEED.replace(
      "服务企业数量要求 数量（家） 待定",
      "服务企业数量要求 数量（家） = 15家",
    );
    const para = clause(doc(set), 7);
    expect(para).toContain("不少于15家");
    expect(para).not.toContain("待定");
  });
});

describe("HTML output", () => {
  const html = doc(SEED, "html");
  it("prints on A4 with Chinese fonts and a page break between sections", () => {
    expect(html).toContain("@page { size: A4;");
    expect(html).toMatch(/font-family: var\(--body\)/);
    expect(html).toContain("FangSong");
    expect(html).toContain("section + section { break-before: page;");
    expect(html.match(/<section>/g)?.length).toBe(3);
    expect(html).toContain('<html lang="zh-CN">');
  });
  it("escapes all policy text", () => {
    const src = `政策 <script>alert(1)</script>&甲
  文号 “<b>x</b>”

申报信息
  项目投资 金额 “投资<img src=x onerror=alert(1)>”

第1条 标题<i>斜</i>
  资助 比例 30% 基数 项目投资
`;
    const out = doc(src, "html");
    expect(out).not.toMatch(/<script>|<img|<b>x|<i>/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&amp;甲");
    expect(out).toContain("投资&lt;img src=x onerror=alert(1)&gt;");
    const md = doc(src, "md");
    expect(md).toContain("\\<script\\>");
  });
});
