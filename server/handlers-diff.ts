/**
 * `POST /diff`: two posted versions of a policy (`old`, `new`: source text) → what changed (the
 * sampling diff's report) and, unless `prove` is false, the exact proof (Z3): each changed clause
 * and the total proven unchanged, or the regions where amounts differ with witnesses both
 * compiled versions reproduce. Bounded: each solver query and the whole proof have time limits,
 * the latter cutting the query in progress too (Z3's own timeout; what is not reached is said,
 * never taken as proven); one proof at a time (503 while another
 * runs); the solver is loaded on the first proof only, so the service starts as fast as before.
 */
import { diffPrepared, prepare } from "../review/index.js";
import { readJson } from "./body.js";
import { views } from "./compile-job.js";
import type { HandlerContext } from "./handlers-evaluate.js";
import { HttpError, sendJson, type FieldError } from "./respond.js";

/** Longest source accepted per version, in characters. */
export const MAX_SOURCE_CHARS = 200_000;
/** Limits of a proof asked over HTTP: per query, and for the whole proof. */
const QUERY_MS = { default: 2000, max: 4000 } as const;
const TOTAL_MS = { min: 500, max: 10_000 } as const;

const FIELDS = ["old", "new", "prove", "timeoutMs", "totalMs"];

interface Fields {
  readonly old: string;
  readonly new: string;
  readonly prove: boolean;
  readonly timeoutMs: number;
  readonly totalMs: number;
}

let proving = false;

function fields(body: unknown): Fields {
  const errors: FieldError[] = [];
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new HttpError(400, '请求体应为 JSON 对象：{"old": 原版政策文本, "new": 新版政策文本}');
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b))
    if (!FIELDS.includes(k))
      errors.push({
        field: k.slice(0, 80),
        message: `未知的字段“${k.slice(0, 40)}”（可用：${FIELDS.join("、")}）`,
      });
  const text = (k: "old" | "new", what: string) => {
    const v = b[k];
    if (typeof v !== "string") errors.push({ field: k, message: `缺少${what}（字符串）` });
    else if (v.length > MAX_SOURCE_CHARS)
      errors.push({
        field: k,
        message: `${what}过长：${v.length} 个字符，至多 ${MAX_SOURCE_CHARS} 个`,
      });
    return typeof v === "string" ? v : "";
  };
  const old = text("old", "原版政策文本 old");
  const next = text("new", "新版政策文本 new");
  if (b.prove !== undefined && typeof b.prove !== "boolean")
    errors.push({ field: "prove", message: "prove 应为 true 或 false" });
  const t = b.timeoutMs;
  if (
    t !== undefined &&
    (typeof t !== "number" || !Number.isInteger(t) || t < 100 || t > QUERY_MS.max)
  )
    errors.push({
      field: "timeoutMs",
      message: `timeoutMs 应为 100 至 ${QUERY_MS.max} 之间的整数（毫秒，每次求解的时限）`,
    });
  const all = b.totalMs;
  if (
    all !== undefined &&
    (typeof all !== "number" || !Number.isInteger(all) || all < TOTAL_MS.min || all > TOTAL_MS.max)
  )
    errors.push({
      field: "totalMs",
      message: `totalMs 应为 ${TOTAL_MS.min} 至 ${TOTAL_MS.max} 之间的整数（毫秒，整个证明的时限）`,
    });
  if (errors.length) throw new HttpError(400, "请求有误", errors);
  return {
    old,
    new: next,
    prove: b.prove !== false,
    timeoutMs: typeof t === "number" ? t : QUERY_MS.default,
    totalMs: typeof all === "number" ? all : TOTAL_MS.max,
  };
}

/** POST /diff. */
export async function diffVersions(ctx: HandlerContext): Promise<void> {
  const body = await readJson(ctx.req, {
    maxBytes: ctx.config.maxBodyBytes,
    maxDepth: ctx.config.maxDepth,
    maxKeyBytes: 64,
  });
  const f = fields(body);
  if (f.prove && proving)
    throw new HttpError(503, "求解器正在为另一个请求证明，请稍后再试", [], { "Retry-After": "5" });
  const p = prepare(f.old, f.new);
  const broken = (["old", "new"] as const).filter((k) => !p[k].policy);
  if (broken.length)
    throw new HttpError(
      422,
      `${broken.map((k) => (k === "old" ? "原版" : "新版")).join("和")}无法编译，未作比较`,
      broken.flatMap((k) =>
        views(p[k].diagnostics.filter((d) => d.severity === "error")).map((d) => ({
          field: `${k}:${d.line}:${d.col}`,
          message: `[${d.code}] ${d.message}`,
        })),
      ),
    );
  const report = diffPrepared(p);
  if (!f.prove) {
    sendJson(ctx.res, 200, {
      ok: true,
      report,
      proved: false,
      note: "未作证明（prove 为 false）；金额范围由抽样得到",
    });
    return;
  }
  proving = true;
  try {
    const { proveDiff } = await import("../review/node/index.js");
    const proof = await proveDiff(p, {
      timeoutMs: f.timeoutMs,
      regions: 2,
      optimumMs: 1000,
      totalMs: f.totalMs,
    });
    sendJson(ctx.res, 200, { ok: true, report, proved: true, proof });
  } finally {
    proving = false;
  }
}
