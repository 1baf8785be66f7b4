import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { parse } from "../../compiler/compile.js";
import { policyDifference } from "../../compiler/format/compare-trees.js";
import { formatSource } from "../../compiler/format/format.js";
import { guidelineNames } from "../../compiler/node/find-policy.js";
import plugin from "../../compiler/node/prettier-plugin.js";
import { int, pick, rng } from "../support/random.js";
import { randomPolicy } from "./random-policy.js";

/** Every .zc file below a folder. */
function zcFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return zcFiles(full);
      return name.endsWith(".zc") ? [full] : [];
    });
}

const fmt = (s: string, printWidth?: number, file?: string): string => {
  const known = file ? guidelineNames(s, file) : [];
  const r = formatSource(s, { known, ...(printWidth ? { printWidth } : {}) });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.text!;
};

describe("every policy and test file is already formatted", () => {
  // test/cases/bad holds malformed policies whose expected diagnostics carry line numbers.
  const files = [...zcFiles("policies"), ...zcFiles("test")].filter(
    (f) => !f.startsWith(join("test", "cases", "bad")),
  );
  for (const file of files) {
    it(file, () => {
      const source = readFileSync(file, "utf8");
      expect(fmt(source, undefined, file)).toBe(source);
    });
  }
});

describe("the Prettier plugin", () => {
  it("formats the 2024 guideline to itself, with the names of its policy", async () => {
    const file = "policies/jiading-2024-guideline.zc";
    const g = readFileSync(file, "utf8");
    const out = await prettier.format(g, { parser: "zhengce", plugins: [plugin], filepath: file });
    expect(out).toBe(g);
  });
  it("formats the seed to itself, as zhengce fmt does", async () => {
    const seed = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
    const out = await prettier.format(seed, { parser: "zhengce", plugins: [plugin] });
    expect(out).toBe(seed);
  });
  it("formats a messy file like zhengce fmt and keeps every comment", async () => {
    const messy = readFileSync("test/format/files/messy.input.txt", "utf8");
    const out = await prettier.format(messy, { parser: "zhengce", plugins: [plugin] });
    expect(out).toBe(fmt(messy));
    for (const c of parse(messy).ast.comments) expect(out).toContain(c.text);
  });
  it("prints a file holding only comments", async () => {
    const out = await prettier.format("# 甲\n\n\n# 乙", { parser: "zhengce", plugins: [plugin] });
    expect(out).toBe("# 甲\n\n# 乙\n");
  });
  it("reports syntax errors in Chinese with a position", async () => {
    await expect(
      prettier.format("政策 甲\n第1条 乙\n  资助 比例", { parser: "zhengce", plugins: [plugin] }),
    ).rejects.toThrow(/第|应|缺/);
  });
});

describe("layout", () => {
  const messy = readFileSync("test/format/files/messy.input.txt", "utf8");
  it("is canonical: indentation 2, canonical keywords, one blank line between items", () => {
    const out = fmt(messy);
    expect(out).toContain("政策 测试政策 # 标题后的注释\n  文号 “测试〔2024〕1号”\n");
    expect(out).toContain(
      "条件 项目投资 超过 100万 并且 企业类型 属于 甲类 或者 项目投资 大于 1亿",
    );
    expect(out).toContain("\n\n第1条 测试条款 # 条款行尾\n  条件");
    expect(out).not.toMatch(/\n\n\n/);
    expect(out).not.toMatch(/[ \t]\n/);
  });
  it("is idempotent", () => {
    const once = fmt(messy);
    expect(fmt(once)).toBe(once);
  });
  it("keeps every comment", () => {
    const out = fmt(messy);
    const before = parse(messy).ast.comments.map((c) => c.text);
    const after = parse(out).ast.comments.map((c) => c.text);
    expect(after.sort()).toEqual(before.sort());
  });
  it("breaks a long table one row per line, counting a Chinese character as 2 columns", () => {
    const src =
      "政策 甲\n申报信息\n  级别 枚举 区级、市级、国家级\n第1条 乙\n  资助 定额 按 级别：区级 200万，市级 500万，国家级 1000万\n";
    const narrow = fmt(src, 40);
    expect(narrow).toContain(
      "  资助 定额 按 级别：\n    区级 200万，\n    市级 500万，\n    国家级 1000万\n",
    );
    // 44 columns wide as printed ("  资助 定额 按 级别：区级 200万，市级 500万，国家级 1000万" has 20 Chinese characters).
    expect(fmt(src, 58)).toContain("按 级别：区级 200万");
    expect(fmt(src, 57)).toContain("按 级别：\n");
  });
  it("leaves a file with syntax errors alone and says why", () => {
    const r = formatSource("政策 甲\n第1条 乙\n  资助 比例 30%\n");
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.severity).toBe("error");
  });
});

describe("random policies keep their trees", () => {
  for (let seed = 1; seed <= 150; seed++) {
    it(`seed ${seed}`, () => {
      const { source, comments } = randomPolicy(seed);
      const parsed = parse(source);
      expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const once = fmt(source);
      expect(policyDifference(parsed.ast, parse(once).ast)).toBeUndefined();
      expect(fmt(once)).toBe(once);
      for (const c of comments) expect(once).toContain(c);
      // Narrow widths break tables, brackets and logic chains; the tree must not change.
      const narrow = fmt(source, 40);
      expect(policyDifference(parsed.ast, parse(narrow).ast)).toBeUndefined();
      expect(fmt(narrow, 40)).toBe(narrow);
    });
  }
});

describe("the fuzz corpus keeps its trees", () => {
  const files = [...zcFiles("policies"), ...zcFiles("test/cases/good")];
  const corpus = files.map((f) => readFileSync(f, "utf8"));
  it("re-indented files with trailing spaces format back to the same text", () => {
    const r = rng(7);
    for (const [i, source] of corpus.entries()) {
      for (let k = 0; k < 5; k++) {
        const messy = source
          .split("\n")
          .map((l) => " ".repeat(int(r, 0, 5)) + l.trim() + " ".repeat(int(r, 0, 2)))
          .join("\n");
        expect(fmt(messy, undefined, files[i])).toBe(fmt(source, undefined, files[i]));
      }
    }
  });
  it("mutated files that still parse format to the same tree, idempotently", () => {
    const r = rng(11);
    const words = ["\n", " ", "  # 插入的注释\n", "\n\n", "，", "；"];
    let tried = 0;
    for (let n = 0; n < 400; n++) {
      const i = int(r, 0, corpus.length - 1);
      let s = corpus[i]!;
      for (let k = int(r, 1, 4); k > 0; k--) {
        const at = int(r, 0, s.length);
        s = s.slice(0, at) + pick(r, words) + s.slice(at);
      }
      const known = guidelineNames(corpus[i]!, files[i]!);
      const parsed = parse(s, known);
      if (parsed.diagnostics.some((d) => d.severity === "error")) continue;
      tried++;
      // Format with the names the parse used: a mutation may break a guideline's 基于 path, and
      // looking its base up again from the mutated text would then find no names at all.
      const withKnown = (x: string) => {
        const f = formatSource(x, { known });
        if (!f.ok) throw new Error(f.diagnostics.map((d) => d.message).join("\n"));
        return f.text!;
      };
      const once = withKnown(s);
      expect(policyDifference(parsed.ast, parse(once, known).ast)).toBeUndefined();
      expect(withKnown(once)).toBe(once);
    }
    expect(tried).toBeGreaterThan(50);
  });
});
