/**
 * JSON responses. Every answer of the service, success or failure, is JSON with Chinese messages;
 * a response to a client that has already gone away is dropped quietly.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** One problem with a request, naming the field (or query parameter) it concerns. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An error the handlers return instead of throwing: a status, a Chinese message and details. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: readonly FieldError[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** Whether a response can still be written (the client is there and nothing was sent yet). */
export function writable(res: ServerResponse): boolean {
  return !res.headersSent && !res.writableEnded && !res.destroyed && !res.socket?.destroyed;
}

/** Send a JSON body with a status; `close` asks the client to open a new connection next time. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  close = false,
): void {
  if (!writable(res)) return;
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (close) res.setHeader("Connection", "close");
  res.end(text);
}

/** Send an {@link HttpError} as `{ ok: false, error, errors }`. */
export function sendError(res: ServerResponse, e: HttpError, close = false): void {
  sendJson(
    res,
    e.status,
    { ok: false, error: e.message, ...(e.errors.length ? { errors: e.errors } : {}) },
    e.headers,
    close,
  );
}

/** The raw HTTP text of a JSON error, for sockets the http module hands over on a client error. */
export function rawErrorResponse(status: number, reason: string, message: string): string {
  const body = JSON.stringify({ ok: false, error: message });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/** The request path without the query, and the query parameters. */
export function splitUrl(req: IncomingMessage): { path: string; query: URLSearchParams } {
  const raw = req.url ?? "/";
  const q = raw.indexOf("?");
  return {
    path: q < 0 ? raw : raw.slice(0, q),
    query: new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)),
  };
}
