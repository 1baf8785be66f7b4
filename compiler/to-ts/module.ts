/**
 * checked policy → a TypeScript module (for developers) or a factory script (for the playground
 * and the CLI). Both come from the same generator; the script only drops the type annotations
 * and the import/export wrapper.
 */
import { itemsOf, type ClauseItem, type Rounding } from "../../grammar/ast.js";
import type { Checked } from "../check/check-policy.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import { emitChecks, emitClause } from "./clause-to-js.js";
import { policyLimitsJs } from "./limits-to-js.js";
import { comment, Hoister, json, lit, Writer } from "./emit.js";
import { clauseFunctionName } from "./clause-ident.js";
import { ExprGen, tsType } from "./expr-to-js.js";
import { policyPayers } from "../payers.js";
import { fastPath } from "./fast-clause.js";
import { applicationSchema, inputMeta, isRequired, policyMeta } from "./schema.js";

const DEFAULT_ROUNDING: Rounding = { unit: "fen", mode: "halfUp" };

/** The three shapes of the same evaluator. */
export type ModuleForm = "ts" | "esm" | "factory";

/**
 * Generate the evaluator: a TypeScript module, a plain ES module, or the factory script that
 * `loadPolicy` runs (the same code with neither types nor import/export).
 */
export function toModule(
  checked: Checked,
  form: ModuleForm,
  runtimeImport = "zhengce/runtime",
  tableFrom?: number,
): string {
  const ts = form === "ts";
  const h = new Hoister();
  const g = new ExprGen(checked, h, ts, tableFrom);
  const policy = checked.policy;
  const header = policy.header;
  const rounding = header?.rounding ?? DEFAULT_ROUNDING;
  const body = new Writer();

  // 支持对象
  body.open(
    `function eligibility(ctx${ts ? ": rt.Ctx" : ""}, c${ts ? ": rt.ClauseRun" : ""})${ts ? ": void" : ""}`,
  );
  body.line("const v = ctx.v;").line("const p = ctx.p;").line("const x = null;");
  for (const i of [...checked.eligibilityParams].sort((a, b) => a - b)) {
    body.line(
      `if (p[${i}] === undefined) return c.fail(${h.str(`参数“${checked.params[i]!.name}”尚未设定（待定）`)});`,
    );
  }
  const elig = itemsOf(policy, "Eligibility").flatMap((e) => e.items);
  emitChecks(g, body, elig, "不符合支持对象：", "c");
  body.line("void v, void p, void x;");
  body.close();

  const clauseFns = checked.clauses.map((c) => emitClause(g, c, rounding));
  const stacking = itemsOf(policy, "Stacking").flatMap((s) => s.items);
  const deduct = stacking.find((i) => i.kind === "Deduct");
  const highestOnly = stacking.some((i) => i.kind === "HighestOnly");

  const inputs = checked.inputs.map((s) =>
    inputMeta(s.name, s.ty, isRequired(s), s.decl.default, s.decl.description),
  );
  // An itemised amount that is not given is empty, not missing.
  const defaults = checked.inputs.map((s) =>
    s.decl.default
      ? g.expr(s.decl.default)
      : s.ty.k === "moneyBy" || s.ty.k === "moneyByYear"
        ? "{}"
        : "undefined",
  );
  const params = checked.params.map((s) => {
    const byDate = [...(s.decl.byDate ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
    const dated = byDate.length
      ? `, byDate: [${byDate.map((d) => `{ from: ${lit(d.from)}, value: ${g.expr(d.value)} }`).join(", ")}]`
      : "";
    return `{ meta: ${json(inputMeta(s.name, s.ty, false, undefined, s.decl.description))}, value: ${s.decl.value ? g.expr(s.decl.value) : "undefined"}${dated} }`;
  });
  const plan = new Writer();
  plan.open(`const plan${ts ? ": rt.Plan" : ""} =`);
  plan.line(`meta: ${json(policyMeta(checked))},`);
  plan.line(`inputs: ${json(inputs)},`);
  plan.line(`defaults: [${defaults.join(", ")}],`);
  plan.line(`params: [${params.join(", ")}],`);
  if (header?.validFrom) plan.line(`validFrom: ${lit(header.validFrom)},`);
  if (header?.validTo) plan.line(`validTo: ${lit(header.validTo)},`);
  const validFor = header?.validFor?.name;
  const validForIndex = checked.inputs.findIndex((s) => s.name === validFor);
  if (validFor && validForIndex >= 0)
    plan.line(`validFor: { input: ${validForIndex}, name: ${lit(validFor)} },`);
  if (header?.repeal) plan.line(`repeal: ${json(header.repeal)},`);
  if (header?.window) plan.line(`window: ${json(header.window)},`);
  plan.line("eligibility,");
  if (checked.order) plan.line(`order: [${checked.order.join(", ")}],`);
  const payers = policyPayers(policy);
  if (payers.length) plan.line(`payers: ${json(payers)},`);
  plan.line(`clauses: [${checked.clauses.map((c) => clauseFunctionName(c.number)).join(", ")}],`);
  plan.open("stacking:");
  plan.line(`highestOnly: ${highestOnly},`);
  if (deduct && deduct.kind === "Deduct") {
    const ctxT = ts ? ": rt.Ctx" : "";
    plan.line(
      `deduct: (ctx${ctxT}) => { const v = ctx.v; const p = ctx.p; const x = null; void p, void x; return ${g.expr(deduct.value)}; },`,
    );
    plan.line(`deductText: ${lit(exprToText(deduct.value))},`);
  }
  const limits = policyLimitsJs(g, stacking);
  if (limits) plan.line(`limits: ${limits},`);
  plan.close("},");
  const fast = fastPath(checked, ts, rounding, tableFrom);
  if (fast) plan.line(`fast: ${fast.entry},`);
  plan.close("};");

  const schema = json(applicationSchema(checked), 2);
  const out: string[] = [];
  out.push(comment(`由 zhengce 生成，请勿手工修改。 Generated by zhengce; do not edit.`));
  out.push(comment(`${header?.title ?? ""}${header?.docNo ? `（${header.docNo}）` : ""}`));
  if (ts) {
    out.push("/* eslint-disable */");
    out.push(`import { rt } from ${lit(runtimeImport)};`);
    out.push(
      `import type { ClauseResult, CompiledPolicy, EvaluateOptions, Evaluation } from ${lit(runtimeImport)};`,
    );
    out.push("");
    out.push(applicationInterface(checked));
    if (payers.length) {
      out.push("");
      out.push("/** 资金来源: the keys of `result.byPayer`. */");
      out.push(`export type Payer = ${payers.map((p) => lit(p)).join(" | ")};`);
    }
    out.push("");
    out.push(
      `/** JSON Schema of an application. */\nexport const schema: Record<string, unknown> = ${schema};`,
    );
  } else {
    if (form === "esm") out.push(`import { rt } from ${lit(runtimeImport)};`);
    out.push(`const schema = ${schema};`);
  }
  out.push(
    "",
    ...h.lines,
    "",
    ...g.helpers,
    "",
    body.toString(),
    "",
    ...clauseFns,
    "",
    ...(fast
      ? [
          comment("快速路径：整数分精确计算（关闭说明时；其余情形走上面的完整路径）"),
          ...fast.code,
          "",
        ]
      : []),
    plan.toString(),
    "",
  );
  if (form !== "factory") {
    out.push("/** The compiled policy: metadata, schema and evaluator. */");
    out.push(`export const policy${ts ? ": CompiledPolicy" : ""} = rt.definePolicy(plan, schema);`);
    out.push("export const meta = policy.meta;");
    out.push("");
    out.push("/** Evaluate one application; input errors come back field by field. */");
    const typed = ts && payers.length > 0;
    out.push(
      ts
        ? `export function evaluate(application: Application, options?: EvaluateOptions): Evaluation${typed ? "<Payer>" : ""} {`
        : "export function evaluate(application, options) {",
    );
    out.push(
      `  return policy.evaluate(application, options)${typed ? " as Evaluation<Payer>" : ""};`,
    );
    out.push("}");
    out.push("export default policy;");
  } else {
    out.push("return rt.definePolicy(plan, schema);");
  }
  return out.join("\n") + "\n";
}

/** `export interface Application` with one optional-or-required property per declared input. */
function applicationInterface(checked: Checked): string {
  const w = new Writer();
  w.line(
    '/** An application to this policy. Amounts may be numbers in 元 or strings such as "200万". */',
  );
  w.open("export interface Application");
  for (const s of checked.inputs) {
    const t = s.ty;
    const ty =
      t.k === "enum"
        ? t.values.map((v) => lit(v)).join(" | ")
        : t.k === "bool"
          ? 'boolean | "是" | "否"'
          : t.k === "moneyBy" || t.k === "moneyByYear"
            ? "Readonly<Record<string, number | string>>"
            : tsType(t) === "rt.Dec"
              ? "number | string"
              : "string";
    if (s.decl.description) w.line(`/** ${s.decl.description.replace(/\*\//g, "* /")} */`);
    w.line(`readonly ${lit(s.name)}${isRequired(s) ? "" : "?"}: ${ty};`);
  }
  w.line('readonly "申报日期"?: string;');
  w.line('readonly "申报主体"?: string;');
  w.line('readonly "申报项目"?: string;');
  w.close();
  return w.toString();
}

export type { ClauseItem };
