/**
 * Option fuzzing (issue 11, done-when): malformed ledger, approved, params and date always give a
 * Chinese error naming the broken option, never a result (a silent 0 or an amount above a cap).
 * ZC_FUZZ_OPTIONS=100000 runs the long version; CI runs the short one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";
import { randomCase } from "../oracle/random-application.js";
import { rng } from "../support/random.js";
import { malformedOptions } from "./malformed-options.js";

const policy = loadPolicy(
  compile(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).js!,
);
const N = Number(process.env.ZC_FUZZ_OPTIONS ?? 3000);

describe("option fuzzing", () => {
  it(`${N} malformed option sets: a Chinese field error every time`, () => {
    const r = rng(1111);
    const problems: string[] = [];
    for (let i = 0; i < N && problems.length < 10; i++) {
      const c = randomCase(r);
      const { options, field } = malformedOptions(r, { ...c.options, applicant: "甲公司" });
      let ev;
      try {
        ev = policy.evaluate(c.app, options);
      } catch (e) {
        problems.push(`#${i} 抛出异常：${String(e)}`);
        continue;
      }
      if (ev.ok) {
        problems.push(
          `#${i} 未报错：${JSON.stringify(options).slice(0, 200)} → 合计 ${ev.result.total}`,
        );
        continue;
      }
      const named = ev.errors.filter((e) => e.field.startsWith(field));
      if (!named.length)
        problems.push(`#${i} 没有指出 ${field}：${JSON.stringify(ev.errors).slice(0, 200)}`);
      for (const e of ev.errors)
        if (!/[\u4e00-\u9fff]/.test(e.message) || /Error|undefined|NaN|\[object/.test(e.message))
          problems.push(`#${i} 说明不是中文或含引擎文字：${e.message}`);
    }
    expect(problems).toEqual([]);
  });
});
