/**
 * The examples the language reference and the README show for limit scopes, projects and periods
 * compile, and their embedded cases pass: the documentation cannot show a construct that does not work.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, runCases } from "../../compiler/index.js";
import { SCOPE_EXAMPLE } from "../../grammar/reference-limits.js";
import { loadPolicy } from "../../runtime/index.js";

/** Fenced code blocks of a Markdown file that are complete policies with cases. */
function policyBlocks(path: string): string[] {
  const md = readFileSync(path, "utf8");
  return [...md.matchAll(/```\n(政策 [\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((b) => b.includes("\n案例 "));
}

function runExample(source: string): void {
  const r = compile(source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const outcomes = runCases(r.ast!, loadPolicy(r.js!));
  expect(outcomes.length).toBeGreaterThan(0);
  expect(outcomes.filter((o) => !o.passed).map((o) => [o.title, o.failures])).toEqual([]);
}

describe("examples of limit scopes", () => {
  it("the reference's example is in docs/language-reference.md and passes", () => {
    expect(policyBlocks("docs/language-reference.md")).toContain(SCOPE_EXAMPLE);
    runExample(SCOPE_EXAMPLE);
  });

  it("every complete policy shown in the README compiles and its cases pass", () => {
    const blocks = policyBlocks("README.md");
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) runExample(b);
  });
});
