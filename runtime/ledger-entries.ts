/**
 * Checking the ledger (台账) a caller passes: each prior award must name its applicant, clause,
 * amount and date in an accepted form, or it is refused field by field. An entry that cannot be
 * read is never skipped, since skipping it would let a per-year or cumulative cap be exceeded.
 * Kept apart from the other options so that a ledger field (e.g. a project) is added in one place.
 */
import { clauseKeyOf, type ClauseKey } from "./clause-keys.js";
import { toPlain } from "./money.js";
import { foldWidth } from "./text-forms.js";
import type { InputError, LedgerEntry, PolicyMeta } from "./types.js";
import { parseDate, parseMoney } from "./validate.js";

/** Fields a ledger entry may carry. */
export const LEDGER_FIELDS = ["applicant", "clause", "amount", "date", "project", "base"] as const;

import { shown } from "./shown.js";

export { shown };

/** Longest applicant name accepted (a company name or a credit code). */
export const APPLICANT_MAX = 200;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An applicant's identity as the ledger compares it: full-width letters, digits and brackets
 * folded, spaces removed, letters upper-cased (credit codes). "上海某公司（嘉定）" and
 * "上海某公司 (嘉定)" are one applicant.
 */
export function normalizeApplicant(s: string): string {
  return foldWidth(s).replace(/\s+/g, "").toUpperCase();
}

/** A project's identity as the ledger compares it: folded like an applicant's name. */
export const normalizeProject = normalizeApplicant;

/** A ledger entry's project (申报项目): non-empty text up to {@link APPLICANT_MAX} characters. */
function checkProject(
  v: unknown,
  label: string,
  f: string,
  errors: InputError[],
): string | undefined {
  const p = typeof v === "string" ? normalizeProject(v) : "";
  if (p && p.length <= APPLICANT_MAX) return p;
  errors.push({
    field: `${f}.project`,
    message: `${label}的申报项目（project）应为非空文字，不超过${APPLICANT_MAX}字：收到 ${shown(v)}`,
  });
  return undefined;
}

/** The accepted forms of a clause reference, for messages. */
const CLAUSE_FORMS = "条款可写作 9、“9”、“第9条” 或子条款 “第3条之一”、“第3条（一）”";

/** A clause reference (9, "9", "第9条", "第９条", "第3条之一") → its key, when the policy has that clause. */
export function clauseNumberOf(v: unknown, meta: PolicyMeta): ClauseKey | undefined {
  return clauseKeyOf(v, meta);
}

/** The error for a clause reference the policy does not have. */
export function clauseError(v: unknown, meta: PolicyMeta, field: string, what: string): InputError {
  const known = meta.clauses.map((c) => c.label).join("、");
  return {
    field,
    message: `${what}：政策中没有条款 ${shown(v)}（可选：${known}；${CLAUSE_FORMS}）`,
  };
}

/** An amount in 元 (JSON number or text such as "60万"), refused when negative or unreadable. */
export function optionMoney(
  label: string,
  v: unknown,
  field: string,
  errors: InputError[],
): string | undefined {
  const p = parseMoney(v);
  if (p.ok) return toPlain(p.value);
  errors.push({
    field,
    message: `${label}${p.message}：收到 ${shown(v)}（应为不小于0的金额，如 600000 或 “60万”）`,
  });
  return undefined;
}

/** A date option: 2024-01-15 or 2024年1月15日. */
export function optionDate(
  label: string,
  v: unknown,
  field: string,
  errors: InputError[],
): string | undefined {
  const d = parseDate(v);
  if (d.ok) return d.value;
  errors.push({
    field,
    message: `${label}${d.message}：收到 ${shown(v)}（应写作 2024-01-15 或 2024年1月15日）`,
  });
  return undefined;
}

function checkEntry(
  e: unknown,
  i: number,
  meta: PolicyMeta,
  errors: InputError[],
): LedgerEntry | undefined {
  const f = `ledger[${i}]`;
  const label = `台账第${i + 1}笔`;
  if (!isRecord(e)) {
    errors.push({
      field: f,
      message: `${label}应为对象，如 {"applicant": "上海某公司", "clause": 9, "amount": "60万", "date": "2024-01-15"}`,
    });
    return undefined;
  }
  const before = errors.length;
  for (const key of Object.keys(e))
    if (!(LEDGER_FIELDS as readonly string[]).includes(key))
      errors.push({
        field: `${f}.${key.slice(0, 40)}`,
        message: `${label}有未知的字段“${key.slice(0, 40)}”（可用：${LEDGER_FIELDS.join("、")}）`,
      });
  const applicant = e.applicant;
  const who = typeof applicant === "string" ? normalizeApplicant(applicant) : "";
  if (!who || who.length > APPLICANT_MAX)
    errors.push({
      field: `${f}.applicant`,
      message: `${label}${applicant === undefined ? "缺少申报主体（applicant）" : `的申报主体（applicant）应为非空文字，不超过${APPLICANT_MAX}字：收到 ${shown(applicant)}`}`,
    });
  const clause = clauseNumberOf(e.clause, meta);
  if (clause === undefined)
    errors.push(
      e.clause === undefined
        ? { field: `${f}.clause`, message: `${label}缺少条款（clause）` }
        : clauseError(e.clause, meta, `${f}.clause`, `${label}的条款`),
    );
  const amount =
    e.amount === undefined
      ? void errors.push({ field: `${f}.amount`, message: `${label}缺少金额（amount）` })
      : optionMoney(`${label}的金额`, e.amount, `${f}.amount`, errors);
  const date =
    e.date === undefined
      ? void errors.push({ field: `${f}.date`, message: `${label}缺少日期（date）` })
      : optionDate(`${label}的日期`, e.date, `${f}.date`, errors);
  const project = e.project === undefined ? undefined : checkProject(e.project, label, f, errors);
  const base =
    e.base === undefined ? undefined : optionMoney(`${label}的基数`, e.base, `${f}.base`, errors);
  if (errors.length > before || clause === undefined || amount === undefined || !date)
    return undefined;
  return {
    applicant: who,
    clause,
    amount,
    date,
    ...(project ? { project } : {}),
    ...(base !== undefined ? { base } : {}),
  };
}

/** Ledgers already checked (or built by the runtime itself, as a batch does): not checked again. */
const CHECKED = new WeakSet<readonly LedgerEntry[]>();

/** Mark a ledger the runtime built from checked entries. */
export function trustLedger<T extends readonly LedgerEntry[]>(ledger: T): T {
  CHECKED.add(ledger);
  return ledger;
}

/**
 * Check a ledger against a policy: the entries normalised (clause numbers, amounts in 元, ISO
 * dates, applicant identities), or undefined with one error per problem pushed to `errors`.
 */
export function checkLedger(
  v: unknown,
  meta: PolicyMeta,
  errors: InputError[],
  maxEntries = Infinity,
): readonly LedgerEntry[] | undefined {
  if (Array.isArray(v) && CHECKED.has(v)) return v as readonly LedgerEntry[];
  if (!Array.isArray(v)) {
    errors.push({ field: "ledger", message: "台账（ledger）应为数组，每项为一笔已获资助" });
    return undefined;
  }
  if (v.length > maxEntries) {
    errors.push({ field: "ledger", message: `台账最多 ${maxEntries} 笔，收到 ${v.length} 笔` });
    return undefined;
  }
  const before = errors.length;
  const out: LedgerEntry[] = [];
  for (let i = 0; i < v.length; i++) {
    const entry = checkEntry(v[i], i, meta, errors);
    if (entry) out.push(entry);
    if (errors.length - before >= 200) break; // bounded report on a huge bad ledger
  }
  return errors.length === before ? trustLedger(out) : undefined;
}
