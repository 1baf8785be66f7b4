/**
 * The page's side of the diff worker. The worker starts the first time a diff is asked for; only
 * the answers to the newest request reach `onMessage` (an older run is abandoned by the worker).
 */
import type { DiffMessage, DiffResponse } from "./diff-protocol.js";

export class DiffClient {
  private worker: Worker | null = null;
  private current = 0;
  /** Answers to the newest request, in the order the worker sends them. */
  onMessage: (m: DiffResponse) => void = () => {};

  private start(): Worker {
    const w = new Worker(new URL("./worker/diff.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<DiffResponse>) => {
      if (e.data.id === this.current) this.onMessage(e.data);
    };
    w.onerror = (e) => {
      e.preventDefault();
      // A crashed worker is replaced on the next request; the view hears why this one ended.
      this.worker = null;
      w.terminate();
      this.onMessage({ kind: "failed", id: this.current, error: `对比线程出错：${e.message}` });
    };
    return w;
  }

  /** Compare two sources; returns the request's id. */
  diff(oldSource: string, newSource: string): number {
    this.worker ??= this.start();
    const id = ++this.current;
    this.worker.postMessage({ kind: "diff", id, oldSource, newSource } satisfies DiffMessage);
    return id;
  }

  /** Forget the running request (its answers are dropped; the worker stops at its next yield). */
  cancel(): void {
    this.current++;
    this.worker?.postMessage({ kind: "cancel" } satisfies DiffMessage);
  }
}
