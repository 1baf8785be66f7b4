/**
 * One analysis of a policy or guideline text: the compiler's diagnostics and tree, the declared
 * names with their uses, and the clauses. Every language service answers from an analysis, so the
 * text is compiled once per change, whichever editor asks. The policy's code is generated only
 * when a case is run (`scriptOf`), not on every keystroke: diagnostics do not need it.
 */
import {
  compile,
  compileGuideline,
  factoryScript,
  LineMap,
  missingBase,
  missingBaseDiagnostic,
  preparePolicy,
  sourceKind,
  type ast,
  type CompileResult,
  type Diagnostic,
  type PreparedPolicy,
} from "../compiler/index.js";
import { looksLikeGuideline } from "./guideline-kind.js";
import { indexClauses, indexGuidelineNames, indexNames } from "./name-index.js";
import type { ClauseInfo, NameInfo } from "./types.js";

const WHERE =
  "把所依据的政策文件放在同一工作区（同一目录），或在“基于”后写它的文件名，例如 基于 “政策.zc”";

/** The policy a guideline builds on, as the host found it. */
export interface BaseText {
  readonly text: string;
  /** Where it was found (a path or a URI), for messages. */
  readonly origin: string;
  /** Prepared once per base text by the host, reused across keystrokes. */
  readonly prepared?: PreparedPolicy;
}

export interface Analysis {
  readonly text: string;
  readonly lines: LineMap;
  readonly guideline: boolean;
  /** The guideline's 基于, when it is one. */
  readonly basedOn?: string;
  readonly result: CompileResult;
  readonly diagnostics: readonly Diagnostic[];
  readonly tree?: ast.Policy;
  readonly names: ReadonlyMap<string, NameInfo>;
  readonly clauses: readonly ClauseInfo[];
  /** Names the text may use without declaring them: its base policy's, for a guideline. */
  readonly known: ReadonlySet<string>;
}

/**
 * Analyse a text. A guideline needs its base policy (`base`); without one it is reported with a
 * diagnostic at its 基于 line, never checked as if it were a policy.
 */
export function analyze(text: string, base?: BaseText): Analysis {
  const lines = new LineMap(text);
  // Most texts are policies: one compile, no separate parse of the header.
  const kind = looksLikeGuideline(text) ? sourceKind(text) : { guideline: false as const };
  if (!kind.guideline) {
    const result = compile(text, { emit: [] });
    const names = result.ast ? indexNames(result.ast, text) : [];
    return finish(text, lines, false, undefined, result, result.ast, names, new Set());
  }
  if (!base) {
    const result = compile(text, { emit: [] });
    const missing = missingBaseDiagnostic(
      missingBase(kind.basedOn),
      result.ast?.header?.span ?? lines.span(0, 0),
      kind.basedOn === undefined ? undefined : WHERE,
    );
    const names = result.ast ? indexNames(result.ast, text) : [];
    const res = { ...result, ok: false, diagnostics: [missing] };
    return finish(text, lines, true, kind.basedOn, res, result.ast, names, new Set());
  }
  const prepared = base.prepared ?? preparePolicy(base.text);
  const result = compileGuideline(text, prepared, { emit: [] });
  const tree = result.guideline;
  const names = tree ? indexGuidelineNames(tree, text, result.policy, base.text) : [];
  return finish(text, lines, true, kind.basedOn, result, tree, names, prepared.names);
}

const scripts = new WeakMap<Analysis, ReturnType<typeof factoryScript>>();

/**
 * The factory script of an analysed text without errors, generated on first use and kept with the
 * analysis; undefined when the text has errors. A failure to generate is an E999 diagnostic, which
 * `diagnosticsOf` reports from then on.
 */
export function scriptOf(a: Analysis): ReturnType<typeof factoryScript> | undefined {
  if (!a.result.ok || !a.result.checked) return undefined;
  let s = scripts.get(a);
  if (!s) {
    s = a.result.js !== undefined ? { js: a.result.js } : factoryScript(a.result.checked, a.text);
    scripts.set(a, s);
  }
  return s;
}

/** The E999 of a code generation that failed, once `scriptOf` has run. */
export function scriptError(a: Analysis): Diagnostic | undefined {
  const s = scripts.get(a);
  return s && "error" in s ? s.error : undefined;
}

function finish(
  text: string,
  lines: LineMap,
  guideline: boolean,
  basedOn: string | undefined,
  result: CompileResult,
  tree: ast.Policy | undefined,
  names: readonly NameInfo[],
  known: ReadonlySet<string>,
): Analysis {
  return {
    text,
    lines,
    guideline,
    ...(basedOn !== undefined ? { basedOn } : {}),
    result,
    diagnostics: result.diagnostics,
    ...(tree ? { tree } : {}),
    names: new Map(names.map((n) => [n.name, n])),
    clauses: tree ? indexClauses(tree) : [],
    known,
  };
}
