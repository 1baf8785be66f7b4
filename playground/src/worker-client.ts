/**
 * The page's side of the compiler worker. At most one analysis is in flight; while it runs, newer
 * requests replace each other, so a burst of keystrokes costs one compile, not one per key.
 *
 * A watchdog guards the worker (issue 12): a request unanswered after `limitMs` (the worker is
 * stuck on a text that compiles too slowly) terminates the worker and starts a new one, and
 * `onWatchdog` tells the page. The text that stalled it is not sent again until it changes.
 */
import type { Analysis, BaseCandidate, CoverageView, Request, Response } from "./protocol.js";

type AnalyzeArgs = Omit<Extract<Request, { kind: "analyze" }>, "kind" | "id">;

/** What the worker's toolchain offers. */
export interface Capabilities {
  readonly compilerAvailable: boolean;
}

/** How long the worker may take to answer, unless the address says `?compile-timeout=MS`. */
export const WATCHDOG_MS = 10_000;

function limitFromAddress(): number {
  const raw = new URLSearchParams(location.search).get("compile-timeout");
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 100 ? n : WATCHDOG_MS;
}

/** Talks to the compiler worker; `onAnalysis` receives each fresh analysis. */
export class CompilerClient {
  private worker!: Worker;
  private nextId = 1;
  private inFlight = false;
  private pending: AnalyzeArgs | null = null;
  private readonly formatWaiters = new Map<
    number,
    (r: { text: string | null; error?: string }) => void
  >();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The source the worker was stopped on: not sent again until the text changes. */
  private stalled: string | null = null;
  private bases: readonly BaseCandidate[] | null = null;
  private resolveReady: (c: Capabilities) => void = () => {};
  /** Whether the current worker has loaded its toolchain: work is timed from then. */
  private workerReady = false;
  /** What the watchdog would name if it fired now: the source being compiled, if any. */
  private busyWith: string | null = null;
  /** The source of the analysis in flight. */
  private inFlightSource: string | null = null;
  private readonly coverageWaiters = new Map<number, (c: CoverageView) => void>();
  readonly ready: Promise<Capabilities>;
  /** How long the worker may take before it is restarted. */
  readonly limitMs = limitFromAddress();
  onAnalysis: (a: Analysis) => void = () => {};
  /** The embedded cases' outcomes, which follow an analysis whose `casesPending` was true. */
  onCases: (m: Extract<Response, { kind: "cases" }>) => void = () => {};
  /** The watchdog stopped the worker while it worked on `source`; a new worker is starting. */
  onWatchdog: (source: string, limitMs: number) => void = () => {};

  constructor() {
    this.ready = new Promise((r) => (this.resolveReady = r));
    this.start();
  }

  private start(): void {
    this.workerReady = false;
    this.worker = new Worker(new URL("./worker/compiler.worker.ts", import.meta.url), {
      type: "module",
    });
    this.worker.onmessage = (e: MessageEvent<Response>) => {
      const msg = e.data;
      if (msg.kind === "ready") {
        this.workerReady = true;
        this.resolveReady(msg);
        if (this.inFlight || this.formatWaiters.size) this.arm();
      } else if (msg.kind === "formatted" || msg.kind === "guidelineDraft") {
        this.settle();
        this.formatWaiters.get(msg.id)?.(msg);
        this.formatWaiters.delete(msg.id);
      } else if (msg.kind === "cases") {
        this.settle();
        this.onCases(msg);
      } else if (msg.kind === "coverage") {
        // The worker is alive: work queued behind the coverage is timed afresh.
        if (this.timer !== undefined) this.settle();
        this.coverageWaiters.get(msg.id)?.(msg);
        this.coverageWaiters.delete(msg.id);
      } else {
        this.settle();
        this.inFlight = false;
        // the embedded cases follow in a second message: the worker is still at work on this text
        if (msg.casesPending) this.arm(msg.source);
        this.onAnalysis(msg);
        this.flush();
      }
    };
    this.worker.onerror = (e) => {
      // A crashed worker would otherwise leave the page waiting forever.
      this.inFlight = false;
      console.warn("编译线程出错", e.message);
    };
    if (this.bases) this.worker.postMessage({ kind: "bases", bases: this.bases } satisfies Request);
  }

  /** The worker answered: it is alive (its next piece of work is timed afresh). */
  private settle(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.busyWith = null;
    // work still queued in the worker (an analysis after a format) is timed afresh
    if (this.inFlightSource !== null || this.formatWaiters.size > 1) this.arm(this.inFlightSource);
  }

  /** Post work and time it: no answer within the limit restarts the worker. */
  private post(request: Request, source: string | null): void {
    this.worker.postMessage(request);
    this.arm(source);
  }

  /** Start the watchdog's clock (once the worker is ready), unless it is running. */
  private arm(source: string | null = this.busyWith): void {
    if (source !== null) this.busyWith = source;
    if (this.timer !== undefined || !this.workerReady) return;
    this.timer = setTimeout(() => this.restart(this.busyWith), this.limitMs);
  }

  /** The watchdog fired: stop the stuck worker, start a new one, tell the page. */
  private restart(source: string | null): void {
    this.timer = undefined;
    this.busyWith = null;
    this.worker.terminate();
    this.inFlight = false;
    this.inFlightSource = null;
    for (const w of this.formatWaiters.values())
      w({ text: null, error: "编译线程超时，已重新启动" });
    this.formatWaiters.clear();
    for (const w of this.coverageWaiters.values())
      w({
        source: "",
        clauses: null,
        summary: "",
        note: "编译线程超时，已重新启动；案例覆盖未算完，请重新计算。",
        withLines: true,
        ms: 0,
      });
    this.coverageWaiters.clear();
    if (source !== null) this.stalled = source;
    this.start();
    this.onWatchdog(source ?? "", this.limitMs);
    this.flush();
  }

  /** Ask for an analysis of this source and application; only the latest request is kept. */
  analyze(args: AnalyzeArgs): void {
    this.pending = args;
    this.flush();
  }

  private flush(): void {
    if (this.inFlight || !this.pending) return;
    const args = this.pending;
    this.pending = null;
    if (args.source === this.stalled) return; // it would stall the new worker too
    this.stalled = null;
    this.inFlight = true;
    this.inFlightSource = args.source;
    this.post({ kind: "analyze", id: this.nextId++, ...args } satisfies Request, args.source);
  }

  /** Tell the worker which policies a guideline may build on (sent before the next analysis). */
  setBases(bases: readonly BaseCandidate[]): void {
    this.bases = bases;
    this.worker.postMessage({ kind: "bases", bases } satisfies Request);
  }

  /** The text of a new guideline built on `policySource`, whose 基于 names `ref`. */
  newGuideline(
    policySource: string,
    ref: string,
  ): Promise<{ text: string | null; error?: string }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.formatWaiters.set(id, resolve);
      this.post({ kind: "newGuideline", id, policySource, ref } satisfies Request, null);
    });
  }

  /** The case coverage of a source (the compiler's, as `zhengce test --coverage` reports it). */
  coverage(source: string, baseId?: string): Promise<CoverageView> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.coverageWaiters.set(id, resolve);
      const req = { kind: "coverage", id, source, ...(baseId ? { baseId } : {}) } as const;
      this.worker.postMessage(req satisfies Request);
    });
  }

  /** Format a source with the project's formatter (null text, with why, when it cannot). */
  format(source: string): Promise<{ text: string | null; error?: string }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.formatWaiters.set(id, resolve);
      this.post({ kind: "format", id, source } satisfies Request, null);
    });
  }
}
