import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { compileGuideline, preparePolicy } from "../../compiler/index.js";

const POLICY = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
const GUIDELINE = readFileSync("policies/jiading-2024-guideline.zc", "utf8");

it("a prepared base policy gives the same result as its text, and composing does not change it", () => {
  const prepared = preparePolicy(POLICY);
  const fromText = compileGuideline(GUIDELINE, POLICY);
  const raised = GUIDELINE.replace("上限 80万", "上限 300万");
  const first = compileGuideline(GUIDELINE, prepared);
  const other = compileGuideline(raised, prepared);
  const again = compileGuideline(GUIDELINE, prepared);
  expect(fromText.ok).toBe(true);
  expect(first.js).toBe(fromText.js);
  expect(again.js).toBe(fromText.js);
  expect(again.diagnostics).toEqual(fromText.diagnostics);
  expect(other.ok).toBe(false);
  expect(other.diagnostics.map((d) => d.code)).toContain("E402");
});
