/**
 * The compiler Web Worker: compiles the source, loads the generated evaluator, evaluates the form's
 * application and the embedded cases, and answers with plain data. Running here keeps typing
 * smooth and keeps code generated from an untrusted policy away from the page's DOM.
 *
 * Markers and the form's result are answered first; the embedded cases (about as costly as the
 * compile on the seed) follow in a second message, and are skipped if the text changed meanwhile.
 */
import type { CompiledPolicy } from "../../../runtime/index.js";
import type {
  Analysis,
  CaseOutcome,
  ClauseInfo,
  GuidelineInfo,
  NameInfo,
  Request,
  Response,
} from "../protocol.js";
import { indexClauses, indexNames } from "../../../language/index.js";
import { caseOutcomes } from "./case-view.js";
import { coverageOf } from "./coverage.js";
import { loadToolchain, type CompileResult } from "./compiler-bridge.js";
import { looksLikeGuideline } from "../../../language/index.js";
import { Bases, compileGuidelineSource, resolveBase } from "./guideline.js";
import { newGuidelineText } from "./new-guideline.js";

interface Compiled {
  readonly source: string;
  /** For a guideline: its 基于, and the chosen base with its text (part of the cache key). */
  readonly basedOn?: string;
  readonly baseKey: string;
  readonly guideline?: GuidelineInfo;
  readonly out: CompileResult;
  readonly policy: CompiledPolicy | null;
  note?: string;
  readonly names: NameInfo[];
  readonly clauses: ClauseInfo[];
  /** How long compiling and loading took, set after the first use. */
  compileMs?: number;
  /** Null until the cases have run for this source. */
  cases: CaseOutcome[] | null;
}

const post = (r: Response) => (self as unknown as Worker).postMessage(r);
const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

const tc = loadToolchain();
const bases = new Bases(tc);
post({ kind: "ready", compilerAvailable: true });

// The last compiled source: form edits re-evaluate without recompiling.
let last: Compiled | null = null;

function compileSource(source: string, baseId?: string): Compiled {
  if (last && last.source === source) {
    if (!last.guideline) return last;
    // A guideline's base may change without its text: another choice, a version saved.
    if (resolveBase(bases, last.basedOn, baseId).key === last.baseKey) return last;
  }
  // compile() never throws by contract; the guard keeps the worker alive if that ever breaks.
  let out: CompileResult;
  let names: NameInfo[] = [];
  let clauses: ClauseInfo[] = [];
  let guideline: GuidelineInfo | undefined;
  let basedOn: string | undefined;
  let baseKey = "";
  try {
    // Only a text whose first line says 申报指南 is parsed for its header before compiling.
    const tree = looksLikeGuideline(source) ? tc.parse(source) : null;
    if (tree?.header?.form === "guideline") {
      basedOn = tree.header.basedOn;
      const r = resolveBase(bases, basedOn, baseId);
      baseKey = r.key;
      ({ out, names, clauses, info: guideline } = compileGuidelineSource(tc, r, source, tree));
    } else {
      out = tc.compile(source);
      names = out.ast ? indexNames(out.ast, source) : [];
      clauses = out.ast ? indexClauses(out.ast) : [];
    }
  } catch (err) {
    const note = `编译器内部错误：${describe(err)}`;
    out = { ok: false, diagnostics: [] };
    return { source, baseKey, out, policy: null, note, names: [], clauses: [], cases: [] };
  }
  const ast = out.ast;
  let policy: CompiledPolicy | null = null;
  let note: string | undefined;
  if (out.js && out.ok) {
    try {
      policy = tc.loadPolicy(out.js);
    } catch (err) {
      note = `无法运行生成的计算程序：${describe(err)}`;
    }
  } else {
    note = guideline ? "申报指南有错误，改正后才能试算。" : "政策有错误，改正后才能试算。";
  }
  const cases = policy && ast ? null : [];
  last = {
    source,
    ...(basedOn !== undefined ? { basedOn } : {}),
    baseKey,
    out,
    policy,
    names,
    clauses,
    cases,
    ...(guideline ? { guideline } : {}),
    ...(note ? { note } : {}),
  };
  return last;
}

/** Run the cases of the last compiled source, unless a newer source has replaced it. */
function runCasesLater(c: Compiled, id: number): void {
  setTimeout(() => {
    if (last !== c || c.cases !== null || !c.policy || !c.out.ast) return;
    const t0 = performance.now();
    try {
      c.cases = caseOutcomes(c.out.ast, tc.runCases(c.out.ast, c.policy), c.source);
    } catch (err) {
      c.cases = [];
      c.note = `运行案例时出错：${describe(err)}`;
    }
    post({ kind: "cases", id, source: c.source, cases: c.cases, casesMs: performance.now() - t0 });
  }, 0);
}

function analyze(req: Extract<Request, { kind: "analyze" }>): Analysis {
  const t0 = performance.now();
  const c = compileSource(req.source, req.baseId);
  const t1 = performance.now();
  c.compileMs ??= t1 - t0;
  let evaluation: Analysis["evaluation"] = null;
  let note = c.note;
  if (c.policy) {
    try {
      evaluation = c.policy.evaluate(req.application, {
        ...req.context,
        ...(req.date ? { date: req.date } : {}),
      });
    } catch (err) {
      note = `计算出错：${describe(err)}`;
    }
  }
  const t2 = performance.now();
  return {
    id: req.id,
    source: req.source,
    compilerAvailable: true,
    diagnostics: c.out.diagnostics,
    names: c.names,
    clauses: c.clauses,
    meta: c.policy?.meta ?? null,
    evaluation,
    cases: c.cases ?? [],
    ...(c.guideline ? { guideline: c.guideline } : {}),
    casesPending: c.cases === null,
    ...(note ? { evaluationNote: note } : {}),
    // A form edit reuses the compiled source; report what compiling it cost, not the cache hit.
    timings: { compileMs: c.compileMs ?? 0, evaluateMs: t2 - t1, totalMs: t2 - t0 },
  };
}

function format(req: Extract<Request, { kind: "format" }>): Response {
  try {
    return { kind: "formatted", id: req.id, ...tc.format(req.source) };
  } catch (err) {
    return { kind: "formatted", id: req.id, text: null, error: `无法格式化：${describe(err)}` };
  }
}

function newGuideline(req: Extract<Request, { kind: "newGuideline" }>): Response {
  try {
    const policy = tc.parse(req.policySource);
    if (policy.header?.form !== "policy")
      return { kind: "guidelineDraft", id: req.id, text: null, error: "当前内容不是政策。" };
    const today = new Date().toISOString().slice(0, 10);
    return { kind: "guidelineDraft", id: req.id, text: newGuidelineText(policy, req.ref, today) };
  } catch (err) {
    return { kind: "guidelineDraft", id: req.id, text: null, error: describe(err) };
  }
}

function coverage(req: Extract<Request, { kind: "coverage" }>): Response {
  try {
    const c = compileSource(req.source, req.baseId);
    const view = coverageOf(tc, {
      source: c.source,
      out: c.out,
      runnable: c.policy !== null,
      isGuideline: c.guideline !== undefined,
      ...(c.guideline ? { closed: c.guideline.closed } : {}),
    });
    return { kind: "coverage", id: req.id, ...view };
  } catch (err) {
    const note = `计算案例覆盖时出错：${describe(err)}`;
    return {
      kind: "coverage",
      id: req.id,
      source: req.source,
      clauses: null,
      summary: "",
      note,
      withLines: true,
      ms: 0,
    };
  }
}

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data;
  if (req.kind === "format") return post(format(req));
  if (req.kind === "coverage") return post(coverage(req));
  if (req.kind === "newGuideline") return post(newGuideline(req));
  if (req.kind === "bases") return bases.set(req.bases);
  post({ kind: "analysis", ...analyze(req) });
  if (last?.cases === null) runCasesLater(last, req.id);
};
