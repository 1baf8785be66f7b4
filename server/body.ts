/**
 * Reading a JSON request body under limits: content type (415), size (413), UTF-8, nesting depth
 * and syntax (400), each refused with a Chinese message before any policy code sees the data. The
 * body is checked chunk by chunk as it arrives (json-stream.ts), never in one long pass.
 */
import type { IncomingMessage } from "node:http";
import { JsonBodyReader } from "./json-stream.js";
import { HttpError } from "./respond.js";

export interface BodyLimits {
  /** Largest body in bytes. */
  readonly maxBytes: number;
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth: number;
  /** Longest field name (bytes of JSON text) that can mean anything; longer ones are refused. */
  readonly maxKeyBytes?: number;
}

/** Thrown when the client went away before the body arrived: nobody is left to answer. */
export class ClientGone extends Error {
  constructor() {
    super("客户端已断开");
    this.name = "ClientGone";
  }
}

/** Check that a request declares a JSON body (application/json, UTF-8 if a charset is given). */
export function checkJsonContentType(req: IncomingMessage): void {
  const raw = req.headers["content-type"];
  const [type, ...params] = (raw ?? "").split(";").map((s) => s.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice(8)
    .replace(/"/g, "");
  if (type !== "application/json" || (charset !== undefined && charset !== "utf-8"))
    throw new HttpError(
      415,
      raw
        ? `不支持的内容类型“${raw.slice(0, 80)}”：请求体应为 JSON（Content-Type: application/json; charset=utf-8）`
        : "缺少内容类型：请求体应为 JSON（Content-Type: application/json; charset=utf-8）",
    );
}

/**
 * Read and parse the body as it arrives: each chunk is decoded and scanned at once (depth, digits),
 * and the body is refused as soon as it exceeds the size or depth limit or stops being UTF-8.
 */
export function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  const { maxBytes } = limits;
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const reader = new JsonBodyReader(limits.maxDepth, limits.maxKeyBytes);
    let size = 0;
    let done = false;
    const finish = (err?: Error, value?: unknown) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      if (err) reject(err);
      else resolve(value);
    };
    const refuse = (err: Error) => {
      finish(err);
      req.resume(); // drain and discard the rest; the response closes the connection
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return refuse(tooLarge(maxBytes));
      try {
        reader.push(chunk);
      } catch (e) {
        refuse(e as Error);
      }
    };
    req.on("data", onData);
    req.on("end", () => {
      if (done) return;
      try {
        finish(undefined, reader.end());
      } catch (e) {
        finish(e as Error);
      }
    });
    req.on("error", () => finish(new ClientGone()));
    req.on("close", () => {
      if (!req.complete) finish(new ClientGone());
    });
  });
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `请求体过大：不能超过 ${formatBytes(maxBytes)}`);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0
    ? `${n / 1024 / 1024} MB`
    : n >= 1024 && n % 1024 === 0
      ? `${n / 1024} KB`
      : `${n} 字节`;
}

/** Content type, size, UTF-8, depth and syntax checks, then the parsed value. */
export async function readJson(req: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  checkJsonContentType(req);
  return readJsonBody(req, limits);
}
