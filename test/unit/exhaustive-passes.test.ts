/**
 * A new kind of clause item or expression cannot be skipped silently: type-check the compiler,
 * the review diff and the language services with one more variant added to `ClauseItem` (and one
 * to `Expr`) in grammar/ast.ts, and tsc names every pass that must handle it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const AST = resolve("grammar/ast.ts");

let previous: ts.Program | undefined;

/** The files with type errors when grammar/ast.ts is rewritten by `edit`. */
function filesFailingWith(edit: (src: string) => string): Set<string> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noImplicitReturns: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  };
  const host = ts.createCompilerHost(options);
  const original = host.getSourceFile.bind(host);
  const text = edit(readFileSync(AST, "utf8"));
  host.getSourceFile = (name, lang, onError, create) =>
    resolve(name) === AST
      ? ts.createSourceFile(name, text, lang)
      : original(name, lang, onError, create);
  const roots = [
    "compiler/index.ts",
    "review/index.ts",
    "review/prove/index.ts",
    "language/index.ts",
  ].map((f) => resolve(f));
  // Reuse the unchanged files of the previous program: only the files that depend on ast.ts change.
  const program = ts.createProgram(roots, options, host, previous);
  previous = program;
  const out = new Set<string>();
  for (const d of ts.getPreEmitDiagnostics(program))
    if (d.file) out.add(d.file.fileName.replace(resolve(".") + "/", ""));
  return out;
}

describe("passes over the AST are exhaustive", () => {
  it("compiles as it is", () => {
    expect([...filesFailingWith((s) => s)]).toEqual([]);
  }, 120_000);

  it("a new kind of clause item is named by every pass over clause items", () => {
    const failing = filesFailingWith((s) => {
      const at = "export type ClauseItem =\n";
      expect(s).toContain(at);
      return s.replace(at, `${at}  | { readonly kind: "Novel"; readonly span: Span }\n`);
    });
    for (const pass of [
      "compiler/check/check-policy.ts", // the checker
      "compiler/to-ts/item-parts.ts", // code generation
      "compiler/to-doc/clause-to-prose.ts", // documents
      "compiler/format/ast-to-units.ts", // the formatter
      "compiler/guideline/adjust-clause.ts", // guideline composition
      "review/clause-changes.ts", // the diff
      "compiler/walk.ts", // the expressions of an item: coverage, checks, the diff's input ranges
    ])
      expect(failing, pass).toContain(pass);
  }, 120_000);

  it("a new kind of expression is named by every pass over expressions", () => {
    const failing = filesFailingWith((s) => {
      const at = "export type Expr =\n";
      expect(s).toContain(at);
      return s.replace(at, `${at}  | { readonly kind: "Novel"; readonly span: Span }\n`);
    });
    for (const pass of [
      "grammar/expr-to-text.ts", // printing
      "compiler/walk.ts", // name walks
      "compiler/check/expr.ts", // the checker
      "compiler/to-ts/expr-to-js.ts", // code generation
      "compiler/to-doc/expr-to-prose.ts", // documents
      "compiler/cases.ts", // case inputs
      "review/prove/expr-to-term.ts", // the prover (a new construct falls back to sampling, saying so)
    ])
      expect(failing, pass).toContain(pass);
  }, 120_000);
});
