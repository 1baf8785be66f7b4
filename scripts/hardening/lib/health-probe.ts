/**
 * A steady probe of GET /health every 10 ms from a worker thread of its own: its latencies are
 * those of the service, not of the load script's event loop, which is busy sending the load.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { keepAlive, send } from "./http-client.js";

/** What a probe measured: every latency in ms, and the requests that failed. */
export interface ProbeTimes {
  readonly times: number[];
  readonly errors: number;
}

/** Start probing the service on `port`; `stop` ends it and gives the latencies. */
export function startProbe(port: number): { stop(): Promise<ProbeTimes> } {
  const w = new Worker(new URL(import.meta.url), { workerData: { port } });
  const done = new Promise<ProbeTimes>((resolve, reject) => {
    w.once("message", (m: ProbeTimes) => resolve(m));
    w.once("error", reject);
  });
  return {
    stop: () => {
      w.postMessage("stop");
      return done.finally(() => void w.terminate());
    },
  };
}

if (!isMainThread && parentPort) {
  const { port } = workerData as { port: number };
  const agent = keepAlive(1);
  const times: number[] = [];
  let errors = 0;
  let stopped = false;
  parentPort.on("message", () => (stopped = true));
  while (!stopped) {
    try {
      const r = await send(agent, port, "GET", "/health");
      if (r.status !== 200) errors++;
      times.push(r.ms);
    } catch {
      errors++;
    }
    await new Promise((res) => setTimeout(res, 10));
  }
  agent.destroy();
  parentPort.postMessage({ times, errors } satisfies ProbeTimes);
}
