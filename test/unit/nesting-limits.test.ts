/**
 * Issue 12: deep nesting and huge clause numbers. 157 nested brackets used to overflow the parser's
 * stack (E999), 200 made every CLI command exit with an internal error, and 第1000000000000000000000条
 * passed `check` but generated `function clause1e+21`. Now nesting beyond 32 levels is E031 at the
 * bracket that opens one level too many, a tree deeper than 128 (a long chain of +) is E032, and
 * clause numbers beyond 9999 are E030; every pass works at the limits.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import {
  compile,
  formatSource,
  parse,
  policyDocument,
  runCases,
  type Diagnostic,
} from "../../compiler/index.js";
import { clauseFunctionName, countCode } from "../../compiler/to-ts/clause-ident.js";
import { MAX_CLAUSE_NUMBER, MAX_NESTING, MAX_TREE_DEPTH } from "../../grammar/limits.js";
import {
  analyze,
  completionItems,
  diagnosticsOf,
  documentSymbols,
  foldingRanges,
  hoverAt,
  semanticTokens,
} from "../../language/index.js";
import { loadPolicy } from "../../runtime/index.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const HEAD = "政策 嵌套测试\n\n申报信息\n  投资 金额 默认 0\n  级别 枚举 区级、市级 默认 区级\n\n";
const CASE = "\n案例 “投资 2万”\n  输入 投资 2万\n  期望 第1条 1万\n";

/** Nested constructs, `k` levels deep, each as the condition or amount of 第1条. */
const nested: Record<string, (k: number) => string> = {
  brackets: (k) => `  条件 ${"（".repeat(k)}投资${"）".repeat(k)} 超过 0\n  资助 定额 1万\n`,
  half: (k) => `  条件 ${"(".repeat(k)}投资${")".repeat(k)} 超过 0\n  资助 定额 1万\n`,
  takeHigher: (k) =>
    `  条件 ${"就高（".repeat(k)}投资${"，1）".repeat(k)} 超过 0\n  资助 定额 1万\n`,
  not: (k) => `  条件 ${"并非 ".repeat(k)}投资 超过 ${k % 2 ? "3万" : "0"}\n  资助 定额 1万\n`,
  neg: (k) => `  条件 ${"-".repeat(k)}投资 ${k % 2 ? "不满" : "超过"} 0\n  资助 定额 1万\n`,
  ifs: (k) =>
    `  资助 计算 ${"如果 投资 超过 1万 则 ".repeat(k)}1万${" 否则 0".repeat(k)}\n  上限 1万\n`,
  tables: (k) => `  资助 计算 ${"按 级别：市级 0，区级 ".repeat(k)}1万\n`,
};

const policy = (body: string) => `${HEAD}第1条 资助\n${body}${CASE}`;
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);

/** Every pass over the tree: check, code generation, cases, formatter, document, language services. */
function everyPass(src: string): { compiled: boolean; diagnostics: Diagnostic[] } {
  const r = compile(src);
  if (r.ok) {
    const outcomes = runCases(r.ast!, loadPolicy(r.js!));
    expect(outcomes.filter((o) => !o.passed).map((o) => o.failures)).toEqual([]);
    const f = formatSource(src);
    expect(f.diagnostics).toEqual([]);
    expect(f.ok).toBe(true);
    expect(policyDocument(r.ast!, "md")).toContain("资助");
    expect(policyDocument(r.ast!, "html")).toContain("资助");
  } else {
    expect(formatSource(src).ok).toBe(false);
    if (r.ast) policyDocument(r.ast, "md");
  }
  const a = analyze(src);
  diagnosticsOf(a);
  documentSymbols(a);
  foldingRanges(a);
  semanticTokens(a);
  completionItems(a);
  hoverAt(a, { line: 7, character: 8 });
  return { compiled: r.ok, diagnostics: r.diagnostics };
}

describe("nesting", () => {
  for (const [kind, make] of Object.entries(nested)) {
    it(`${kind}: ${MAX_NESTING} levels go through every pass`, () => {
      const r = everyPass(policy(make(MAX_NESTING)));
      expect(r.diagnostics).toEqual([]);
      expect(r.compiled).toBe(true);
    });

    it(`${kind}: ${MAX_NESTING + 1}, 157, 200 and 10,000 levels are E031 at the opener`, () => {
      for (const k of [MAX_NESTING + 1, 157, 200, 10_000]) {
        const src = policy(make(k));
        const r = everyPass(src);
        expect(r.compiled).toBe(false);
        expect(codes(r.diagnostics), `${kind} ${k}`).toEqual(["E031"]);
        const d = r.diagnostics[0]!;
        expect(d.message).toContain(`嵌套超过 ${MAX_NESTING} 层`);
        expect(d.help).toMatch(/定义/);
        // the opener of level 33 is the 33rd opening token on the line
        const line = src.split("\n")[d.span.line - 1]!;
        const before = line.slice(0, d.span.col - 1);
        const opener = src.slice(d.span.start, d.span.end);
        expect(opener.length).toBeGreaterThan(0);
        const count = before.split(opener).length - 1;
        expect(count, `${kind} ${k}: ${opener} at ${d.span.col}`).toBe(MAX_NESTING);
      }
    });
  }

  it(`a chain of + (no brackets) deeper than ${MAX_TREE_DEPTH} is E032, not a stack overflow`, () => {
    const chain = (n: number) =>
      policy(`  条件 ${Array(n).fill("投资").join(" + ")} 超过 0\n  资助 定额 1万\n`);
    expect(everyPass(chain(100)).diagnostics).toEqual([]);
    for (const n of [200, 10_000, 50_000]) {
      const r = everyPass(chain(n));
      expect(codes(r.diagnostics), String(n)).toEqual(["E032"]);
      expect(r.diagnostics[0]!.span.line).toBe(HEAD.split("\n").length + 1); // the 条件 line
    }
    const and = policy(
      `  条件 ${Array(20_000).fill("投资 超过 0").join(" 并且 ")}\n  资助 定额 1万\n`,
    );
    expect(codes(everyPass(and).diagnostics)).toEqual(["E032"]);
  });

  it("parse never throws, and other blocks are still parsed and reported", () => {
    const src = `${policy(nested.brackets!(5000))}\n第2条 另一条\n  资助 定额 1万\n第3条 第三条\n  资助 定额 ？\n`;
    const p = parse(src);
    expect(codes(p.diagnostics)).toContain("E031");
    expect(codes(p.diagnostics)).toContain("E100"); // 第3条's own error
    expect(p.ast.items.some((i) => i.kind === "Clause" && i.number === 2)).toBe(true);
  });

  it("CLI commands report E031 with exit code 1, never an internal error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-nesting-"));
    try {
      const file = join(dir, "deep.zc");
      writeFileSync(file, policy(nested.brackets!(200)));
      for (const argv of [
        ["check", file],
        ["test", file],
        ["fmt", file],
        ["doc", file],
      ]) {
        const { code, out } = await runCli(...argv);
        expect(out, argv[0]).not.toContain("内部错误");
        expect(out, argv[0]).toContain("E031");
        expect(code, argv[0]).toBe(1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("clause numbers", () => {
  const withNumber = (no: string) => `${HEAD}${no} 资助\n  资助 定额 1万\n`;

  it(`第${MAX_CLAUSE_NUMBER}条 compiles and loads; larger numbers are E030`, () => {
    const ok = compile(withNumber(`第${MAX_CLAUSE_NUMBER}条`));
    expect(ok.diagnostics).toEqual([]);
    expect(loadPolicy(ok.js!).evaluate({}).ok).toBe(true);
    for (const no of ["第10000条", "第1000000000000000000000条", `第${"9".repeat(400)}条`]) {
      const r = compile(withNumber(no));
      expect(codes(r.diagnostics), no).toEqual(["E030"]);
      expect(r.diagnostics[0]!.span.start).toBe(HEAD.length);
      expect(r.diagnostics[0]!.span.end).toBe(HEAD.length + no.length);
    }
  });

  it("a too-large number in a case or 开放 line is E030 too", () => {
    const src = `${withNumber("第1条")}\n案例 “甲”\n  期望 第99999条 1万\n`;
    expect(codes(compile(src).diagnostics)).toContain("E030");
  });

  it("code generation refuses any number that is not a small integer", () => {
    expect(clauseFunctionName(5)).toBe("clause5");
    for (const n of [1e21, -1, 1.5, NaN, Infinity, MAX_CLAUSE_NUMBER + 1])
      expect(() => clauseFunctionName(n), String(n)).toThrow();
    for (const n of [1.5, -1, NaN, 2 ** 60]) expect(() => countCode(n), String(n)).toThrow();
  });

  it("名额 and 每年限 must be whole numbers (E033); 1.5 used to reach code generation", () => {
    for (const item of ["名额 每年 1.5", "名额 每年 99999999999999999", "每年限 2.5", "名额 30%"]) {
      const r = compile(`${HEAD}第1条 资助\n  ${item}\n  资助 定额 1万\n`);
      expect(codes(r.diagnostics), item).toEqual(["E033"]);
    }
    expect(compile(`${HEAD}第1条 资助\n  名额 每年 20\n  资助 定额 1万\n`).ok).toBe(true);
  });
});
