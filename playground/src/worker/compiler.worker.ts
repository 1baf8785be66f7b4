/**
 * The compiler Web Worker: compiles the source, loads the generated evaluator, evaluates the form's
 * application and the embedded cases, and answers with plain data. Running here keeps typing
 * smooth and keeps code generated from an untrusted policy away from the page's DOM.
 */
import type { Policy } from "../../../compiler/ast.js";
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
import { loadToolchain, type CompileOutput, type Toolchain } from "./compiler-bridge.js";
import { runCases } from "./run-cases.js";

interface Compiled {
  readonly source: string;
  readonly out: CompileOutput;
  readonly policy: CompiledPolicy | null;
  readonly note?: string;
  readonly names: NameInfo[];
  readonly clauses: ClauseInfo[];
  readonly cases: CaseOutcome[];
}

const post = (r: Response) => (self as unknown as Worker).postMessage(r);
const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

const toolchain: Promise<Toolchain | null> = loadToolchain()
  .catch(() => null)
  .then((tc) => {
    post({ kind: "ready", compilerAvailable: tc !== null, formatterAvailable: !!tc?.format });
    return tc;
  });

// The last compiled source: form edits re-evaluate without recompiling.
let last: Compiled | null = null;

function compileSource(tc: Toolchain, source: string): Compiled {
  if (last && last.source === source) return last;
  let out: CompileOutput;
  try {
    out = tc.compile(source);
  } catch (err) {
    out = { diagnostics: [] };
    return {
      source,
      out,
      policy: null,
      note: `编译器内部错误：${describe(err)}`,
      names: [],
      clauses: [],
      cases: [],
    };
  }
  const ast: Policy | undefined = out.ast;
  const names = ast ? indexNames(ast, source) : [];
  const clauses = ast ? indexClauses(ast) : [];
  let policy: CompiledPolicy | null = null;
  let note: string | undefined;
  if (out.js && !out.diagnostics.some((d) => d.severity === "error")) {
    try {
      policy = tc.loadPolicy(out.js);
    } catch (err) {
      note = `无法加载生成的计算程序：${describe(err)}`;
    }
  } else {
    note = "政策有错误，改正后才能试算。";
  }
  const cases = ast && policy ? runCases(ast, policy, source) : [];
  last = { source, out, policy, names, clauses, cases, ...(note ? { note } : {}) };
  return last;
}

async function analyze(req: Extract<Request, { kind: "analyze" }>): Promise<Analysis> {
  const t0 = performance.now();
  const tc = await toolchain;
  const empty = { names: [], clauses: [], meta: null, evaluation: null, cases: [] };
  if (!tc) {
    const timings = { compileMs: 0, evaluateMs: 0, totalMs: performance.now() - t0 };
    const note = "编译器尚未就绪：compiler/index.ts 还不存在。";
    return {
      id: req.id,
      source: req.source,
      compilerAvailable: false,
      diagnostics: [],
      ...empty,
      evaluationNote: note,
      timings,
    };
  }
  const c = compileSource(tc, req.source);
  const t1 = performance.now();
  let evaluation: Analysis["evaluation"] = null;
  let note = c.note;
  if (c.policy) {
    try {
      evaluation = c.policy.evaluate(req.application, req.date ? { date: req.date } : {});
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

async function format(req: Extract<Request, { kind: "format" }>): Promise<Response> {
  const tc = await toolchain;
  if (!tc?.format)
    return { kind: "formatted", id: req.id, text: null, error: "格式化器尚未提供。" };
  try {
    return { kind: "formatted", id: req.id, text: tc.format(req.source) };
  } catch (err) {
    return { kind: "formatted", id: req.id, text: null, error: `无法格式化：${describe(err)}` };
  }
}

self.onmessage = async (e: MessageEvent<Request>) => {
  const req = e.data;
  if (req.kind === "analyze") post({ kind: "analysis", ...(await analyze(req)) });
  else post(await format(req));
};
