import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyOf, call, EXAMPLE_APP, raw, SEED_ID, seedServer, statusOf } from "./harness.js";

let srv: Awaited<ReturnType<typeof seedServer>>;
const EVAL = `/policies/${SEED_ID}/evaluate`;
beforeAll(async () => {
  srv = await seedServer({ headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300 });
});
afterAll(() => srv.dispose());

describe("HTTP service: slow and vanishing clients", () => {
  it("headers never finished → the connection is closed after the headers timeout", async () => {
    const r = await raw(srv.port, ["GET /health HTTP/1.1\r\nHost: localhost\r\n"], {
      waitMs: 3000,
    });
    expect(r.closed).toBe(true);
    expect(r.ms).toBeLessThan(2500);
    expect([0, 408]).toContain(statusOf(r.text));
  });

  it("body never finished → 408 in Chinese after the request timeout", async () => {
    const body = JSON.stringify(EXAMPLE_APP);
    const head = `POST ${EVAL} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const r = await raw(srv.port, [head + body.slice(0, 10)], { waitMs: 3000 });
    expect(r.closed).toBe(true);
    expect(statusOf(r.text)).toBe(408);
    expect(bodyOf(r.text).error).toMatch(/请求超时/);
  });

  it("a request aborted halfway leaves nothing behind", async () => {
    await new Promise<void>((resolve) => {
      const s = connect(srv.port, "127.0.0.1", () => {
        s.write(
          `POST ${EVAL} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"注册地`,
        );
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 20);
      });
      s.on("error", () => {});
    });
    const r = await call(srv.url, "POST", EVAL, EXAMPLE_APP);
    expect(r.status).toBe(200);
    expect(r.body.result.total).toBe("4000000");
  });

  it("many slow clients at once do not delay a normal request", async () => {
    // A separate server with long timeouts: the normal request must finish while all slow ones hang on.
    const own = await seedServer({ headersTimeoutMs: 5000, requestTimeoutMs: 5000 });
    let closed = 0;
    const slow = Array.from({ length: 50 }, () =>
      raw(
        own.port,
        [
          `POST ${EVAL} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
        ],
        { waitMs: 8000 },
      ).then((x) => {
        closed++;
        return x;
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const r = await call(own.url, "POST", EVAL, EXAMPLE_APP);
    expect(r.status).toBe(200);
    expect(closed).toBe(0);
    own.server.closeAllConnections();
    await Promise.all(slow);
    await own.dispose();
  });
});
