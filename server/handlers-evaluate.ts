/**
 * `POST /policies/:id/evaluate` and `POST /policies/:id/batch`: the application(s) in the body, bare
 * or in an envelope with options; the result with its explanation in Chinese text and as steps.
 */
import { resultText } from "../runtime/index.js";
import { evaluateBatch } from "../runtime/index.js";
import type { CompiledPolicy, EvaluateOptions, Evaluation } from "../runtime/index.js";
import { readJson } from "./body.js";
import type { ServiceConfig } from "./config.js";
import type { PolicyStore, PolicyVersion } from "./policy-store.js";
import { problemView } from "./policy-view.js";
import { OPTION_KEYS, parseOptions, queryOptions } from "./request-options.js";
import { HttpError, sendJson, splitUrl, type FieldError } from "./respond.js";
import type { IncomingMessage, ServerResponse } from "node:http";

/** What a handler gets: the request, the response, the path parameters and the service. */
export interface HandlerContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly id: string;
  readonly store: PolicyStore;
  readonly config: ServiceConfig;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The version serving a policy id now, or the 404/503 saying why there is none. */
export function servingVersion(store: PolicyStore, id: string): PolicyVersion {
  const state = store.get(id);
  if (!state) throw new HttpError(404, `找不到政策“${id.slice(0, 80)}”`);
  if (!state.current)
    throw new HttpError(
      503,
      `政策“${id.slice(0, 80)}”无法编译，暂不能计算：${state.problem?.message ?? ""}`,
      (state.problem?.diagnostics ?? []).map((d) => ({
        field: `${id}.zc:${d.line}:${d.col}`,
        message: `[${d.code}] ${d.message}`,
      })),
      {},
    );
  return state.current;
}

/** Split a body into the payload under `key` and raw options, or take the body as the payload. */
function envelope(
  body: unknown,
  key: "application" | "applications",
  errors: FieldError[],
): { payload: unknown; raw: Record<string, unknown> } {
  if (!isRecord(body) || !Object.prototype.hasOwnProperty.call(body, key))
    return { payload: body, raw: {} };
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === key) continue;
    if (OPTION_KEYS.includes(k)) raw[k] = v;
    else
      errors.push({
        field: k.slice(0, 80),
        message: `未知的字段“${k.slice(0, 40)}”（可用：${key}、${OPTION_KEYS.join("、")}）`,
      });
  }
  return { payload: body[key], raw };
}

const keyBounds = new WeakMap<object, number>();

/**
 * The longest field name a request to this policy can use, in bytes of JSON text: no key of an
 * application, an envelope or its options is longer than the longest word of the policy's schema
 * and metadata (names, categories, clause labels, option names), and JSON text spends at most 6
 * bytes (\uXXXX) per UTF-16 unit of a key. A longer key is refused before the body is parsed.
 */
function maxKeyBytes(policy: CompiledPolicy): number {
  let bound = keyBounds.get(policy);
  if (bound === undefined) {
    let longest = Math.max(...OPTION_KEYS.map((k) => k.length), "applications".length);
    JSON.stringify([policy.schema, policy.meta], (k, v: unknown) => {
      longest = Math.max(longest, k.length, typeof v === "string" ? v.length : 0);
      return v;
    });
    bound = 6 * longest + 16;
    keyBounds.set(policy, bound);
  }
  return bound;
}

/** Body and query → payload, options and the version to use; 400 on any option problem. */
async function prepare(
  ctx: HandlerContext,
  key: "application" | "applications",
): Promise<{ payload: unknown; options: EvaluateOptions; current: PolicyVersion }> {
  const before = servingVersion(ctx.store, ctx.id); // 404 before reading a body for nothing
  const errors: FieldError[] = [];
  const fromQuery = queryOptions(splitUrl(ctx.req).query, errors);
  const body = await readJson(ctx.req, {
    maxBytes: ctx.config.maxBodyBytes,
    maxDepth: ctx.config.maxDepth,
    maxKeyBytes: maxKeyBytes(before.policy),
  });
  // Take the version once, after the body arrived: the whole request uses this one version.
  const current = servingVersion(ctx.store, ctx.id);
  const { payload, raw } = envelope(body, key, errors);
  const { options, errors: optionErrors } = parseOptions(
    { ...fromQuery, ...raw },
    current.policy,
    ctx.config,
  );
  errors.push(...optionErrors);
  if (errors.length) throw new HttpError(400, `请求参数有误：${errors.length} 处问题`, errors);
  return { payload, options, current };
}

function evaluationBody(ev: Evaluation, explain: boolean): Record<string, unknown> {
  if (!ev.ok) return { ok: false, errors: ev.errors };
  // A clause that could not be computed (a parameter still 待定 …) makes the result incomplete.
  const failed = ev.result.clauses.filter((c) => c.status === "error");
  return {
    ok: true,
    status: failed.length ? "incomplete" : "complete",
    ...(failed.length
      ? { incomplete: failed.map((c) => `${c.clause}：${c.reasons.join("；")}`) }
      : {}),
    result: ev.result,
    ...(explain ? { explanation: resultText(ev.result, true) } : {}),
  };
}

/** Evaluate one application. */
export async function evaluateOne(ctx: HandlerContext): Promise<void> {
  const { payload, options, current } = await prepare(ctx, "application");
  const ev = current.policy.evaluate(payload, options);
  const head = { policy: ctx.id, version: current.version };
  const headers = { "X-Zhengce-Version": current.version };
  if (!ev.ok) {
    sendJson(
      ctx.res,
      422,
      { ...head, ok: false, error: `申报材料有误：${ev.errors.length} 处问题`, errors: ev.errors },
      headers,
    );
    return;
  }
  const body = evaluationBody(ev, options.explain !== false);
  sendJson(
    ctx.res,
    200,
    { ...head, ...body },
    { ...headers, "X-Zhengce-Status": String(body.status) },
  );
}

/** Evaluate a batch in date order with a shared ledger; per-item errors do not fail the batch. */
export async function evaluateMany(ctx: HandlerContext): Promise<void> {
  const { payload, options, current } = await prepare(ctx, "applications");
  if (!Array.isArray(payload))
    throw new HttpError(400, '批量申报应为数组，或 {"applications": [...]}', [
      { field: "applications", message: "批量申报材料应为数组，每项为一份申报材料" },
    ]);
  if (payload.length > ctx.config.maxBatch)
    throw new HttpError(413, `一批最多 ${ctx.config.maxBatch} 份申报，收到 ${payload.length} 份`);
  const { items, ledger } = evaluateBatch(current.policy, payload, options);
  const explain = options.explain !== false;
  const failed = items.filter((i) => !i.evaluation.ok).length;
  sendJson(
    ctx.res,
    200,
    {
      ok: true,
      policy: ctx.id,
      version: current.version,
      count: items.length,
      failed,
      items: items.map((i) => ({ index: i.index, ...evaluationBody(i.evaluation, explain) })),
      ledger,
    },
    { "X-Zhengce-Version": current.version },
  );
}

/** `GET /policies/:id/schema`. */
export function schemaOf(ctx: HandlerContext): void {
  const current = servingVersion(ctx.store, ctx.id);
  sendJson(ctx.res, 200, current.policy.schema, {
    "X-Zhengce-Version": current.version,
    ETag: `"${current.version}"`,
  });
}

/** `GET /policies/:id`: metadata of the serving version and any problem with the latest save. */
export function describe(ctx: HandlerContext): void {
  const state = ctx.store.get(ctx.id);
  const current = servingVersion(ctx.store, ctx.id);
  sendJson(
    ctx.res,
    200,
    {
      id: ctx.id,
      version: current.version,
      form: current.form,
      loadedAt: current.loadedAt,
      meta: current.policy.meta,
      warnings: current.warnings,
      ...(state?.problem ? { problem: problemView(state.problem) } : {}),
    },
    { "X-Zhengce-Version": current.version },
  );
}
