/**
 * Reading a JSON request body under limits: content type (415), size (413), UTF-8, nesting depth
 * and syntax (400), each refused with a Chinese message before any policy code sees the data.
 */
import type { IncomingMessage } from "node:http";
import { jsonErrorText, parseJsonText } from "../runtime/index.js";
import { jsonDepth } from "./json-depth.js";
import { HttpError } from "./respond.js";

export interface BodyLimits {
  /** Largest body in bytes. */
  readonly maxBytes: number;
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth: number;
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

/** Read the whole body as bytes, refusing it as soon as it exceeds the limit. */
export function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish(tooLarge(maxBytes));
        req.resume(); // drain and discard the rest; the response closes the connection
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => finish());
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

/** Decode, depth-check and parse a JSON body. */
export function parseJsonBody(bytes: Buffer, maxDepth: number): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "请求体不是有效的 UTF-8 文本");
  }
  if (!text.trim()) throw new HttpError(400, "请求体为空：应为 JSON");
  if (jsonDepth(text, maxDepth) > maxDepth)
    throw new HttpError(400, `JSON 嵌套过深：不能超过 ${maxDepth} 层`);
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  throw new HttpError(400, `请求体不是有效的 JSON：${jsonErrorText(parsed.error)}`);
}

/** Content type, size, UTF-8, depth and syntax checks, then the parsed value. */
export async function readJson(req: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  checkJsonContentType(req);
  return parseJsonBody(await readBytes(req, limits.maxBytes), limits.maxDepth);
}
