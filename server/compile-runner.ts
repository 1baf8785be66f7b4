/**
 * Compiling served files off the event loop: one worker thread runs the compile jobs one at a
 * time, each with a time limit. A job past its limit is answered "timed out" at once and the
 * thread is stopped (terminate), so that no policy text can hold the service's event loop or its
 * compiler for longer than the limit; the next job starts a fresh thread. Requests keep being
 * answered meanwhile, by the versions already loaded.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { compileJob, type CompileReply, type CompileRequest } from "./compile-job.js";

/** What a compile job came to. */
export type JobResult =
  | { readonly kind: "done"; readonly reply: CompileReply; readonly ms: number }
  | { readonly kind: "timeout"; readonly ms: number }
  | { readonly kind: "crashed"; readonly message: string; readonly ms: number };

/** The compiled worker script in dist/, wherever this module was loaded from. */
function workerScript(): URL | undefined {
  // beside this module (dist/server/); from the sources; from the CLI bundle or its assets/
  const candidates = [
    "./compile-worker.js",
    "../dist/server/compile-worker.js",
    "../server/compile-worker.js",
    "../../server/compile-worker.js",
  ];
  for (const rel of candidates) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** How long a new thread may take to load the compiler (under heavy load: many seconds). */
const STARTUP_MS = 60_000;

interface Job {
  readonly seq: number;
  readonly request: CompileRequest;
  readonly timeoutMs: number;
  readonly resolve: (r: JobResult) => void;
}

/** Runs compile jobs in a worker thread, one at a time, in the order they were asked. */
export class CompileRunner {
  private worker?: Worker;
  private readonly queue: Job[] = [];
  private current?: { job: Job; timer?: NodeJS.Timeout; t0: number };
  /** Whether the thread has started up (loaded the compiler); jobs are timed from then. */
  private ready = false;
  private seq = 0;
  private closed = false;
  /** Where the thread's script is; undefined runs jobs on this thread (no compiled dist/). */
  readonly script = workerScript();

  /** Compile in the worker; resolves "timeout" once `timeoutMs` have passed without an answer. */
  run(request: CompileRequest, timeoutMs: number): Promise<JobResult> {
    if (!this.script || this.closed) {
      const t0 = performance.now();
      return Promise.resolve({
        kind: "done",
        reply: compileJob(request),
        ms: performance.now() - t0,
      });
    }
    return new Promise((resolve) => {
      this.queue.push({ seq: ++this.seq, request, timeoutMs, resolve });
      this.next();
    });
  }

  /** The file being compiled now and since when (ms on performance.now()), if any. */
  get compiling(): { file: string; sinceMs: number } | undefined {
    return this.current
      ? { file: this.current.job.request.file, sinceMs: this.current.t0 }
      : undefined;
  }

  /** Stop the thread; queued jobs run on this thread (the store is closing anyway). */
  close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    if (this.current) this.finish({ kind: "crashed", message: "服务正在停止", ms: 0 });
    for (const job of this.queue.splice(0))
      job.resolve({ kind: "crashed", message: "服务正在停止", ms: 0 });
    return w ? w.terminate().then(() => undefined) : Promise.resolve();
  }

  private spawn(): Worker {
    const w = new Worker(this.script!, {
      // a policy that needs more memory than this is refused, not allowed to exhaust the process
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    w.unref();
    this.ready = false;
    w.on(
      "message",
      (m: {
        seq?: number;
        ok?: boolean;
        reply?: CompileReply;
        message?: string;
        ready?: boolean;
      }) => {
        if (m.ready) {
          this.ready = true;
          if (this.current) this.startJob();
          return;
        }
        const cur = this.current;
        if (!cur || m.seq !== cur.job.seq) return;
        const ms = performance.now() - cur.t0;
        this.finish(
          m.ok && m.reply
            ? { kind: "done", reply: m.reply, ms }
            : { kind: "crashed", message: m.message ?? "未知错误", ms },
        );
      },
    );
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      const cur = this.current;
      if (cur) this.finish({ kind: "crashed", message: why, ms: performance.now() - cur.t0 });
    };
    w.on("error", (e) => lost(e.message));
    w.on("exit", (code) => lost(`编译线程意外退出（${code}）`));
    return w;
  }

  private next(): void {
    if (this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.worker ??= this.spawn();
    this.current = { job, t0: performance.now() };
    if (this.ready) this.startJob();
    else this.current.timer = this.limit(STARTUP_MS, "编译线程未能在限定时间内启动");
  }

  /** Send the current job to the ready thread and start its clock. */
  private startJob(): void {
    const cur = this.current!;
    clearTimeout(cur.timer);
    cur.t0 = performance.now();
    cur.timer = this.limit(cur.job.timeoutMs);
    this.worker!.postMessage({ seq: cur.job.seq, request: cur.job.request });
  }

  /** After `ms`, stop the thread and answer the current job "timeout" (or crashed, with `why`). */
  private limit(ms: number, why?: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const w = this.worker;
      this.worker = undefined; // the next job gets a fresh thread
      const spent = performance.now() - this.current!.t0;
      this.finish(
        why ? { kind: "crashed", message: why, ms: spent } : { kind: "timeout", ms: spent },
      );
      void w?.terminate();
    }, ms);
    timer.unref();
    return timer;
  }

  private finish(result: JobResult): void {
    const cur = this.current!;
    clearTimeout(cur.timer);
    this.current = undefined;
    cur.job.resolve(result);
    queueMicrotask(() => this.next());
  }
}
