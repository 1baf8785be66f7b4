/**
 * Golden tests: drop a .zc file into test/cases/good or test/cases/bad. Good files must compile,
 * their embedded cases must pass, and the generated TypeScript must equal X.ts.golden. Bad files
 * must produce the diagnostics in X.expected. Refresh with `npm run test:update`, review with git diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, renderDiagnostic, runCases } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const dir = (kind: string) => join("test", "cases", kind);
const files = (kind: string) =>
  readdirSync(dir(kind))
    .filter((f) => f.endsWith(".zc"))
    .sort();

/** Compare with the golden file, or rewrite it under UPDATE_GOLDEN=1. */
function golden(path: string, actual: string): void {
  if (UPDATE || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!UPDATE)
      throw new Error(`golden file ${path} was missing and has been written; review and commit it`);
    return;
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("good policies", () => {
  for (const f of files("good")) {
    it(f, () => {
      const source = readFileSync(join(dir("good"), f), "utf8");
      const r = compile(source);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      golden(join(dir("good"), f.replace(/\.zc$/, ".ts.golden")), r.ts!);
      const outcomes = runCases(r.ast!, loadPolicy(r.js!));
      expect(outcomes.length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => !o.passed).map((o) => [o.title, o.failures])).toEqual([]);
    });
  }
});

describe("bad policies", () => {
  for (const f of files("bad")) {
    it(f, () => {
      const source = readFileSync(join(dir("bad"), f), "utf8");
      const r = compile(source);
      expect(r.ok).toBe(false);
      for (const d of r.diagnostics) {
        expect(d.help, `${d.code} has a help text`).toBeTruthy();
        expect(d.span.start).toBeLessThanOrEqual(d.span.end);
        expect(d.span.end).toBeLessThanOrEqual(source.length);
      }
      const text = r.diagnostics.map((d) => renderDiagnostic(d, source, f)).join("\n\n") + "\n";
      golden(join(dir("bad"), f.replace(/\.zc$/, ".expected")), text);
    });
  }
});
