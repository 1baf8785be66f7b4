/**
 * The generated fast path of a policy (runtime/fast.ts runs it): a validator written out for the
 * declared fields, 支持对象 and each clause on exact integer money, and the deduction's sign.
 * Explanations are off on this path, there is no ledger and no approved amount, so a clause only
 * records reasons and computes its amount; rounding by the policy's rule happens once, where the
 * decimal.js path rounds. Returns undefined when some construct has no fast form.
 */
import {
  assertNever,
  itemsOf,
  type Clause,
  type ClauseItem,
  type Expr,
  type Rounding,
} from "../../grammar/ast.js";
import type { Checked } from "../check/check-policy.js";
import { isRankTy } from "../check/types.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import { json, lit, Writer } from "./emit.js";
import { countCode } from "./clause-ident.js";
import { FAST_PARAMS_JS, FAST_PARAMS_TS, FastGen, inputScale, NoFastPath } from "./fast-expr.js";
import type { Scaled } from "./fast-expr.js";
import { paramsIn } from "./clause-to-js.js";
import { clauseFunctionName } from "./clause-ident.js";
import { inPart } from "./item-parts.js";

const text = (e: Expr) => exprToText(e);
const PLACES = { fen: 2, jiao: 1, yuan: 0 } as const;

/** The fast path's code (functions to place in the module) and its plan entry, or undefined. */
export function fastPath(
  checked: Checked,
  ts: boolean,
  rounding: Rounding,
  tableFrom?: number,
): { code: string[]; entry: string } | undefined {
  try {
    const g = new FastGen(checked, ts, tableFrom);
    const stacking = itemsOf(checked.policy, "Stacking").flatMap((s) => s.items);
    if (stacking.some((i) => i.kind !== "HighestOnly" && i.kind !== "Deduct")) return undefined;
    const code = [validator(g), paramsFn(g), eligibility(g)];
    const names: string[] = [];
    for (const c of checked.clauses) {
      const name = `fast${clauseFunctionName(c.number).slice("clause".length)}`;
      code.push(clause(g, c, rounding, name));
      names.push(name);
    }
    const deduct = stacking.find((i) => i.kind === "Deduct");
    const dx = deduct && deduct.kind === "Deduct" ? g.num(deduct.value) : undefined;
    const d = dx ? `rt.plain(${dx.code}, ${dx.s})` : undefined;
    const A = ts ? ": readonly any[]" : "";
    const entry =
      `{ inputs: fastInputs, params: fastParams, eligibility: fastEligibility, clauses: [${names.join(", ")}]` +
      (d ? `, deduct: (v${A}, p${A}) => ${d}` : "") +
      " }";
    return { code: [...g.helpers, ...code], entry };
  } catch (e) {
    if (e instanceof NoFastPath) return undefined;
    throw e;
  }
}

/** Straight-line validation of the declared fields; undefined sends the application to the full one. */
function validator(g: FastGen): string {
  const ts = g.ts;
  const inputs = g.checked.inputs;
  const w = new Writer();
  w.open(
    `function fastInputs(app${ts ? ": Record<string, unknown>" : ""})${ts ? ": unknown[] | undefined" : ""}`,
  );
  const defaults = inputs.map((s) => {
    const d = s.decl.default;
    if (!d) return "undefined";
    if (s.ty.k === "bool" || s.ty.k === "enum" || s.ty.k === "text" || s.ty.k === "date")
      return g.bool(d);
    return g.at(g.num(d), inputScale(s.ty));
  });
  // The application's own keys (a handful) are walked, each found in a Map and dispatched on its
  // position: reading every declared name instead is slow on applications of many shapes.
  const names = [...inputs.map((s) => s.name), "申报日期", "申报主体", "申报项目"];
  g.helpers.push(`const FAST_FIELDS = new Map(${json(names.map((n, i) => [n, i]))});`);
  w.line(`const v${ts ? ": unknown[]" : ""} = [${[...defaults, "undefined"].join(", ")}];`);
  w.line("let req = 0;");
  w.open("for (const key in app)");
  w.line("if (!Object.hasOwn(app, key)) continue;");
  w.line("const raw = app[key];");
  w.line("if (raw === undefined || raw === null) continue;");
  w.open("switch (FAST_FIELDS.get(key))");
  inputs.forEach((s, i) => {
    const req = s.decl.default ? "" : " req++;";
    const num = numberTest(s.ty, ts);
    let body: string;
    if (num)
      body = `{ const n = ${num}; if (n === undefined) return undefined; v[${i}] = n;${req} continue; }`;
    else if (s.ty.k === "bool")
      body = `if (raw === true || raw === "是" || raw === "true") v[${i}] = true; else if (raw === false || raw === "否" || raw === "false") v[${i}] = false; else return undefined;${req} continue;`;
    else body = `if (!(${test(s.ty)})) return undefined; v[${i}] = raw;${req} continue;`;
    w.line(`case ${i}: ${body}`);
  });
  const n = inputs.length;
  w.line(
    `case ${n}: if (rt.isoDate(raw) === undefined) return undefined; v[${n}] = raw; continue;`,
  );
  // Who applies and for which project matter only against a ledger, which this path never has.
  w.line(
    `case ${n + 1}: case ${n + 2}: if (typeof raw !== "string" || raw.length > 10000) return undefined; continue;`,
  );
  w.line("default: return undefined;");
  w.close().close();
  const required = inputs.filter((s) => !s.decl.default).length;
  w.line(`if (req !== ${required}) return undefined;`);
  // A number without a value is an error the decimal.js path words.
  inputs.forEach((s, i) => {
    if (s.decl.default || !["money", "ratio", "count"].includes(s.ty.k)) return;
    w.line(`if (v[${i}] === undefined) return undefined;`);
  });
  w.line("return v;");
  w.close();
  return w.toString();
}

/** For a number-valued input: the expression giving its scaled integer, or undefined. */
function numberTest(t: Checked["inputs"][number]["ty"], ts: boolean): string | undefined {
  if (t.k !== "money" && t.k !== "ratio" && t.k !== "count") return undefined;
  const n = `rt.scaledNumber(raw${ts ? " as number" : ""}, ${inputScale(t)})`;
  // 比例 above 1000 is refused by the full validator (超出允许范围).
  // 名次 starts at 第1名 (0 is refused by the full validator).
  const range = t.k === "ratio" ? " && raw <= 1000" : isRankTy(t) ? " && raw >= 1" : "";
  return `typeof raw === "number"${range} ? ${n} : undefined`;
}

/** The test another raw value passes to be taken as it is. */
function test(t: Checked["inputs"][number]["ty"]): string {
  switch (t.k) {
    case "enum":
      return t.values.map((x) => `raw === ${lit(x)}`).join(" || ") || "false";
    case "text":
      return 'typeof raw === "string" && raw.length <= 10000';
    case "date":
      return "rt.isoDate(raw) !== undefined";
    default:
      throw new NoFastPath(`input of type ${t.k}`);
  }
}

function paramsFn(g: FastGen): string {
  const w = new Writer();
  const ts = g.ts;
  w.open(
    `function fastParams(p${ts ? ": readonly unknown[]" : ""})${ts ? ": unknown[] | undefined" : ""}`,
  );
  const parts = g.checked.params.map((s, i) =>
    s.ty.k === "money" || s.ty.k === "ratio" || s.ty.k === "count"
      ? `rt.decScaled(p[${i}], ${inputScale(s.ty)})`
      : `p[${i}]`,
  );
  w.line(`const out${ts ? ": unknown[]" : ""} = [${parts.join(", ")}];`);
  w.line("return out.includes(null) ? undefined : out;");
  w.close();
  return w.toString();
}

/** `if (!cond) push(reason)` for conditions and exclusions, as emitChecks words them. */
function checks(g: FastGen, w: Writer, items: readonly ClauseItem[], prefix: string): void {
  const E = g.ts ? " as string[]" : "";
  for (const it of items) {
    if (it.kind === "Condition") {
      const cond = it.unless ? `(${g.bool(it.expr)} || ${g.bool(it.unless)})` : g.bool(it.expr);
      const msg = `${prefix}未满足条件：${text(it.expr)}${it.unless ? `（除非 ${text(it.unless)}）` : ""}`;
      w.line(`if (!${cond}) (r || (r = []${E})).push(${lit(msg)});`);
    } else if (it.kind === "Exclude") {
      const msg = `${prefix}属于排除情形：${it.reason ?? text(it.expr)}`;
      w.line(`if (${g.bool(it.expr)}) (r || (r = []${E})).push(${lit(msg)});`);
    }
  }
}

function head(g: FastGen, name: string, ret: string): Writer {
  const w = new Writer();
  w.open(`function ${name}(${g.ts ? FAST_PARAMS_TS : FAST_PARAMS_JS})${g.ts ? `: ${ret}` : ""}`);
  w.line(`let r = null${g.ts ? " as string[] | null" : ""};`);
  return w;
}

function eligibility(g: FastGen): string {
  const w = head(g, "fastEligibility", "readonly string[] | null");
  for (const i of [...g.checked.eligibilityParams].sort((a, b) => a - b)) {
    const msg = `参数“${g.checked.params[i]!.name}”尚未设定（待定）`;
    w.line(`if (p[${i}] === undefined) return [${lit(msg)}];`);
  }
  const elig = itemsOf(g.checked.policy, "Eligibility").flatMap((e) => e.items);
  checks(g, w, elig, "不符合支持对象：");
  w.line("void date;");
  w.line("return r;");
  w.close();
  return w.toString();
}

/** The amount being computed: its code is always `a`, its scale changes as steps align it. */
class Amount {
  s = 0;
  constructor(private readonly w: Writer) {}
  /** Raise `a` to scale `to` (when finer). */
  raise(to: number): void {
    if (to > this.s) this.w.line(`a = rt.up(a, ${to - this.s});`);
    this.s = Math.max(this.s, to);
  }
}

function clause(g: FastGen, c: Clause, rounding: Rounding, name: string): string {
  const w = head(g, name, "ClauseResult");
  const meta: Record<string, unknown> = { label: c.label, number: c.number, title: c.title };
  // The same properties, in the same precedence, as emitClause sets on the run.
  const defaultPayer = g.checked.policy.header?.payer;
  if (defaultPayer !== undefined && !c.items.some((it) => it.kind === "Payer"))
    meta.payer = defaultPayer;
  for (const it of c.items) {
    if (!inPart(it, "meta")) continue;
    if (it.kind === "Stackable") meta.stacksWith = it.with;
    else if (it.kind === "Beneficiary") meta.beneficiary = it.who;
    else if (it.kind === "Payer") meta.payer = it.who;
    else assertNever(it);
  }
  g.helpers.push(`const M_${name} = ${json(meta)};`);
  w.line(`const m = M_${name};`);
  const E = g.ts ? " as string[]" : "";
  const fail = (msg: string) => `(r || (r = []${E})).push(${lit(msg)})`;
  const ineligible = 'if (r) return rt.fastResult(m, "ineligible", false, "0", r);';
  for (const it of c.items)
    if (it.kind === "Window")
      w.line(
        `if (date < ${lit(it.from)} || date > ${lit(it.to)}) ${fail(`不在本条申报期内（${it.from} 至 ${it.to}）`)};`,
      );
  const usesParam = (it: ClauseItem) =>
    (it.kind === "Condition" || it.kind === "Exclude") &&
    (paramsIn(g, it.expr).size > 0 ||
      (it.kind === "Condition" && !!it.unless && paramsIn(g, it.unless).size > 0));
  checks(
    g,
    w,
    c.items.filter((it) => !usesParam(it)),
    "",
  );
  const params = g.checked.clauseParams.get(c.number) ?? new Set<number>();
  if (params.size > 0) {
    w.line(ineligible);
    for (const i of [...params].sort((a, b) => a - b)) {
      const msg = `参数“${g.checked.params[i]!.name}”尚未设定（待定）：需由申报指南设定后才能计算`;
      w.line(
        `if (p[${i}] === undefined) return rt.fastResult(m, "error", false, "0", [${lit(msg)}]);`,
      );
    }
    checks(g, w, c.items.filter(usesParam), "");
  }
  for (const it of c.items) {
    if (!inPart(it, "limits")) continue;
    // No ledger and no quota used on this path: 一次性 finds nothing, counts are 0.
    if (it.kind === "YearsLimit" || it.scope) throw new NoFastPath(it.kind);
    if (it.kind === "PerYearLimit")
      w.line(
        `if (0 >= ${countCode(it.count)}) ${fail(`每年限申报${it.count}项，本年度已获支持`)};`,
      );
    else if (it.kind === "Quota")
      w.line(`if (0 >= ${countCode(it.count)}) ${fail(`本年度名额已满（每年${it.count}个）`)};`);
  }
  w.line(ineligible);
  const award = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Award" }> => i.kind === "Award",
  );
  const benefit = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Benefit" }> => i.kind === "Benefit",
  );
  if (!award) {
    w.line(`return rt.fastBenefit(m, ${lit(benefit ? benefit.text : "无资金支持")});`);
    return w.close().toString();
  }
  const a = new Amount(w);
  const N = g.ts ? ": number" : "";
  let base: Scaled | undefined;
  const f = award.form;
  switch (f.kind) {
    case "Ratio": {
      base = g.num(f.base);
      const ratio = g.num(f.ratio);
      w.line(`const base = ${base.code};`);
      w.line(`let a${N} = rt.ck(base * ${ratio.code});`);
      a.s = base.s + ratio.s;
      break;
    }
    case "Fixed":
    case "UpTo": {
      const x = g.num(f.kind === "Fixed" ? f.amount : f.amount);
      w.line(`let a${N} = ${x.code};`);
      a.s = x.s;
      break;
    }
    case "Compute": {
      const x = g.num(f.amount);
      w.line(`let a${N} = ${x.code};`);
      w.line("if (a < 0) a = 0;");
      a.s = x.s;
      break;
    }
    case "CaseByCase":
      w.line("return rt.fastDecision(m);");
      return w.close().toString();
    default:
      return assertNever(f);
  }
  for (const it of c.items) if (inPart(it, "steps")) step(g, w, it, a);
  const places = PLACES[rounding.unit];
  if (a.s > places) {
    w.line(`a = rt.rnd(a, ${a.s - places}, ${lit(rounding.mode)});`);
    a.s = places;
  }
  if (f.kind === "UpTo") {
    w.line(`return rt.fastDecision(m, a, ${a.s});`);
    return w.close().toString();
  }
  const b = base ? `, base, ${base.s}` : ", undefined, 0";
  const pay = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Payment" }> => i.kind === "Payment",
  );
  if (!pay) {
    w.line(`return rt.fastAwarded(m, a, ${a.s}${b});`);
    return w.close().toString();
  }
  const paidItem = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Paid" }> => i.kind === "Paid",
  );
  const share = g.num(pay.table);
  let due: Scaled = { code: `rt.ck(a * ${share.code})`, s: a.s + share.s };
  if (due.s > 2) due = { code: `rt.rnd(${due.code}, ${due.s - 2}, "halfUp")`, s: 2 };
  const paid = paidItem ? g.num(paidItem.value) : { code: "0", s: 0 };
  const [x, y, s] = g.align(due, paid);
  w.line(`const payable = rt.ck(${x} - ${y});`);
  w.line(`return rt.fastAwarded(m, a, ${a.s}${b}, payable, ${s});`);
  return w.close().toString();
}

function step(
  g: FastGen,
  w: Writer,
  it: Extract<ClauseItem, { kind: "Step" | "AnnualCap" | "TotalCap" }>,
  a: Amount,
): void {
  if (it.kind === "AnnualCap" || it.kind === "TotalCap") {
    if (it.scope) throw new NoFastPath("scoped cap");
    // Nothing was received before on this path: the room is the cap (never below 0).
    const cap = g.num(it.value);
    a.raise(cap.s);
    w.line(`{ const room = Math.max(0, ${g.at(cap, a.s)}); if (a > room) a = room; }`);
    return;
  }
  const value = g.num(it.value);
  let room: Scaled | undefined;
  if (it.step === "cap" && it.including) {
    const [x, y, s] = g.align(value, g.num(it.including));
    room = { code: `Math.max(0, rt.ck(${x} - ${y}))`, s };
  }
  const target = room ?? value;
  a.raise(target.s);
  const v = g.at(target, a.s);
  const when = it.when ? `if (${g.bool(it.when)}) ` : "";
  switch (it.step) {
    case "cap":
      w.line(`${when}{ const s = ${v}; if (a > s) a = s; }`);
      break;
    case "max":
      w.line(`${when}{ a = Math.max(a, ${v}); }`);
      break;
    case "min":
      w.line(`${when}{ a = Math.min(a, ${v}); }`);
      break;
    case "topUp":
      w.line(`${when}{ a = Math.max(0, rt.ck(a - ${v})); }`);
      break;
  }
}
