import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, runCases } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";

const SEED = "policies/jiading-2021-industrial-internet.zc";

describe("seed policy 嘉经〔2021〕12号", () => {
  const source = readFileSync(SEED, "utf8");
  const result = compile(source);
  it("compiles without diagnostics", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });
  const policy = loadPolicy(result.js!);
  for (const outcome of runCases(result.ast!, policy)) {
    it(`案例：${outcome.title}`, () => {
      expect(outcome.failures).toEqual([]);
    });
  }
});
