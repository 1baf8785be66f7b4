/**
 * The policies a service serves: every `.zc` file of a folder, compiled once per content version.
 * Reloads are atomic: a new version replaces the old one only after it compiled and loaded, and the
 * whole table is swapped in one assignment, so a request sees the old or the new version, never a
 * broken one. A file that no longer compiles keeps its last good version and reports diagnostics.
 * Compiling happens in a worker thread with a time limit (compile-runner.ts), one file at a time:
 * the event loop keeps answering requests with the versions already loaded, and a compile past
 * the limit is stopped and reported (E034) while the last good version keeps serving.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { compileTimeoutDiagnostic, durationText } from "../compiler/index.js";
import { LineMap } from "../grammar/index.js";
import { inputVersion } from "./compile-input.js";
import { loadVersion, views, type LoadProblem, type PolicyVersion } from "./compile-job.js";
import { CompileRunner, type JobResult } from "./compile-runner.js";
import { forgetLastGood, loadLastGood, prepareStateDir, saveLastGood } from "./last-good.js";
import {
  outsideFolder,
  policyNames,
  signature,
  watchFolder,
  type FolderWatch,
} from "./watch-folder.js";

export { compileVersion } from "./compile-job.js";
export type { DiagnosticView, LoadProblem, PolicyVersion } from "./compile-job.js";

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
  /** Longest a policy may take to compile (in the worker thread) before it is stopped. */
  readonly compileTimeoutMs: number;
  /** Where problems with the state directory are reported (default: nowhere). */
  readonly log?: (message: string) => void;
}

/** What one look at a file did. */
export type LoadStatus = "unchanged" | "loaded" | "failed" | "removed" | "retry";

/** The id of a policy file: its name without `.zc`. */
export function policyId(name: string): string {
  return basename(name).replace(/\.zc$/, "");
}

/** The content version of a policy's source text (guidelines also cover their policy's text). */
export function versionOf(source: string): string {
  return inputVersion({ source, guideline: false });
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
  private readonly runner = new CompileRunner();
  /** Loads run one after another, so that each sees the table the previous one left. */
  private chain: Promise<unknown> = Promise.resolve();
  /** Per id, the text whose compile did not finish: it is not tried again until the text changes. */
  private readonly unfinished = new Map<string, string>();

  constructor(
    readonly dir: string,
    private readonly options: StoreOptions,
  ) {}

  /** Load every policy file now (each compiled in the worker thread) and start watching the folder. */
  async start(): Promise<void> {
    const stateDir = this.options.stateDir;
    const problem = stateDir ? prepareStateDir(stateDir) : undefined;
    if (problem) this.options.log?.(`${problem}：重启后将无法提供上一个可用版本`);
    this.stateDir = problem ? undefined : stateDir;
    this.starting = true;
    try {
      for (const name of policyNames(this.dir)) await this.load(name);
    } finally {
      this.starting = false;
    }
    this.watcher = watchFolder(this.dir, (name) => this.schedule(name), {
      pollMs: this.options.pollMs,
      useWatch: this.options.watch,
    });
  }

  /** Stop watching and stop the compile thread; the loaded versions stay readable. */
  close(): Promise<void> {
    this.watcher?.close();
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    return this.runner.close();
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

  /** The file the worker thread compiles now, and for how many milliseconds it has. */
  get compiling(): { file: string; ms: number } | undefined {
    const c = this.runner.compiling;
    return c
      ? { file: basename(c.file), ms: Math.round(performance.now() - c.sinceMs) }
      : undefined;
  }

  /**
   * Look at a file again once it has settled: no notice for `settleMs`, then no change during a
   * further `settleMs`. A save made of several writes is thus read whole, not halfway through.
   */
  schedule(name: string): void {
    this.later(name, () => {
      const before = signature(join(this.dir, name));
      this.later(name, () => {
        if (signature(join(this.dir, name)) !== before) return this.schedule(name);
        this.load(name).catch((e: unknown) =>
          this.options.log?.(
            `重新加载 ${name} 时出错：${e instanceof Error ? e.message : String(e)}`,
          ),
        );
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

  /** Read a file and swap in its new version if it compiles; resolves to what changed. */
  load(name: string): Promise<LoadStatus> {
    const run = this.chain.then(() => this.loadNow(name));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async loadNow(name: string): Promise<LoadStatus> {
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
    const text = versionOf(source);
    if (this.unfinished.get(id) === text) return "unchanged";
    const known = [state?.current?.version, state?.problem?.version].filter(
      (v): v is string => v !== undefined,
    );
    const job = await this.runner.run(
      { file, source, folder: this.dir, known },
      this.options.compileTimeoutMs,
    );
    if (job.kind !== "done") return this.unfinishedCompile(id, file, source, job);
    this.unfinished.delete(id);
    const { input, version, outcome } = job.reply;
    if (!outcome) {
      // Back to the serving version (e.g. a broken save was undone): clear the problem.
      if (state?.current?.version === version && state.problem)
        this.swap(id, { id, file, current: state.current });
      return "unchanged";
    }
    this.reloads++;
    const compiled = loadVersion(id, file, version, outcome);
    if (compiled.ok && this.stateDir) saveLastGood(this.stateDir, this.dir, id, input);
    const next: PolicyState = compiled.ok
      ? { id, file, current: compiled.value }
      : await this.failed(id, file, compiled.problem);
    this.swap(id, next);
    if (!input.guideline) this.recheckGuidelines(id);
    return compiled.ok ? "loaded" : "failed";
  }

  /**
   * The state after a failed load: the version serving now keeps serving. Broken at start-up: the
   * last version that compiled before the restart serves, marked stale. Only then: a file created
   * later under a deleted policy's name starts afresh.
   */
  private async failed(id: string, file: string, problem: LoadProblem): Promise<PolicyState> {
    const state = this.table.get(id);
    const current = state?.current ?? (this.starting ? await this.restore(id, file) : undefined);
    return { id, file, ...(current ? { current } : {}), problem };
  }

  /** A compile that ran past the time limit or lost its thread: reported, not tried again. */
  private async unfinishedCompile(
    id: string,
    file: string,
    source: string,
    job: Exclude<JobResult, { kind: "done" }>,
  ): Promise<"failed"> {
    const version = versionOf(source);
    this.unfinished.set(id, version);
    this.reloads++;
    const serving = this.table.get(id)?.current !== undefined || this.starting;
    const kept = serving ? "仍按上一个可用版本计算" : "该政策暂不能计算";
    const at = new Date().toISOString();
    const problem: LoadProblem =
      job.kind === "timeout"
        ? {
            version,
            at,
            message: `编译超时：超过 ${durationText(this.options.compileTimeoutMs)}仍未完成，已停止编译`,
            diagnostics: views([
              compileTimeoutDiagnostic(
                this.options.compileTimeoutMs,
                new LineMap(source).span(0, 0),
                kept,
              ),
            ]),
          }
        : { version, at, message: `编译未能完成：${job.message}`, diagnostics: [] };
    this.swap(id, await this.failed(id, file, problem));
    return "failed";
  }

  /** A policy changed: guidelines may build on it, so look at them again (unchanged ones cost a hash). */
  private recheckGuidelines(changed: string): void {
    for (const s of this.table.values())
      if (s.id !== changed && (s.current?.form === "guideline" || s.problem))
        this.schedule(basename(s.file));
  }

  /** The remembered last good version of a policy, compiled again, if there is one. */
  private async restore(id: string, file: string): Promise<PolicyVersion | undefined> {
    const input = this.stateDir ? loadLastGood(this.stateDir, this.dir, id) : undefined;
    if (!input) return undefined;
    const job = await this.runner.run(
      { file, source: input.source, known: [], input },
      this.options.compileTimeoutMs,
    );
    if (job.kind !== "done" || !job.reply.outcome) return undefined;
    const compiled = loadVersion(id, file, job.reply.version, job.reply.outcome);
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
    this.unfinished.delete(id);
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
