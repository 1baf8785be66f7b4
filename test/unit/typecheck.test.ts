/**
 * Every generated module type-checks under strict TypeScript, importing the runtime through the
 * package export `zhengce/runtime` exactly as a developer's service would.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";

const OUT = resolve("test/out/typecheck");
const sources = [
  "policies/jiading-2021-industrial-internet.zc",
  ...readdirSync("test/cases/good")
    .filter((f) => f.endsWith(".zc"))
    .map((f) => join("test/cases/good", f)),
];

/** 分档 as data tables (issue 12), with constant and with computed values, on both paths. */
const TABLES = [
  readFileSync("test/cases/good/brackets.zc", "utf8"),
  readFileSync("test/cases/good/bases-and-schedules.zc", "utf8"),
  [
    "政策 分档数据表类型",
    "申报信息",
    "  营业收入 金额",
    "第1条 分档",
    "  奖励 定额 分档 营业收入：",
    "    不满 1万：营业收入 × 5%",
    "    1万以上 不满 2万：1000元",
    "    2万以上：营业收入 × 3%",
    "",
  ].join("\n"),
];

describe("generated TypeScript", () => {
  it("type-checks under strict settings", () => {
    mkdirSync(OUT, { recursive: true });
    const files = sources.map((src) => {
      const r = compile(readFileSync(src, "utf8"));
      expect(r.ok, src).toBe(true);
      const file = join(OUT, src.replace(/[/\\]/g, "_").replace(/\.zc$/, ".ts"));
      writeFileSync(file, r.ts!);
      return file;
    });
    TABLES.forEach((src, k) => {
      const r = compile(src, { bracketTableFrom: 0 });
      expect(r.ok && r.ts).toContain(k === 2 ? "rt.bracketRow(FT" : "rt.bracketRow(");
      const file = join(OUT, `bracket-table-${k}.ts`);
      writeFileSync(file, r.ts!);
      files.push(file);
    });
    // A caller that uses the typed API: a wrong field type must be caught by the compiler.
    const caller = join(OUT, "caller.ts");
    const seed = files[0]!.replace(/\.ts$/, ".js");
    writeFileSync(
      caller,
      `import { evaluate } from ${JSON.stringify("./" + seed.split("/").pop())};\n` +
        `const r = evaluate({ 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: "是", 项目级别: "市级" });\n` +
        `if (r.ok) { const total: string = r.result.total; void total; }\n` +
        `// @ts-expect-error 项目级别 only takes the declared categories\n` +
        `evaluate({ 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true, 项目级别: "省级" });\n`,
    );
    const program = ts.createProgram([...files, caller], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noUnusedLocals: false,
      skipLibCheck: true,
      types: [],
    });
    const diags = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(diags).toEqual([]);
  });
});
