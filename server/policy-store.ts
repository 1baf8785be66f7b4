/**
 * The policies a service serves: every `.zc` file of a folder, compiled once per content version.
 * Reloads are atomic: a new version replaces the old one only after it compiled and loaded, and the
 * whole table is swapped in one assignment, so a request sees the old or the new version, never a
 * broken one. A file that no longer compiles keeps its last good version and reports diagnostics.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { compile } from "../compiler/index.js";
import { compileGuideline, missingBase, missingBaseDiagnostic } from "../compiler/index.js";
import { LineMap, type Diagnostic } from "../grammar/index.js";
import { loadPolicy } from "../runtime/index.js";
import type { CompiledPolicy } from "../runtime/index.js";
import { compileInput, inputVersion, type CompileInput } from "./compile-input.js";
import { forgetLastGood, loadLastGood, prepareStateDir, saveLastGood } from "./last-good.js";
import {
  outsideFolder,
  policyNames,
  signature,
  watchFolder,
  type FolderWatch,
} from "./watch-folder.js";

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

/** What the store knows about one policy id. */
export interface PolicyState {
  readonly id: string;
  readonly file: string;
  readonly current?: PolicyVersion;
  readonly problem?: LoadProblem;
}

export interface StoreOptions {
  /** Where the last good source of each policy is kept across restarts; none when absent. */
  readonly stateDir?: string;
  /** Wait this long after a change notice before reading, so that a save can finish. */
  readonly settleMs: number;
  readonly pollMs: number;
  readonly watch: boolean;
  /** Where problems with the state directory are reported (default: nowhere). */
  readonly log?: (message: string) => void;
}

/** The id of a policy file: its name without `.zc`. */
export function policyId(name: string): string {
  return basename(name).replace(/\.zc$/, "");
}

/** The content version of a policy's source text (guidelines also cover their policy's text). */
export function versionOf(source: string): string {
  return inputVersion({ source, guideline: false });
}

function views(ds: readonly Diagnostic[]): DiagnosticView[] {
  return ds.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    line: d.span.line,
    col: d.span.col,
    ...(d.help ? { help: d.help } : {}),
  }));
}

/** Compile one source into a serving version, or describe why it cannot serve. */
export function compileVersion(
  id: string,
  file: string,
  input: CompileInput,
): { ok: true; value: PolicyVersion } | { ok: false; problem: LoadProblem } {
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
  let policy: CompiledPolicy;
  try {
    policy = loadPolicy(result.js);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      problem: { version, at, message: `生成的模块无法加载：${detail}`, diagnostics },
    };
  }
  const header = result.ast?.header;
  return {
    ok: true,
    value: {
      id,
      file,
      version,
      form: input.guideline ? "guideline" : (header?.form ?? "policy"),
      ...(input.policy ? { basedOn: basename(input.policy.file) } : {}),
      policy,
      warnings: diagnostics,
      loadedAt: at,
    },
  };
}

/** The policies of one folder, kept current as files change. */
export class PolicyStore {
  private table: ReadonlyMap<string, PolicyState> = new Map();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private watcher?: FolderWatch;
  private reloads = 0;
  /** The usable state directory (prepared at start), if any. */
  private stateDir?: string;
  /** True only while `start` loads the folder: the one time remembered versions are restored. */
  private starting = false;

  constructor(
    readonly dir: string,
    private readonly options: StoreOptions,
  ) {}

  /** Load every policy file now and start watching the folder. */
  start(): void {
    const stateDir = this.options.stateDir;
    const problem = stateDir ? prepareStateDir(stateDir) : undefined;
    if (problem) this.options.log?.(`${problem}：重启后将无法提供上一个可用版本`);
    this.stateDir = problem ? undefined : stateDir;
    this.starting = true;
    try {
      for (const name of policyNames(this.dir)) this.load(name);
    } finally {
      this.starting = false;
    }
    this.watcher = watchFolder(this.dir, (name) => this.schedule(name), {
      pollMs: this.options.pollMs,
      useWatch: this.options.watch,
    });
  }

  /** Stop watching; the loaded versions stay readable. */
  close(): void {
    this.watcher?.close();
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }

  /** An immutable view of all policies at this moment. */
  snapshot(): ReadonlyMap<string, PolicyState> {
    return this.table;
  }

  /** One policy's state, or undefined if no such file is served. */
  get(id: string): PolicyState | undefined {
    return this.table.get(id);
  }

  /** How many times a file was (re)loaded, successfully or not. */
  get reloadCount(): number {
    return this.reloads;
  }

  /**
   * Look at a file again once it has settled: no notice for `settleMs`, then no change during a
   * further `settleMs`. A save made of several writes is thus read whole, not halfway through.
   */
  schedule(name: string): void {
    this.later(name, () => {
      const before = signature(join(this.dir, name));
      this.later(name, () => {
        if (signature(join(this.dir, name)) === before) this.load(name);
        else this.schedule(name);
      });
    });
  }

  private later(name: string, f: () => void): void {
    const old = this.pending.get(name);
    if (old) clearTimeout(old);
    const t = setTimeout(() => {
      this.pending.delete(name);
      f();
    }, this.options.settleMs);
    t.unref();
    this.pending.set(name, t);
  }

  /** Read a file and swap in its new version if it compiles; returns what changed. */
  load(name: string): "unchanged" | "loaded" | "failed" | "removed" | "retry" {
    const file = join(this.dir, name);
    const id = policyId(name);
    const before = signature(file);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch {
      if (signature(file) !== undefined) return this.retry(name);
      return this.remove(id);
    }
    // A file still being written changes under us: try again after it settles.
    if (before === undefined || signature(file) !== before) return this.retry(name);
    const state = this.table.get(id);
    const outside = outsideFolder(this.dir, file);
    if (outside) return this.refuse(id, file, source, outside);
    const input = compileInput(file, source, this.dir);
    const version = inputVersion(input);
    if (state?.current?.version === version) {
      // Back to the serving version (e.g. a broken save was undone): clear the problem.
      if (state.problem) this.swap(id, { id, file, current: state.current });
      return "unchanged";
    }
    if (state?.problem?.version === version) return "unchanged";
    this.reloads++;
    const compiled = compileVersion(id, file, input);
    if (compiled.ok && this.stateDir) saveLastGood(this.stateDir, this.dir, id, input);
    // Broken at start-up: serve the last version that compiled before the restart, marked stale.
    // Only then: a file created later under a deleted policy's name starts afresh.
    const current = compiled.ok
      ? undefined
      : (state?.current ?? (this.starting ? this.restore(id, file) : undefined));
    const next: PolicyState = compiled.ok
      ? { id, file, current: compiled.value }
      : { id, file, ...(current ? { current } : {}), problem: compiled.problem };
    this.swap(id, next);
    if (!input.guideline) this.recheckGuidelines(id);
    return compiled.ok ? "loaded" : "failed";
  }

  /** A policy changed: guidelines may build on it, so look at them again (unchanged ones cost a hash). */
  private recheckGuidelines(changed: string): void {
    for (const s of this.table.values())
      if (s.id !== changed && (s.current?.form === "guideline" || s.problem))
        this.schedule(basename(s.file));
  }

  /** The remembered last good version of a policy, compiled again, if there is one. */
  private restore(id: string, file: string): PolicyVersion | undefined {
    const input = this.stateDir ? loadLastGood(this.stateDir, this.dir, id) : undefined;
    if (!input) return undefined;
    const compiled = compileVersion(id, file, input);
    return compiled.ok ? compiled.value : undefined;
  }

  /** A file that must not be served (a symlink out of the folder): nothing of it serves or shows. */
  private refuse(id: string, file: string, source: string, message: string): "failed" {
    const version = versionOf(source);
    if (this.table.get(id)?.problem?.version !== version) this.reloads++;
    const problem = { version, at: new Date().toISOString(), message, diagnostics: [] };
    this.swap(id, { id, file, problem });
    return "failed";
  }

  private retry(name: string): "retry" {
    this.schedule(name);
    return "retry";
  }

  private remove(id: string): "removed" | "unchanged" {
    if (!this.table.has(id)) return "unchanged";
    if (this.stateDir) forgetLastGood(this.stateDir, this.dir, id);
    this.swap(id, undefined);
    this.recheckGuidelines(id);
    return "removed";
  }

  /** Replace the whole table in one assignment (copy on write). */
  private swap(id: string, state: PolicyState | undefined): void {
    const next = new Map(this.table);
    if (state) next.set(id, state);
    else next.delete(id);
    this.table = new Map([...next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
