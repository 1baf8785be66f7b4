/**
 * What the form holds (text as typed, toggles, rows) and how it becomes an application for the
 * evaluator. Problems the page can see itself (an amount that is not an amount) are reported per
 * field; everything else is left to the evaluator's own input validation.
 */
import type { InputMeta } from "../../../runtime/types.js";
import { moneyLiteral, parseMoneyInput, shiftDecimal } from "../money.js";

/** A field's value as the form holds it. */
export type FieldValue = string | boolean | Readonly<Record<string, string>>;

/** The whole form: the application date and one value per input name. */
export interface FormState {
  readonly date: string;
  readonly values: Readonly<Record<string, FieldValue>>;
}

/** One problem found in the form, naming the field. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

function money(field: string, raw: string, errors: FieldError[]): string | undefined {
  const r = parseMoneyInput(raw);
  if ("yuan" in r) return r.yuan;
  errors.push({ field, message: r.error });
  return undefined;
}

function convert(input: InputMeta, v: FieldValue, errors: FieldError[]): unknown {
  const { name, type } = input;
  if (type === "bool") return v === true;
  if (typeof v === "object") {
    const out: Record<string, string> = {};
    for (const [k, raw] of Object.entries(v)) {
      if (!raw.trim()) continue;
      const yuan = money(`${name}（${k}）`, raw, errors);
      if (yuan !== undefined) out[k] = yuan;
    }
    return out;
  }
  const raw = String(v).trim();
  switch (type) {
    case "money":
      return money(name, raw, errors);
    case "ratio": {
      const m = /^(-?[\d.]+)\s*[%％]?$/.exec(raw);
      const value = m ? shiftDecimal(m[1]!, -2) : null;
      if (value === null) errors.push({ field: name, message: `“${raw}”不是比例，请写成 30% 这样的形式` });
      return value ?? undefined;
    }
    case "count": {
      const m = /^(\d+(?:\.\d+)?)\s*\D*$/.exec(raw);
      if (!m) errors.push({ field: name, message: `“${raw}”不是数量` });
      return m ? Number(m[1]) : undefined;
    }
    default:
      return raw;
  }
}

/** The application for the evaluator, and the problems the form itself can see. */
export function toApplication(
  inputs: readonly InputMeta[],
  state: FormState,
): { application: Record<string, unknown>; errors: FieldError[] } {
  const application: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const input of inputs) {
    const v = state.values[input.name];
    if (v === undefined || v === "") continue;
    const value = convert(input, v, errors);
    if (value !== undefined) application[input.name] = value;
  }
  return { application, errors };
}

/** The form value for a value written in a case (its source text for figures). */
export function fromCaseValue(input: InputMeta, text: string, value: unknown): FieldValue {
  if (input.type === "bool") return value === true;
  if (input.type === "date" || input.type === "enum") return String(value);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, moneyLiteral(String(x))]));
  }
  return text;
}

const zhDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
};

/** A value of the form written as a literal of the language, for a new case. */
export function caseLiteral(input: InputMeta, v: FieldValue, converted: unknown): string | null {
  if (input.type === "bool") return v === true ? "是" : "否";
  if (converted === undefined) return null;
  switch (input.type) {
    case "money":
      return moneyLiteral(String(converted));
    case "ratio":
      return `${shiftDecimal(String(converted), 2)}%`;
    case "date":
      return zhDate(String(converted));
    case "text":
      return `“${String(converted).replace(/[“”]/g, "")}”`;
    case "count":
      return input.unit ? `${String(converted)}${input.unit}` : String(converted);
    default:
      return typeof converted === "object" ? null : String(converted);
  }
}

/** The Chinese date of an ISO date, as the language writes it (2022年3月1日). */
export { zhDate };
