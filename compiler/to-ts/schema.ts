/**
 * The application's JSON Schema and the policy's metadata, both derived from the declarations.
 */
import { RESERVED_FIELDS } from "../../runtime/validate.js";
import type { InputMeta, PolicyMeta } from "../../runtime/types.js";
import type { Expr } from "../../grammar/ast.js";
import type { Checked } from "../check/check-policy.js";
import { metaType, tyName, type Ty } from "../check/types.js";
import { exprToJson } from "../cases.js";

const MONEY_PATTERN = "^-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?\\s*(亿|万)?\\s*元?$";
const DATE_PATTERN = "^\\d{4}(-\\d{1,2}-\\d{1,2}|年\\d{1,2}月\\d{1,2}日)$";

/** Whether an application must carry this input: no default, and not an itemised amount (empty by default). */
export function isRequired(s: Checked["inputs"][number]): boolean {
  return !s.decl.default && s.ty.k !== "moneyBy" && s.ty.k !== "moneyByYear";
}

/** JSON Schema fragment for one value of a checker type. */
function schemaOf(t: Ty, description?: string): Record<string, unknown> {
  const d = description ? { description } : {};
  switch (t.k) {
    case "money":
      return {
        ...d,
        anyOf: [
          { type: "number", minimum: 0 },
          { type: "string", pattern: MONEY_PATTERN },
        ],
        "x-zhengce-type": "金额（元）",
      };
    case "ratio":
      return {
        ...d,
        anyOf: [
          { type: "number", minimum: 0 },
          { type: "string", pattern: "^\\d+(\\.\\d+)?%?$" },
        ],
        "x-zhengce-type": "比例",
      };
    case "count":
      return {
        ...d,
        anyOf: [{ type: "number", minimum: 0 }, { type: "string" }],
        "x-zhengce-type": tyName(t),
      };
    case "date":
      return { ...d, type: "string", pattern: DATE_PATTERN, "x-zhengce-type": "日期" };
    case "bool":
      return {
        ...d,
        anyOf: [{ type: "boolean" }, { enum: ["是", "否"] }],
        "x-zhengce-type": "是否",
      };
    case "enum":
      return { ...d, enum: [...t.values], "x-zhengce-type": "类别" };
    case "moneyBy":
      return {
        ...d,
        type: "object",
        propertyNames: { enum: [...t.values] },
        additionalProperties: schemaOf({ k: "money" }),
        "x-zhengce-type": `金额明细（按${t.category}）`,
      };
    case "moneyByYear":
      return {
        ...d,
        type: "object",
        propertyNames: { pattern: "^\\d{4}$" },
        additionalProperties: schemaOf({ k: "money" }),
      };
    default:
      return { ...d, type: "string" };
  }
}

/** The JSON Schema (draft 2020-12) of an application to this policy. */
export function applicationSchema(checked: Checked): Record<string, unknown> {
  // Input names are data: `__proto__` or `constructor` must become own properties like any other.
  const properties: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const put = (name: string, value: unknown) =>
    Object.defineProperty(properties, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const required: string[] = [];
  for (const s of checked.inputs) {
    put(s.name, schemaOf(s.ty, s.decl.description));
    if (isRequired(s)) required.push(s.name);
  }
  for (const r of RESERVED_FIELDS)
    put(r.name, schemaOf(r.type === "date" ? { k: "date" } : { k: "text" }, r.description));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `${checked.policy.header?.title ?? "政策"} 申报材料`,
    type: "object",
    properties,
    required,
    additionalProperties: false,
  };
}

/** Input metadata for forms, validation and documents. */
export function inputMeta(
  name: string,
  t: Ty,
  required: boolean,
  def: Expr | undefined,
  description?: string,
): InputMeta {
  return {
    name,
    type: metaType(t),
    ...(t.k === "count" && t.unit ? { unit: t.unit } : {}),
    ...(t.k === "enum" || t.k === "moneyBy" ? { values: [...t.values] } : {}),
    required,
    ...(def !== undefined && exprToJson(def) !== undefined ? { default: exprToJson(def) } : {}),
    ...(description ? { description } : {}),
  };
}

/** The policy's metadata. */
export function policyMeta(checked: Checked): PolicyMeta {
  const h = checked.policy.header;
  return {
    title: h?.title ?? "",
    ...(h?.docNo ? { docNo: h.docNo } : {}),
    ...(h?.validFrom ? { validFrom: h.validFrom } : {}),
    ...(h?.validTo ? { validTo: h.validTo } : {}),
    ...(h?.validFor ? { validFor: h.validFor.name } : {}),
    inputs: checked.inputs.map((s) =>
      inputMeta(s.name, s.ty, isRequired(s), s.decl.default, s.decl.description),
    ),
    params: checked.params.map((s) => ({
      name: s.name,
      type: metaType(s.ty),
      set: !!s.decl.value,
    })),
    clauses: checked.clauses.map((c) => ({
      number: c.number,
      label: c.label,
      title: c.title,
      ...(c.items.some((i) => i.kind === "Award") ? {} : { noMoney: true as const }),
    })),
  };
}
