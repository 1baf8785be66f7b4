/**
 * Short compiler fuzzing (seeded): mutated, recombined and hostile policies never crash or hang the
 * compiler, diagnostics are in range, and compiled results load and evaluate without running
 * injected code. The full-size run is scripts/hardening/fuzz-compiler.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCompile } from "./check-compile.js";
import { policySource } from "./policy-source.js";

const corpus = [
  "policies/jiading-2021-industrial-internet.zc",
  ...readdirSync("test/cases/good")
    .filter((f) => f.endsWith(".zc"))
    .map((f) => `test/cases/good/${f}`),
].map((f) => readFileSync(f, "utf8"));

describe("compiler fuzzing (short)", () => {
  it("1,500 generated policies: no crash, no hang, valid ranges, no injection", () => {
    const problems: string[] = [];
    let compiled = 0;
    for (let i = 0; i < 1500; i++) {
      const src = policySource(corpus, 1, i);
      const c = checkCompile(src);
      if (c.ok) compiled++;
      for (const p of c.problems) problems.push(`#${i}: ${p}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(compiled).toBeGreaterThan(100); // the hostile and line cases often still compile
  });
});
