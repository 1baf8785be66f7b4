/**
 * Checking the evaluation options (date, applicant, ledger, approved amounts, parameters) with the
 * same field-by-field Chinese messages as an application. The module API, the CLI and the service
 * all pass through here, so an option that cannot be read is refused, never quietly ignored.
 */
import { editDistance } from "./edit-distance.js";
import {
  APPLICANT_MAX,
  checkLedger,
  clauseError,
  clauseNumberOf,
  normalizeApplicant,
  optionDate,
  shown,
} from "./ledger-entries.js";
import { toPlain } from "./money.js";
import type { ClauseKey, EvaluateOptions, InputError, LedgerEntry, PolicyMeta } from "./types.js";
import { parseMoney } from "./validate.js";

/** The option names `evaluate` accepts. */
export const OPTION_NAMES = [
  "date",
  "ledger",
  "approved",
  "params",
  "explain",
  "applicant",
  "quotaUsed",
  "today",
] as const;

/** Options after checking: normalised values, ready for the evaluator. */
export interface CheckedOptions {
  readonly date: string | undefined;
  readonly today: string | undefined;
  readonly applicant: string | undefined;
  readonly ledger: readonly LedgerEntry[];
  readonly approved: Readonly<Record<ClauseKey, string>>;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly explain: boolean;
  readonly quotaUsed: Readonly<Record<ClauseKey, number>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const NO_LEDGER: readonly LedgerEntry[] = Object.freeze([]);
const NO_APPROVED: Readonly<Record<ClauseKey, string>> = Object.freeze({});
const NO_QUOTA: Readonly<Record<ClauseKey, number>> = Object.freeze({});

/** An applicant name: non-empty text up to {@link APPLICANT_MAX} characters, normalised. */
export function checkApplicant(
  v: unknown,
  field: string,
  errors: InputError[],
): string | undefined {
  const who = typeof v === "string" ? normalizeApplicant(v) : "";
  if (who && who.length <= APPLICANT_MAX) return who;
  errors.push({
    field,
    message: `申报主体（applicant）应为非空文字，不超过${APPLICANT_MAX}字：收到 ${shown(v)}`,
  });
  return undefined;
}

/** Approved (核定) amounts by clause: keys 10, "10" or "第10条"; amounts ≥ 0 in 元. */
export function checkApproved(
  v: unknown,
  meta: PolicyMeta,
  errors: InputError[],
): Readonly<Record<ClauseKey, string>> | undefined {
  if (!isRecord(v)) {
    errors.push({
      field: "approved",
      message: `核定金额（approved）应为对象，如 {"第10条": "80万"}：收到 ${shown(v)}`,
    });
    return undefined;
  }
  const before = errors.length;
  const out: Record<ClauseKey, string> = {};
  for (const [key, value] of Object.entries(v)) {
    const field = `approved.${key.slice(0, 40)}`;
    const n = clauseNumberOf(key, meta);
    if (n === undefined) {
      errors.push(clauseError(key, meta, field, "核定金额"));
      continue;
    }
    const clause = meta.clauses.find((c) => c.number === n)!;
    const label = clause.label;
    if (clause.noMoney) {
      const money = meta.clauses.filter((c) => !c.noMoney).map((c) => c.label);
      errors.push({
        field,
        message: `${label}（${clause.title}）只给予非资金支持，没有可核定的金额：收到 ${shown(value)}（可核定的条款：${money.join("、") || "无"}）`,
      });
      continue;
    }
    if (String(n) in out) {
      errors.push({ field, message: `${label}的核定金额重复给出` });
      continue;
    }
    const p = parseMoney(value, true);
    if (p.ok) out[n] = toPlain(p.value);
    else
      errors.push({
        field,
        message: `${label}的核定金额${p.message}：收到 ${shown(value)}（应为不小于0的金额，如 800000 或 “80万”）`,
      });
    if (errors.length - before >= 200) break;
  }
  return errors.length === before ? out : undefined;
}

function unknownOption(key: string): InputError {
  const near = OPTION_NAMES.find((n) => editDistance(n, key, 2) <= 2);
  return {
    field: key.slice(0, 40),
    message: `未知的选项“${key.slice(0, 40)}”${near ? `，是否指“${near}”？` : ""}（可用：${OPTION_NAMES.join("、")}）`,
  };
}

/** Check options against a policy; errors are pushed, one per problem, naming the option's field. */
export function checkOptions(
  options: EvaluateOptions,
  meta: PolicyMeta,
  errors: InputError[],
): CheckedOptions {
  const o = options as Record<string, unknown>;
  let date: string | undefined;
  let today: string | undefined;
  let applicant: string | undefined;
  let ledger = NO_LEDGER;
  let approved = NO_APPROVED;
  let params: Readonly<Record<string, unknown>> | undefined;
  let explain = true;
  for (const key in o) {
    if (!Object.hasOwn(o, key)) continue;
    const v = o[key];
    if (v === undefined) continue;
    switch (key) {
      case "date":
        date = optionDate("日期（date）", v, "date", errors);
        break;
      case "today":
        today = optionDate("今天（today）", v, "today", errors);
        break;
      case "applicant":
        applicant = checkApplicant(v, "applicant", errors);
        break;
      case "ledger":
        ledger = checkLedger(v, meta, errors) ?? NO_LEDGER;
        break;
      case "approved":
        approved = checkApproved(v, meta, errors) ?? NO_APPROVED;
        break;
      case "params":
        if (isRecord(v)) params = v;
        else
          errors.push({
            field: "params",
            message: `参数（params）应为对象，如 {"服务企业数量要求": 10}：收到 ${shown(v)}`,
          });
        break;
      case "explain":
        if (typeof v === "boolean") explain = v;
        else
          errors.push({
            field: "explain",
            message: `explain 应为 true 或 false：收到 ${shown(v)}`,
          });
        break;
      case "quotaUsed":
        break;
      default:
        errors.push(unknownOption(key));
    }
  }
  // One object shape for every call (absent options are undefined): the evaluator's hot path.
  return {
    date,
    today,
    applicant,
    ledger,
    approved,
    params,
    explain,
    quotaUsed: options.quotaUsed ?? NO_QUOTA,
  };
}
