/**
 * Evaluation options arriving with a request (query string or JSON envelope): the date, whether to
 * explain, the applicant, prior awards (台账), approved amounts (核定) and parameter values. Each is
 * checked here, field by field, because the runtime trusts the options a developer passes it.
 */
import { toPlain, type Dec } from "../runtime/money.js";
import type { CompiledPolicy, EvaluateOptions, LedgerEntry } from "../runtime/types.js";
import { parseDate, parseValue } from "../runtime/validate.js";
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

const shown = (v: unknown): string => {
  const s = typeof v === "string" ? `“${v}”` : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

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

function money(label: string, v: unknown, field: string, errors: FieldError[]): string | undefined {
  const p = parseValue({ name: label, type: "money", required: true }, v);
  if (p.ok) return toPlain(p.value as Dec);
  errors.push({ field, message: p.message });
  return undefined;
}

function date(label: string, v: unknown, field: string, errors: FieldError[]): string | undefined {
  const d = parseDate(v);
  if (d.ok) return d.value;
  errors.push({
    field,
    message: `${label}${d.message}：收到 ${shown(v)}（应为 2022-03-01 或 2022年3月1日）`,
  });
  return undefined;
}

function clauseNumber(
  v: unknown,
  policy: CompiledPolicy,
  field: string,
  errors: FieldError[],
): number | undefined {
  const m = typeof v === "string" ? /^(?:第)?(\d{1,4})(?:条)?$/.exec(v.trim()) : null;
  const n = typeof v === "number" ? v : m ? Number(m[1]) : NaN;
  if (policy.meta.clauses.some((c) => c.number === n)) return n;
  const known = policy.meta.clauses.map((c) => c.label).join("、");
  errors.push({ field, message: `政策中没有条款 ${shown(v)}（可选：${known}）` });
  return undefined;
}

function ledgerOf(
  v: unknown,
  policy: CompiledPolicy,
  limits: OptionLimits,
  errors: FieldError[],
): LedgerEntry[] | undefined {
  if (!Array.isArray(v)) {
    errors.push({ field: "ledger", message: "台账（ledger）应为数组，每项为一笔已获资助" });
    return undefined;
  }
  if (v.length > limits.maxLedger) {
    errors.push({
      field: "ledger",
      message: `台账最多 ${limits.maxLedger} 笔，收到 ${v.length} 笔`,
    });
    return undefined;
  }
  const out: LedgerEntry[] = [];
  const before = errors.length;
  v.forEach((e, i) => {
    const f = `ledger[${i}]`;
    const label = `台账第${i + 1}笔`;
    if (!isRecord(e)) {
      errors.push({ field: f, message: `${label}应为对象：{applicant, clause, amount, date}` });
      return;
    }
    for (const key of Object.keys(e))
      if (!["applicant", "clause", "amount", "date", "project"].includes(key))
        errors.push({ field: `${f}.${key}`, message: `${label}有未知的字段“${key.slice(0, 40)}”` });
    const applicant = e.applicant;
    if (typeof applicant !== "string" || !applicant || applicant.length > 200)
      errors.push({
        field: `${f}.applicant`,
        message: `${label}的申报主体（applicant）应为非空文字`,
      });
    const clause = clauseNumber(e.clause, policy, `${f}.clause`, errors);
    const amount = money(`${label}的金额`, e.amount, `${f}.amount`, errors);
    const when = date(`${label}的日期`, e.date, `${f}.date`, errors);
    const project = e.project;
    if (project !== undefined && typeof project !== "string")
      errors.push({ field: `${f}.project`, message: `${label}的项目（project）应为文字` });
    if (typeof applicant === "string" && clause !== undefined && amount !== undefined && when)
      out.push({
        applicant,
        clause,
        amount,
        date: when,
        ...(typeof project === "string" ? { project } : {}),
      });
  });
  return errors.length === before ? out : undefined;
}

function approvedOf(
  v: unknown,
  policy: CompiledPolicy,
  errors: FieldError[],
): Record<number, string> | undefined {
  if (!isRecord(v)) {
    errors.push({
      field: "approved",
      message: '核定金额（approved）应为对象，如 {"第10条": "80万"}',
    });
    return undefined;
  }
  const out: Record<number, string> = {};
  for (const [key, value] of Object.entries(v)) {
    const n = clauseNumber(key, policy, `approved.${key.slice(0, 40)}`, errors);
    const amount = money(
      `${key.slice(0, 40)}的核定金额`,
      value,
      `approved.${key.slice(0, 40)}`,
      errors,
    );
    if (n !== undefined && amount !== undefined) out[n] = amount;
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
  if (raw.date !== undefined) o.date = date("日期（date）", raw.date, "date", errors);
  if (raw.explain !== undefined) {
    if (typeof raw.explain === "boolean") o.explain = raw.explain;
    else
      errors.push({
        field: "explain",
        message: `explain 应为 true 或 false：收到 ${shown(raw.explain)}`,
      });
  }
  if (raw.applicant !== undefined) {
    if (typeof raw.applicant === "string" && raw.applicant && raw.applicant.length <= 200)
      o.applicant = raw.applicant;
    else
      errors.push({
        field: "applicant",
        message: "申报主体（applicant）应为非空文字，不超过200字",
      });
  }
  if (raw.ledger !== undefined) o.ledger = ledgerOf(raw.ledger, policy, limits, errors);
  if (raw.approved !== undefined) o.approved = approvedOf(raw.approved, policy, errors);
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
