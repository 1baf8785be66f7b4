/**
 * The routing table: method and path pattern → handler. Paths are ASCII; policy ids (file names,
 * often Chinese) arrive percent-encoded and are decoded here.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServiceConfig } from "./config.js";
import {
  describe,
  evaluateMany,
  evaluateOne,
  schemaOf,
  type HandlerContext,
} from "./handlers-evaluate.js";
import { diffVersions } from "./handlers-diff.js";
import { openApiDocument } from "./openapi.js";
import type { PolicyStore } from "./policy-store.js";
import { policySummary, problemView, statusOf } from "./policy-view.js";
import { HttpError, sendJson, splitUrl } from "./respond.js";

type Handler = (ctx: HandlerContext) => void | Promise<void>;

interface Route {
  readonly method: "GET" | "POST";
  readonly pattern: RegExp;
  readonly handle: Handler;
}

/** What the routes share for the lifetime of one server. */
export interface Service {
  readonly store: PolicyStore;
  readonly config: ServiceConfig;
  readonly version: string;
  readonly startedAt: number;
  /** The OpenAPI document per table snapshot (tables are replaced, never changed). */
  readonly openapi: WeakMap<object, unknown>;
}

function health(service: Service): Handler {
  return ({ res }) => {
    const table = service.store.snapshot();
    const states = [...table.values()];
    const problems = states.filter((s) => s.problem);
    const compiling = service.store.compiling;
    sendJson(res, 200, {
      ok: true,
      status: problems.length ? "degraded" : "ok",
      message: problems.length
        ? `服务运行中；${problems.length} 个政策文件有错误（仍按上一个可用版本计算，或暂停计算）`
        : "服务运行中",
      policies: states.length,
      serving: states.filter((s) => s.current).length,
      uptimeSeconds: Math.round((Date.now() - service.startedAt) / 1000),
      reloads: service.store.reloadCount,
      // compiled in a worker thread: the service answers meanwhile
      ...(compiling ? { compiling: { file: compiling.file, milliseconds: compiling.ms } } : {}),
      problems: problems.map((s) => ({
        id: s.id,
        status: statusOf(s),
        ...problemView(s.problem!),
      })),
    });
  };
}

function routes(service: Service): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/$/,
      handle: ({ res }) =>
        sendJson(res, 200, {
          name: "zhengce 政策计算服务",
          endpoints: {
            "GET /health": "健康检查",
            "GET /policies": "政策列表",
            "GET /policies/{id}": "政策信息",
            "GET /policies/{id}/schema": "申报材料的 JSON Schema",
            "POST /policies/{id}/evaluate": "计算一份申报",
            "POST /policies/{id}/batch": "批量计算",
            "POST /diff": "比较两个版本（old、new 为政策文本）并用求解器证明",
            "GET /openapi.json": "OpenAPI 文档",
          },
        }),
    },
    { method: "GET", pattern: /^\/health$/, handle: health(service) },
    {
      method: "GET",
      pattern: /^\/policies$/,
      handle: ({ res }) =>
        sendJson(res, 200, {
          policies: [...service.store.snapshot().values()].map((s) => policySummary(s)),
        }),
    },
    {
      method: "GET",
      pattern: /^\/openapi\.json$/,
      handle: ({ res }) => {
        const table = service.store.snapshot();
        let doc = service.openapi.get(table);
        if (!doc) {
          doc = openApiDocument(table, service.version);
          service.openapi.set(table, doc);
        }
        sendJson(res, 200, doc);
      },
    },
    { method: "GET", pattern: /^\/policies\/([^/]+)$/, handle: describe },
    { method: "GET", pattern: /^\/policies\/([^/]+)\/schema$/, handle: schemaOf },
    { method: "POST", pattern: /^\/policies\/([^/]+)\/evaluate$/, handle: evaluateOne },
    { method: "POST", pattern: /^\/policies\/([^/]+)\/batch$/, handle: evaluateMany },
    { method: "POST", pattern: /^\/diff$/, handle: diffVersions },
  ];
}

/** A request handler for a service; throws {@link HttpError} for 404/405/400 on the path itself. */
export function router(
  service: Service,
): (req: IncomingMessage, res: ServerResponse) => void | Promise<void> {
  const table = routes(service);
  return (req, res) => {
    let { path } = splitUrl(req);
    if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
    const matching = table.filter((r) => r.pattern.test(path));
    if (!matching.length) throw new HttpError(404, `找不到接口：${path.slice(0, 100)}`);
    // HEAD is GET without the body (node:http leaves the body out of HEAD responses).
    const method = req.method === "HEAD" ? "GET" : req.method;
    const route = matching.find((r) => r.method === method);
    if (!route) {
      const methods = matching.map((r) => r.method);
      const allow = [
        ...new Set(methods.flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]))),
      ].join(", ");
      throw new HttpError(
        405,
        `此接口不支持 ${String(req.method).slice(0, 10)} 请求（可用：${allow}）`,
        [],
        {
          Allow: allow,
        },
      );
    }
    const m = route.pattern.exec(path)!;
    let id = "";
    if (m[1] !== undefined) {
      try {
        id = decodeURIComponent(m[1]);
      } catch {
        throw new HttpError(400, "路径中的政策编号编码有误（应为 UTF-8 百分号编码）");
      }
    }
    return route.handle({ req, res, id, store: service.store, config: service.config });
  };
}
