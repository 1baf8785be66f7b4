/**
 * What the form holds (text as typed, toggles, rows) and how it becomes an application for the
 * evaluator. Figures go to the evaluator as typed ("200万", "30%"): the runtime's own input
 * validation decides what is accepted and names the field of each problem, so the playground
 * accepts exactly what the CLI and services accept.
 */
import type { InputMeta } from "../../../runtime/index.js";
import type { CaseContext } from "../protocol.js";
import { moneyLiteral, parseMoneyInput, shiftDecimal } from "../money.js";

/** A field's value as the form holds it. */
export type FieldValue = string | boolean | Readonly<Record<string, string>>;

/** The whole form: the application date, one value per input name, and a loaded case's context. */
export interface FormState {
  readonly date: string;
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Ledger, approvals and parameters of the case last loaded, until the drafter clears them. */
  readonly context?: { readonly title: string; readonly options: CaseContext };
}

/** One problem found in the form, naming the field. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

function convert(input: InputMeta, v: FieldValue): unknown {
  if (input.type === "bool") return v === true;
  if (typeof v === "object") {
    const rows = Object.entries(v).filter(([, raw]) => raw.trim() !== "");
    return Object.fromEntries(rows.map(([k, raw]) => [k, raw.trim()]));
  }
  return String(v).trim();
}

/** The application for the evaluator: every filled-in field, figures as typed. */
export function toApplication(
  inputs: readonly InputMeta[],
  state: FormState,
): Record<string, unknown> {
  const application: Record<string, unknown> = {};
  for (const input of inputs) {
    const v = state.values[input.name];
    // A toggle always has a value: untouched, it shows (and means) its default, else 否.
    if (input.type === "bool")
      application[input.name] = v === undefined ? input.default === true : v === true;
    else if (v !== undefined && v !== "") application[input.name] = convert(input, v);
  }
  return application;
}

/** Values the drafter gave to parameters the policy leaves unset (待定), for trying them out. */
export function toParams(params: readonly InputMeta[], state: FormState): Record<string, unknown> {
  return toApplication(params, state);
}

/** The form value for a value of a case's application (JSON as the evaluator receives it). */
export function fromCaseValue(input: InputMeta, value: unknown): FieldValue {
  if (input.type === "bool") return value === true || value === "是" || value === "true";
  if (value && typeof value === "object") {
    const rows = Object.entries(value as Record<string, unknown>);
    return Object.fromEntries(rows.map(([k, x]) => [k, moneyText(String(x))]));
  }
  const text = String(value ?? "");
  return input.type === "money" ? moneyText(text) : text;
}

/** An amount from a case as a drafter would type it (500万 rather than 5000000). */
function moneyText(text: string): string {
  return /^\d+(\.\d+)?$/.test(text) ? moneyLiteral(text) : text;
}

const zhDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
};

/** A value of the form written as a literal of the language, for a new case; null if unusable. */
export function caseLiteral(input: InputMeta, v: FieldValue): string | null {
  if (input.type === "bool") return v === true ? "是" : "否";
  if (typeof v === "object") {
    const rows: string[] = [];
    for (const [k, raw] of Object.entries(v)) {
      const m = parseMoneyInput(raw);
      if (raw.trim() && "yuan" in m) rows.push(`${k} ${moneyLiteral(m.yuan)}`);
    }
    return rows.length ? rows.join("、") : null;
  }
  const raw = String(v).trim();
  switch (input.type) {
    case "money": {
      const m = parseMoneyInput(raw);
      return "yuan" in m ? moneyLiteral(m.yuan) : null;
    }
    case "ratio": {
      const m = /^(\d+(?:\.\d+)?)\s*([%％]?)$/.exec(raw);
      if (!m) return null;
      return m[2] ? `${m[1]}%` : `${shiftDecimal(m[1]!, 2)}%`;
    }
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? zhDate(raw) : null;
    case "text":
      return `“${raw.replace(/[“”"\n]/g, "")}”`;
    case "count": {
      const m = /^(\d+(?:\.\d+)?)/.exec(raw);
      return m ? (input.unit ? `${m[1]}${input.unit}` : m[1]!) : null;
    }
    default:
      return raw || null;
  }
}

/** The Chinese date of an ISO date, as the language writes it (2022年3月1日). */
export { zhDate };
