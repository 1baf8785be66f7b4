import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, runCases } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";

const SEED = "policies/jiading-2021-industrial-internet.zc";

describe("seed policy 嘉经〔2021〕12号", () => {
  const source = readFileSync(SEED, "utf8");
  const result = compile(source);
  it("compiles; the only warning is clause 7's parameter left for the guideline", () => {
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "W301 第7条用到的参数“服务企业数量要求”尚未设定（待定）",
    ]);
  });
  const policy = loadPolicy(result.js!);
  for (const outcome of runCases(result.ast!, policy)) {
    it(`案例：${outcome.title}`, () => {
      expect(outcome.failures).toEqual([]);
    });
  }
});
