/**
 * The page's side of the compiler worker. At most one analysis is in flight; while it runs, newer
 * requests replace each other, so a burst of keystrokes costs one compile, not one per key.
 */
import type { Analysis, BaseCandidate, Request, Response } from "./protocol.js";

type AnalyzeArgs = Omit<Extract<Request, { kind: "analyze" }>, "kind" | "id">;

/** What the worker's toolchain offers. */
export interface Capabilities {
  readonly compilerAvailable: boolean;
}

/** Talks to the compiler worker; `onAnalysis` receives each fresh analysis. */
export class CompilerClient {
  private readonly worker = new Worker(new URL("./worker/compiler.worker.ts", import.meta.url), {
    type: "module",
  });
  private nextId = 1;
  private inFlight = false;
  private pending: AnalyzeArgs | null = null;
  private readonly formatWaiters = new Map<
    number,
    (r: { text: string | null; error?: string }) => void
  >();
  readonly ready: Promise<Capabilities>;
  onAnalysis: (a: Analysis) => void = () => {};
  /** The embedded cases' outcomes, which follow an analysis whose `casesPending` was true. */
  onCases: (m: Extract<Response, { kind: "cases" }>) => void = () => {};

  constructor() {
    let resolveReady: (c: Capabilities) => void = () => {};
    this.ready = new Promise((r) => (resolveReady = r));
    this.worker.onmessage = (e: MessageEvent<Response>) => {
      const msg = e.data;
      if (msg.kind === "ready") resolveReady(msg);
      else if (msg.kind === "formatted" || msg.kind === "guidelineDraft") {
        this.formatWaiters.get(msg.id)?.(msg);
        this.formatWaiters.delete(msg.id);
      } else if (msg.kind === "cases") {
        this.onCases(msg);
      } else {
        this.inFlight = false;
        this.onAnalysis(msg);
        this.flush();
      }
    };
    this.worker.onerror = (e) => {
      // A crashed worker would otherwise leave the page waiting forever.
      this.inFlight = false;
      console.warn("编译线程出错", e.message);
    };
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
    this.inFlight = true;
    this.worker.postMessage({ kind: "analyze", id: this.nextId++, ...args } satisfies Request);
  }

  /** Tell the worker which policies a guideline may build on (sent before the next analysis). */
  setBases(bases: readonly BaseCandidate[]): void {
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
      this.worker.postMessage({ kind: "newGuideline", id, policySource, ref } satisfies Request);
    });
  }

  /** Format a source with the project's formatter (null text, with why, when it cannot). */
  format(source: string): Promise<{ text: string | null; error?: string }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.formatWaiters.set(id, resolve);
      this.worker.postMessage({ kind: "format", id, source } satisfies Request);
    });
  }
}
