/**
 * The pipeline: text → tokens → AST → checked policy → TypeScript module and factory script.
 * `compile` is pure: every call builds its own state, so the playground may call it per keystroke.
 */
import type { IToken } from "chevrotain";
import { textToTokens } from "../grammar/text-to-tokens.js";
import { tokensToAst } from "../grammar/tokens-to-ast.js";
import type { Policy, Span } from "../grammar/ast.js";
import { checkPolicy, type Checked } from "./check/check-policy.js";
import { diag, LineMap, sortDiagnostics, type Diagnostic } from "../grammar/diagnostics.js";
import { toModule } from "./to-ts/module.js";

export interface CompileOptions {
  /** Which outputs to generate: the TypeScript module, the factory script, the ES module. Default ts and js. */
  readonly emit?: readonly ("ts" | "js" | "esm")[];
  /** Module specifier the TypeScript module imports the runtime from. */
  readonly runtimeImport?: string;
  /**
   * Rows from which a 分档 with constant bounds is emitted as a data table searched by binary
   * search rather than an if-branch per row (default 16). Tests set 0 and Infinity to check that
   * both forms compute the same.
   */
  readonly bracketTableFrom?: number;
}

export interface CompileResult {
  /** True when there are no errors (warnings allowed). */
  readonly ok: boolean;
  readonly diagnostics: Diagnostic[];
  readonly ast?: Policy;
  readonly checked?: Checked;
  /** The TypeScript module. */
  readonly ts?: string;
  /** The factory script for `loadPolicy`. */
  readonly js?: string;
  /** A plain ES module (no types) importing the runtime package. */
  readonly esm?: string;
}

/** Parse only: the AST and syntax diagnostics (used by the formatter and the editor outline). */
export function parse(
  source: string,
  known: Iterable<string> = [],
): {
  ast: Policy;
  diagnostics: Diagnostic[];
  declared: ReadonlySet<string>;
  /** The lexer's tokens (the formatter indexes them instead of lexing again). */
  tokens: IToken[];
} {
  const lex = textToTokens(source, known);
  const parsed = tokensToAst(lex);
  // An error inside the span of an earlier one (a glued word, a bad token) says nothing new.
  const kept: Diagnostic[] = [...lex.diagnostics];
  for (const d of parsed.diagnostics) {
    if (
      !kept.some(
        (k) =>
          d.span.start >= k.span.start && d.span.start < Math.max(k.span.end, k.span.start + 1),
      )
    )
      kept.push(d);
  }
  return { ast: parsed.ast, diagnostics: kept, declared: lex.declared, tokens: lex.tokens };
}

/** Compile policy source text. Never throws: an internal failure becomes a diagnostic. */
export function compile(source: string, options: CompileOptions = {}): CompileResult {
  try {
    const parsed = parse(source);
    if (parsed.diagnostics.some((d) => d.severity === "error")) {
      return { ok: false, diagnostics: sortDiagnostics(parsed.diagnostics), ast: parsed.ast };
    }
    const checked = checkPolicy(parsed.ast, parsed.declared);
    const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked.cx.diagnostics]);
    if (diagnostics.some((d) => d.severity === "error"))
      return { ok: false, diagnostics, ast: parsed.ast, checked };
    const emit = options.emit ?? ["ts", "js"];
    const out: { ts?: string; js?: string; esm?: string } = {};
    const from = options.bracketTableFrom;
    if (emit.includes("ts")) out.ts = toModule(checked, "ts", options.runtimeImport, from);
    if (emit.includes("js")) out.js = toModule(checked, "factory", undefined, from);
    if (emit.includes("esm")) out.esm = toModule(checked, "esm", options.runtimeImport, from);
    return { ok: true, diagnostics, ast: parsed.ast, checked, ...out };
  } catch (e) {
    return { ok: false, diagnostics: [internalError(source, e)] };
  }
}

/** A failure inside the compiler, reported at `at` (E999); `texts` are what to attach to a report. */
export function internalError(at: string | Span, e: unknown, texts = "政策文本"): Diagnostic {
  const detail = e instanceof Error ? e.message : String(e);
  return diag(
    "error",
    "E999",
    `编译器内部错误：${detail}`,
    typeof at === "string" ? new LineMap(at).span(0, 0) : at,
    `这是 zhengce 的缺陷，请附上${texts}报告给开发者。`,
  );
}

/**
 * The factory script of a policy `compile(…, { emit: [] })` checked: an editor compiles for its
 * diagnostics and generates code only when a case is run. Never throws: a failure is E999, as in
 * `compile`.
 */
export function factoryScript(
  checked: Checked,
  source: string,
): { readonly js: string } | { readonly error: Diagnostic } {
  try {
    return { js: toModule(checked, "factory") };
  } catch (e) {
    return { error: internalError(source, e) };
  }
}

/**
 * The factory script of a checked policy without its 叠加规则: each clause's own amount, as the
 * prover compares clauses (no parsing or checking again).
 */
export function withoutStackingJs(checked: Checked): string {
  const policy = {
    ...checked.policy,
    items: checked.policy.items.filter((i) => i.kind !== "Stacking"),
  };
  return toModule({ ...checked, policy }, "factory");
}
