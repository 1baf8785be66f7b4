/**
 * Test harness for the HTTP service: a real server on 127.0.0.1 (port 0) over a temporary copy of the
 * policy folder, a JSON request helper and a raw-socket helper for malformed traffic.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer, type ServeOptions } from "../../server/http-server.js";

export const SEED_ID = "jiading-2021-industrial-internet";
export const SEED_FILE = `policies/${SEED_ID}.zc`;

/** A server over a fresh folder holding the seed policy; `dispose` stops it and removes the folder. */
export async function seedServer(
  options: Partial<ServeOptions> = {},
): Promise<RunningServer & { dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "zhengce-serve-"));
  copyFileSync(SEED_FILE, join(dir, `${SEED_ID}.zc`));
  const running = await startServer({ dir, host: "127.0.0.1", port: 0, log: () => {}, ...options });
  return {
    ...running,
    dir,
    async dispose() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON response: status, headers and the parsed body. */
export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Send a request; `body` objects are sent as JSON with the JSON content type unless overridden. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body =
      typeof body === "string" || body instanceof Uint8Array
        ? (body as BodyInit)
        : JSON.stringify(body);
    init.headers = { "content-type": "application/json", ...headers };
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Write raw bytes to the server and collect what comes back until it closes (or `waitMs`). */
export function raw(
  port: number,
  chunks: readonly (string | Buffer)[],
  options: { waitMs?: number; gapMs?: number } = {},
): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let closed = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, ms: Date.now() - t0 });
    };
    const timer = setTimeout(finish, options.waitMs ?? 2000);
    socket.on("data", (d) => (text += d.toString("utf8")));
    socket.on("close", () => {
      closed = true;
      finish();
    });
    socket.on("error", () => {});
    socket.on("connect", async () => {
      for (const c of chunks) {
        if (socket.destroyed) break;
        socket.write(c);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
    });
  });
}

/** The status code of a raw HTTP response text (0 when there is none). */
export function statusOf(text: string): number {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return m ? Number(m[1]) : 0;
}

/** The first JSON body in a raw HTTP response text. */
export function bodyOf(text: string): any {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const i = text.indexOf("\r\n\r\n");
  try {
    return JSON.parse(text.slice(i + 4));
  } catch {
    return undefined;
  }
}

/** The seed's example application (a 市级 标杆示范项目). */
export const EXAMPLE_APP = {
  申报主体: "上海某智能制造有限公司",
  申报日期: "2022-03-01",
  注册地在本区: true,
  法人企业: true,
  经营状态正常: true,
  信用记录良好: true,
  工业互联网企业: true,
  认定为标杆示范项目: true,
  项目级别: "市级",
  项目已投入金额: "1800万",
  已获上级补助金额: "100万",
};
