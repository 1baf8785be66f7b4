/**
 * A minimal HTTP client for the scripts: keep-alive agents, JSON bodies, timing in milliseconds.
 */
import { Agent, request } from "node:http";

export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

/** A keep-alive agent with at most `sockets` connections. */
export function keepAlive(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/** Send one request; rejects on connection errors (refused, reset) with the error code. */
export function send(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  body?: string | Buffer,
  timeoutMs = 10_000,
): Promise<Reply> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent,
        headers:
          body === undefined
            ? {}
            : { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - t0,
          }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error("ETIMEDOUT")));
    req.on("error", reject);
    req.end(body);
  });
}

/** The p-th percentile (0–100) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
