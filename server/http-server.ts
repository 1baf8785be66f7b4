/**
 * The HTTP service on node:http: a policy store, the routes, and the limits that keep one bad client
 * from harming the others (timeouts for slow clients, JSON errors for malformed requests, and a
 * catch-all so that no request can crash the process).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ClientGone } from "./body.js";
import { DEFAULT_CONFIG, type ServiceConfig } from "./config.js";
import { allowedHosts, requestHost } from "./host-check.js";
import { PolicyStore } from "./policy-store.js";
import { HttpError, rawErrorResponse, sendError } from "./respond.js";
import { router, type Service } from "./routes.js";

export interface ServeOptions extends Partial<ServiceConfig> {
  /** The folder of `.zc` files to serve. */
  readonly dir: string;
  /** Default 127.0.0.1: exposing the service is a deliberate choice. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** Where internal errors are reported (default: standard error). Never sent to clients. */
  readonly log?: (message: string) => void;
  /** Version string in the OpenAPI document. */
  readonly version?: string;
}

export interface RunningServer {
  readonly server: Server;
  readonly store: PolicyStore;
  readonly url: string;
  readonly port: number;
  /** Stop accepting connections, close idle ones, stop watching files. */
  close(): Promise<void>;
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "请求超时：请求未能在限定时间内发送完毕"],
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "请求头过大"],
};

/** Start the service; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const config: ServiceConfig = { ...DEFAULT_CONFIG, ...stripUndefined(options) };
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const store = new PolicyStore(options.dir, { ...config, log });
  await store.start();
  const service: Service = {
    store,
    config,
    version: options.version ?? "0.1.0",
    startedAt: Date.now(),
    openapi: new WeakMap(),
  };
  const route = router(service);
  const hosts = allowedHosts(options.host ?? "127.0.0.1", config.allowedHosts);
  const server = createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      keepAliveTimeout: config.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(50, config.headersTimeoutMs / 4)),
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      void (async () => {
        try {
          checkHost(req, hosts);
          await route(req, res);
        } catch (e) {
          if (e instanceof ClientGone) return;
          // A body not read to the end cannot be followed by another request on this connection.
          const close = !req.complete && hasBody(req);
          if (e instanceof HttpError) sendError(res, e, close);
          else {
            log(
              `内部错误：${req.method} ${req.url}：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            );
            sendError(res, new HttpError(500, "服务器内部错误：请求未能处理"), true);
          }
          if (close) req.resume();
        }
      })();
    },
  );
  server.maxHeadersCount = 100;
  server.on("checkExpectation", (_req, res) =>
    sendError(res, new HttpError(417, "不支持请求头 Expect 的这个值（只支持 100-continue）")),
  );
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Socket) => {
    const [status, reason, message] = CLIENT_ERRORS[err.code ?? ""] ?? [
      400,
      "Bad Request",
      "请求格式有误",
    ];
    if (
      socket.writable &&
      !(socket as Socket & { _httpMessage?: { headersSent: boolean } })._httpMessage?.headersSent
    )
      socket.end(rawErrorResponse(status, reason, message));
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    server,
    store,
    port: addr.port,
    url: `http://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        const stopped = store.close();
        server.close(() => void stopped.then(() => resolve()));
        server.closeIdleConnections();
      }),
  };
}

/** Refuse a Host header naming another site (DNS rebinding); browsers always send one. */
function checkHost(req: IncomingMessage, hosts: ReadonlySet<string>): void {
  if (req.headers.host === undefined) return;
  const name = requestHost(req);
  if (name === undefined || !hosts.has(name))
    throw new HttpError(
      421,
      `不接受发往主机名“${String(req.headers.host).slice(0, 80)}”的请求：本服务只回答 ${[...hosts].join("、")}（可用 --allow-host 添加）`,
    );
}

/** Whether a request carries a body (declared length above 0, or chunked). */
function hasBody(req: IncomingMessage): boolean {
  const len = req.headers["content-length"];
  return (len !== undefined && len !== "0") || req.headers["transfer-encoding"] !== undefined;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
