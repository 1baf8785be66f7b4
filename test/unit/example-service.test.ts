/**
 * The README's service example runs: the CLI compiles the seed into examples/generated, and
 * examples/service.ts imports the generated module through the package export zhengce/runtime.
 */
import { execFileSync } from "node:child_process";
import ts from "typescript";
import { expect, it } from "vitest";
import { runCli } from "../support/cli.js";

it("examples/service.ts quotes the sample application from the compiled module", async () => {
  const { code, out } = await runCli(
    "compile",
    "policies/jiading-2021-industrial-internet.zc",
    "--out",
    "examples/generated",
  );
  expect(code, out).toBe(0);
  // The example imports generated code, so it is type-checked here, after generation, not by `lint`.
  const program = ts.createProgram(["examples/service.ts"], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  });
  expect(
    ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
  ).toEqual([]);
  const example = "../../examples/service.js";
  const { quote } = (await import(example)) as {
    quote: (app: Record<string, unknown>, date: string) => unknown;
  };
  const q = quote(
    {
      注册地在本区: true,
      法人企业: true,
      经营状态正常: true,
      信用记录良好: true,
      获智能工厂授牌: true,
      项目实际投资: "500万",
    },
    "2022-03-01",
  );
  expect(q).toEqual({
    total: "1500000",
    lines: ["第1条 1500000元：项目实际投资 500万元 × 30% = 150万元；150万元 未超过上限 200万元"],
  });
  const bad = quote(
    {
      注册地在本区: true,
      法人企业: true,
      经营状态正常: true,
      信用记录良好: true,
      项目实际投资: "-1",
    } as never,
    "2022-03-01",
  );
  expect(bad).toEqual({ errors: ["项目实际投资：“项目实际投资”金额不能为负数：收到 “-1”"] });

  // the plain ES module runs in a plain Node program
  const script = `import("./examples/generated/jiading-2021-industrial-internet.mjs").then((m) => console.log(m.evaluate({ 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true, 获智能工厂授牌: true, 项目实际投资: 5000000 }, { date: "2022-03-01" }).result.total))`;
  expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()).toBe(
    "1500000",
  );
});
