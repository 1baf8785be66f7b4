/**
 * Compiling one served file, in two halves: `compileJob` (read what the file needs, hash it,
 * compile it) is plain data in and out, so that it runs in the compile worker thread
 * (compile-worker.ts), off the event loop; `loadVersion` turns its generated code into a serving
 * version on the thread that serves requests.
 */
import { basename } from "node:path";
import {
  compile,
  compileGuideline,
  missingBase,
  missingBaseDiagnostic,
} from "../compiler/index.js";
import { LineMap, type Diagnostic } from "../grammar/index.js";
import { loadPolicy, type CompiledPolicy } from "../runtime/index.js";
import { compileInput, inputVersion, type CompileInput } from "./compile-input.js";

/** A compiled version of a policy file that serves requests. */
export interface PolicyVersion {
  readonly id: string;
  readonly file: string;
  /** Content hash of the source (first 16 hex digits of SHA-256). */
  readonly version: string;
  readonly form: "policy" | "guideline";
  readonly basedOn?: string;
  readonly policy: CompiledPolicy;
  readonly warnings: readonly DiagnosticView[];
  readonly loadedAt: string;
}

/**
 * A diagnostic as the service reports it: code, message, position and hint. Never the rendered
 * source lines: `/health` and `/policies` are unauthenticated, and the file's text stays private.
 */
export interface DiagnosticView {
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly col: number;
  readonly help?: string;
}

/** The latest attempt to load a file failed; the last good version (if any) keeps serving. */
export interface LoadProblem {
  readonly version: string;
  readonly at: string;
  readonly message: string;
  readonly diagnostics: readonly DiagnosticView[];
}

/** Generated code and what the service shows with it, or why the file cannot serve. */
export type CompileOutcome =
  | {
      readonly ok: true;
      readonly js: string;
      readonly form: "policy" | "guideline";
      readonly basedOn?: string;
      readonly warnings: readonly DiagnosticView[];
      readonly at: string;
    }
  | { readonly ok: false; readonly problem: LoadProblem };

/** What the compile worker is asked: a file's text, and the versions already known for it. */
export interface CompileRequest {
  readonly file: string;
  readonly source: string;
  /** The served folder: a guideline's base must lie inside it. */
  readonly folder?: string;
  /** Versions the store already has (serving or failed): those are not compiled again. */
  readonly known: readonly string[];
  /** Compile this input as it is (a remembered last good version) instead of reading the file's. */
  readonly input?: CompileInput;
}

/** The answer: the input (kind, base) and its version, and the outcome unless the version is known. */
export interface CompileReply {
  readonly input: CompileInput;
  readonly version: string;
  readonly outcome?: CompileOutcome;
}

/** Diagnostics as the service shows them. */
export function views(ds: readonly Diagnostic[]): DiagnosticView[] {
  return ds.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    line: d.span.line,
    col: d.span.col,
    ...(d.help ? { help: d.help } : {}),
  }));
}

/** The worker's whole job. Never throws for any policy text (compile does not). */
export function compileJob(req: CompileRequest): CompileReply {
  const input = req.input ?? compileInput(req.file, req.source, req.folder);
  const version = inputVersion(input);
  if (req.known.includes(version)) return { input, version };
  return { input, version, outcome: compileOutcome(req.file, input) };
}

/** Compile an input (and its base, for a guideline) into generated code, or a problem. */
export function compileOutcome(file: string, input: CompileInput): CompileOutcome {
  const { source } = input;
  const version = inputVersion(input);
  const at = new Date().toISOString();
  if (input.guideline && !input.policy) {
    const missing =
      input.outside && input.missing !== undefined
        ? ({ kind: "outside", basedOn: input.missing } as const)
        : missingBase(input.missing);
    const d = missingBaseDiagnostic(missing, new LineMap(source).span(0, 0));
    const where =
      missing.kind === "not-found" ? "（按文件名或同一目录中政策的标题、文号查找）" : "";
    return {
      ok: false,
      problem: { version, at, message: d.message + where, diagnostics: views([d]) },
    };
  }
  const result = input.policy
    ? compileGuideline(source, input.policy.source, { emit: ["js"] })
    : compile(source, { emit: ["js"] });
  const diagnostics = views(result.diagnostics);
  if (!result.ok || !result.js) {
    const n = result.diagnostics.filter((d) => d.severity === "error").length;
    return { ok: false, problem: { version, at, message: `编译失败：${n} 个错误`, diagnostics } };
  }
  return {
    ok: true,
    js: result.js,
    form: input.guideline ? "guideline" : (result.ast?.header?.form ?? "policy"),
    ...(input.policy ? { basedOn: basename(input.policy.file) } : {}),
    warnings: diagnostics,
    at,
  };
}

/** Load generated code into a serving version, or describe why it cannot serve. */
export function loadVersion(
  id: string,
  file: string,
  version: string,
  outcome: CompileOutcome,
): { ok: true; value: PolicyVersion } | { ok: false; problem: LoadProblem } {
  if (!outcome.ok) return outcome;
  let policy: CompiledPolicy;
  try {
    policy = loadPolicy(outcome.js);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const message = `生成的模块无法加载：${detail}`;
    return {
      ok: false,
      problem: { version, at: outcome.at, message, diagnostics: outcome.warnings },
    };
  }
  const { form, warnings, at } = outcome;
  return {
    ok: true,
    value: {
      id,
      file,
      version,
      form,
      ...(outcome.basedOn ? { basedOn: outcome.basedOn } : {}),
      policy,
      warnings,
      loadedAt: at,
    },
  };
}

/** Compile one source into a serving version on this thread, or describe why it cannot serve. */
export function compileVersion(
  id: string,
  file: string,
  input: CompileInput,
): { ok: true; value: PolicyVersion } | { ok: false; problem: LoadProblem } {
  return loadVersion(id, file, inputVersion(input), compileOutcome(file, input));
}
