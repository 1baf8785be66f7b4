/**
 * The compiler Web Worker: compiles the source, loads the generated evaluator, evaluates the form's
 * application and the embedded cases, and answers with plain data. Running here keeps typing
 * smooth and keeps code generated from an untrusted policy away from the page's DOM.
 */
import type { CompiledPolicy } from "../../../runtime/types.js";
import type {
  Analysis,
  CaseOutcome,
  ClauseInfo,
  NameInfo,
  Request,
  Response,
} from "../protocol.js";
import { indexClauses, indexNames } from "./ast-index.js";
import { caseOutcomes } from "./case-view.js";
import { loadToolchain, type CompileResult } from "./compiler-bridge.js";

interface Compiled {
  readonly source: string;
  readonly out: CompileResult;
  readonly policy: CompiledPolicy | null;
  readonly note?: string;
  readonly names: NameInfo[];
  readonly clauses: ClauseInfo[];
  readonly cases: CaseOutcome[];
}

const post = (r: Response) => (self as unknown as Worker).postMessage(r);
const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

const tc = loadToolchain();
post({ kind: "ready", compilerAvailable: true, formatterAvailable: !!tc.format });

// The last compiled source: form edits re-evaluate without recompiling.
let last: Compiled | null = null;

function compileSource(source: string): Compiled {
  if (last && last.source === source) return last;
  // compile() never throws by contract; the guard keeps the worker alive if that ever breaks.
  let out: CompileResult;
  try {
    out = tc.compile(source);
  } catch (err) {
    const note = `编译器内部错误：${describe(err)}`;
    out = { ok: false, diagnostics: [] };
    return { source, out, policy: null, note, names: [], clauses: [], cases: [] };
  }
  const ast = out.ast;
  const names = ast ? indexNames(ast, source) : [];
  const clauses = ast ? indexClauses(ast) : [];
  let policy: CompiledPolicy | null = null;
  let note: string | undefined;
  let cases: CaseOutcome[] = [];
  if (out.js && out.ok) {
    try {
      policy = tc.loadPolicy(out.js);
      if (ast) cases = caseOutcomes(ast, tc.runCases(ast, policy), source);
    } catch (err) {
      note = `无法运行生成的计算程序：${describe(err)}`;
    }
  } else {
    note = "政策有错误，改正后才能试算。";
  }
  last = { source, out, policy, names, clauses, cases, ...(note ? { note } : {}) };
  return last;
}

function analyze(req: Extract<Request, { kind: "analyze" }>): Analysis {
  const t0 = performance.now();
  const c = compileSource(req.source);
  const t1 = performance.now();
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
    cases: c.cases,
    ...(note ? { evaluationNote: note } : {}),
    timings: { compileMs: t1 - t0, evaluateMs: t2 - t1, totalMs: t2 - t0 },
  };
}

function format(req: Extract<Request, { kind: "format" }>): Response {
  if (!tc.format) return { kind: "formatted", id: req.id, text: null, error: "格式化器尚未提供。" };
  try {
    return { kind: "formatted", id: req.id, text: tc.format(req.source) };
  } catch (err) {
    return { kind: "formatted", id: req.id, text: null, error: `无法格式化：${describe(err)}` };
  }
}

self.onmessage = (e: MessageEvent<Request>) => {
  const req = e.data;
  post(req.kind === "analyze" ? { kind: "analysis", ...analyze(req) } : format(req));
};
