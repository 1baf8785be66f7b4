/**
 * Evaluation options arriving with a request (query string or JSON envelope): the date, whether to
 * explain, the applicant, prior awards (台账), approved amounts (核定) and parameter values. Each is
 * checked here with the runtime's own checks (runtime/options.ts), so that a bad option is a 400
 * naming its field before any application is evaluated.
 */
import {
  checkApplicant,
  checkApproved,
  checkLedger,
  optionDate,
  shown,
  type CompiledPolicy,
  type EvaluateOptions,
} from "../runtime/index.js";
import type { FieldError } from "./respond.js";

export interface OptionLimits {
  /** Most prior awards accepted in one request. */
  readonly maxLedger: number;
}

/** Envelope keys besides the application(s) themselves. */
export const OPTION_KEYS = ["date", "explain", "applicant", "ledger", "approved", "params"];
const QUERY_KEYS = ["date", "explain", "applicant"];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Options given in the query string, as raw values (`explain=否` etc.). */
export function queryOptions(
  query: URLSearchParams,
  errors: FieldError[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of query) {
    if (!QUERY_KEYS.includes(key)) {
      errors.push({
        field: key,
        message: `未知的查询参数“${key.slice(0, 40)}”（可用：${QUERY_KEYS.join("、")}）`,
      });
      continue;
    }
    if (key in out) {
      errors.push({ field: key, message: `查询参数“${key}”重复出现` });
      continue;
    }
    if (key === "explain") {
      const v = value.trim().toLowerCase();
      if (["true", "1", "是", ""].includes(v)) out.explain = true;
      else if (["false", "0", "否"].includes(v)) out.explain = false;
      else
        errors.push({
          field: key,
          message: `explain 应为 true 或 false（是/否）：收到“${value.slice(0, 40)}”`,
        });
    } else out[key] = value;
  }
  return out;
}

/** Check raw option values against a policy; returns the options or one error per problem. */
export function parseOptions(
  raw: Record<string, unknown>,
  policy: CompiledPolicy,
  limits: OptionLimits,
): { options: EvaluateOptions; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const o: {
    -readonly [K in keyof EvaluateOptions]: EvaluateOptions[K];
  } = {};
  if (raw.date !== undefined) o.date = optionDate("日期（date）", raw.date, "date", errors);
  if (raw.explain !== undefined) {
    if (typeof raw.explain === "boolean") o.explain = raw.explain;
    else
      errors.push({
        field: "explain",
        message: `explain 应为 true 或 false：收到 ${shown(raw.explain)}`,
      });
  }
  if (raw.applicant !== undefined) o.applicant = checkApplicant(raw.applicant, "applicant", errors);
  if (raw.ledger !== undefined)
    o.ledger = checkLedger(raw.ledger, policy.meta, errors, limits.maxLedger);
  if (raw.approved !== undefined) o.approved = checkApproved(raw.approved, policy.meta, errors);
  if (raw.params !== undefined) {
    if (!isRecord(raw.params))
      errors.push({
        field: "params",
        message: '参数（params）应为对象，如 {"服务企业数量要求": 10}',
      });
    else {
      // The runtime checks parameter values; a probe run reports them once, not once per application.
      const probe = policy.evaluate({}, { params: raw.params, explain: false });
      if (!probe.ok)
        for (const e of probe.errors)
          if (e.field.startsWith("参数."))
            errors.push({ field: `params.${e.field.slice(3)}`, message: e.message });
      o.params = raw.params;
    }
  }
  return { options: o, errors };
}
