/**
 * The language services compile a change for its diagnostics without generating code (issue 15:
 * a change answered quickly); the code is generated once, when a case is run or after a pause, and
 * a failure to generate it is still reported (E999), not lost.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Checked } from "../../compiler/index.js";
import {
  analyze,
  caseOutcomes,
  diagnosticsOf,
  scriptOf,
  type Analysis,
} from "../../language/index.js";
import { SEED_FILE } from "../support/seed.js";

const SEED = readFileSync(SEED_FILE, "utf8");

describe("code generated when it is needed", () => {
  it("a change is analysed without code; the cases generate it once", () => {
    const a = analyze(SEED);
    expect(a.result.ok).toBe(true);
    expect(a.result.js).toBeUndefined();
    const outcomes = caseOutcomes(a);
    expect(outcomes.length).toBeGreaterThan(10);
    expect(outcomes.every((o) => o.passed)).toBe(true);
    const script = scriptOf(a);
    expect(script && "js" in script && script.js.length).toBeGreaterThan(1000);
    expect(scriptOf(a)).toBe(script);
    expect(diagnosticsOf(a).filter((d) => d.severity === 1)).toEqual([]);
  });

  it("a text with errors has no code to generate", () => {
    const a = analyze(SEED.replace("资助 比例 30%", "资助 比例"));
    expect(a.result.ok).toBe(false);
    expect(scriptOf(a)).toBeUndefined();
  });

  it("a generation that fails is an E999 diagnostic once tried, and the cases report nothing", () => {
    const a = analyze(SEED);
    const broken: Analysis = {
      ...a,
      result: {
        ...a.result,
        checked: { ...a.result.checked!, policy: null } as unknown as Checked,
      },
    };
    expect(diagnosticsOf(broken).map((d) => d.code)).not.toContain("E999");
    expect(caseOutcomes(broken)).toEqual([]);
    const script = scriptOf(broken);
    expect(script && "error" in script && script.error.code).toBe("E999");
    const e999 = diagnosticsOf(broken).filter((d) => d.code === "E999");
    expect(e999).toHaveLength(1);
    expect(e999[0]!.message).toMatch(/^编译器内部错误：/);
  });
});
