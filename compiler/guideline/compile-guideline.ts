/**
 * guideline text + policy text → the checked effective policy and its evaluator. The guideline is
 * lexed with the policy's names, composed with the policy, checked as one policy, and compiled by
 * the same code generator, so a guideline runs through exactly the evaluator a policy does.
 */
import type { ClauseKey, Policy } from "../../grammar/ast.js";
import { checkPolicy } from "../check/check-policy.js";
import {
  compile,
  internalError,
  parse,
  type CompileOptions,
  type CompileResult,
} from "../compile.js";
import { diag, LineMap, sortDiagnostics, type Diagnostic } from "../../grammar/diagnostics.js";
import { toModule } from "../to-ts/module.js";
import { composeGuideline } from "./compose.js";
import type { Provenance } from "./provenance.js";

/** A compiled guideline: the effective policy (as `ast`), plus what the guideline itself says. */
export interface GuidelineResult extends CompileResult {
  /** The guideline file's own tree. */
  readonly guideline?: Policy;
  /** The policy it builds on. */
  readonly policy?: Policy;
  readonly provenance: readonly Provenance[];
  readonly open: readonly ClauseKey[];
  readonly closed: readonly ClauseKey[];
}

/** The header form and 基于 of a source, from its header alone. */
export function sourceKind(source: string): { guideline: boolean; basedOn?: string } {
  const h = parse(source).ast.header;
  return {
    guideline: h?.form === "guideline",
    ...(h?.basedOn !== undefined ? { basedOn: h.basedOn } : {}),
  };
}

/** Names a policy declares, which a guideline built on it may use. */
export function policyNames(policySource: string): ReadonlySet<string> {
  return parse(policySource).declared;
}

const key = (d: Diagnostic) => `${d.code} ${d.span.start} ${d.message}`;

/** A compiled base policy, reusable while only the guideline changes (the playground compiles per keystroke). */
export interface PreparedPolicy {
  readonly result: CompileResult;
  readonly names: ReadonlySet<string>;
}

/** Compile a policy once for any number of guideline compiles on top of it. */
export function preparePolicy(policySource: string): PreparedPolicy {
  return { result: compile(policySource, { emit: [] }), names: policyNames(policySource) };
}

/** Compile a guideline against the policy it builds on (its text, or prepared). Never throws. */
export function compileGuideline(
  source: string,
  policy: string | PreparedPolicy,
  options: CompileOptions = {},
): GuidelineResult {
  const empty = { provenance: [], open: [], closed: [] };
  const at = new LineMap(source).span(0, 0);
  try {
    const prepared = typeof policy === "string" ? preparePolicy(policy) : policy;
    const base = prepared.result;
    if (!base.ok || !base.ast) {
      const n = base.diagnostics.filter((d) => d.severity === "error").length;
      return {
        ...empty,
        ok: false,
        diagnostics: [
          diag(
            "error",
            "E401",
            `所依据的政策有 ${n} 个错误，无法编译申报指南`,
            parse(source).ast.header?.span ?? at,
            "先用 zhengce check 检查并修正所依据的政策。",
          ),
        ],
      };
    }
    const known = prepared.names;
    const parsed = parse(source, known);
    if (parsed.diagnostics.some((d) => d.severity === "error"))
      return {
        ...empty,
        ok: false,
        diagnostics: sortDiagnostics(parsed.diagnostics),
        guideline: parsed.ast,
      };
    if (parsed.ast.header?.form !== "guideline")
      return {
        ...empty,
        ok: false,
        diagnostics: [
          diag(
            "error",
            "E414",
            "这不是申报指南",
            parsed.ast.header?.span ?? at,
            "申报指南以 申报指南 标题 开头，并写 基于 “政策文件”。",
          ),
        ],
      };
    const composed = composeGuideline(base.ast, parsed.ast);
    const declared = new Set([...known, ...parsed.declared]);
    const checked = checkPolicy(composed.effective, declared);
    const own = new Set((base.checked?.cx.diagnostics ?? []).map(key));
    const diagnostics = sortDiagnostics([
      ...parsed.diagnostics,
      ...composed.diagnostics,
      ...checked.cx.diagnostics.filter((d) => !own.has(key(d))),
    ]);
    const result = {
      diagnostics,
      ast: composed.effective,
      checked,
      guideline: parsed.ast,
      policy: base.ast,
      provenance: composed.provenance,
      open: composed.open,
      closed: composed.closed,
    };
    if (diagnostics.some((d) => d.severity === "error")) return { ...result, ok: false };
    const emit = options.emit ?? ["ts", "js"];
    return {
      ...result,
      ok: true,
      ...(emit.includes("ts") ? { ts: toModule(checked, "ts", options.runtimeImport) } : {}),
      ...(emit.includes("js") ? { js: toModule(checked, "factory") } : {}),
      ...(emit.includes("esm") ? { esm: toModule(checked, "esm", options.runtimeImport) } : {}),
    };
  } catch (e) {
    return { ...empty, ok: false, diagnostics: [internalError(at, e, "申报指南和政策文本")] };
  }
}
