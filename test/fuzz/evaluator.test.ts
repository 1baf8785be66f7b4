/**
 * Short evaluator fuzzing (seeded): malformed applications always get one error per broken field,
 * never a result, a silent 0, NaN or an exception.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { loadPolicy } from "../../runtime/define.js";
import { randomCase } from "../oracle/random-application.js";
import { rng } from "../support/random.js";
import { errorProblems, resultProblems } from "./check-evaluation.js";
import { malformed } from "./malformed-application.js";

const policy = loadPolicy(
  compile(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).js!,
);

describe("evaluator fuzzing", () => {
  it("3,000 malformed applications: a field-by-field error every time", () => {
    const r = rng(404);
    const problems: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const base = randomCase(r);
      const bad = malformed(r, base.app, policy.meta.inputs);
      let ev;
      try {
        ev = policy.evaluate(bad.app, base.options);
      } catch (e) {
        problems.push(`#${i} 抛出异常：${String(e)}（${bad.defects.join("；")}）`);
        continue;
      }
      problems.push(...errorProblems(ev, bad.broken, bad.defects).map((p) => `#${i} ${p}`));
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("3,000 valid applications in odd spellings: well-formed results", () => {
    const r = rng(405);
    for (let i = 0; i < 3000; i++) {
      const c = randomCase(r);
      const ev = policy.evaluate(c.app, c.options);
      expect(ev.ok, JSON.stringify(c.app)).toBe(true);
      expect(resultProblems(ev)).toEqual([]);
    }
  });
});
