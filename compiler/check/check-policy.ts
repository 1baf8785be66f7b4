/**
 * AST → checked policy: declarations into symbols, then every header item, clause, stacking rule
 * and case checked, with the parameters each clause depends on.
 */
import type { CaseDecl, Clause, ClauseItem, Expr, Policy, Span } from "../../grammar/ast.js";
import { assertNever, isClauseTarget, itemsOf } from "../../grammar/ast.js";
import { clauseKeyText, REJECTED_CLAUSE, type ClauseKey } from "../../grammar/clause-ids.js";
import { CheckContext, type Sym } from "./context.js";
import { expectTy, inferExpr } from "./expr.js";
import { checkImplausible } from "./implausible.js";
import { checkAsserts } from "./check-asserts.js";
import { closest } from "./suggest.js";
import { checkCount } from "./counts.js";
import { BOOL, DATE, MONEY, RATIO, fromTypeRef, tyName, type Ty } from "./types.js";
import { policyPayers } from "../payers.js";
import { checkClauseRefs } from "./clause-refs.js";

/** What code generation needs beyond the AST. */
export interface Checked {
  readonly policy: Policy;
  readonly cx: CheckContext;
  readonly inputs: readonly Extract<Sym, { kind: "input" }>[];
  readonly params: readonly Extract<Sym, { kind: "param" }>[];
  readonly defines: readonly Extract<Sym, { kind: "define" }>[];
  readonly clauses: readonly Clause[];
  /** Parameters each clause depends on (支持对象's included), by clause number. */
  readonly clauseParams: ReadonlyMap<ClauseKey, ReadonlySet<number>>;
  readonly eligibilityParams: ReadonlySet<number>;
  /** The order to evaluate clauses in (indexes into `clauses`), when some clause uses another's amount. */
  readonly order?: readonly number[];
}

/** Check a parsed policy. Diagnostics land in the returned context. */
export function checkPolicy(policy: Policy, declared: ReadonlySet<string>): Checked {
  const cx = new CheckContext(declared);
  const categories = new Map<string, readonly string[]>();
  const define = (name: string, sym: Sym, span: Span) => {
    if (cx.symbols.has(name))
      cx.error("E213", `“${name}”重复声明`, span, "每个名称只能声明一次；请改用另一个名称。");
    else cx.symbols.set(name, sym);
  };
  const addValues = (id: string, values: readonly string[]) => {
    for (const v of values) cx.enumValues.set(v, [...(cx.enumValues.get(v) ?? []), id]);
  };
  for (const c of itemsOf(policy, "Category")) {
    categories.set(
      c.name,
      c.values.map((v) => v.name),
    );
    define(
      c.name,
      { kind: "category", name: c.name, values: categories.get(c.name)!, span: c.nameSpan },
      c.nameSpan,
    );
    addValues(c.name, categories.get(c.name)!);
  }
  const typeOf = (owner: string, t: Parameters<typeof fromTypeRef>[0]): Ty => {
    const ty = fromTypeRef(t, categories);
    if (ty.k === "enum" && ty.id === "") {
      addValues(owner, ty.values);
      return { ...ty, id: owner };
    }
    if (ty.k === "moneyBy" && !categories.has(ty.category)) {
      cx.error(
        "E201",
        `未声明的分类“${ty.category}”`,
        t.kind === "moneyBy" ? t.category.span : policy.span,
        "先用 分类 名称：甲、乙 声明它。",
      );
    }
    return ty;
  };
  const inputs: Extract<Sym, { kind: "input" }>[] = [];
  for (const d of itemsOf(policy, "Inputs").flatMap((s) => s.decls)) {
    const sym = {
      kind: "input" as const,
      name: d.name,
      index: inputs.length,
      ty: typeOf(d.name, d.type),
      decl: d,
    };
    inputs.push(sym);
    define(d.name, sym, d.nameSpan);
  }
  const params: Extract<Sym, { kind: "param" }>[] = [];
  for (const d of itemsOf(policy, "Params").flatMap((s) => s.decls)) {
    const sym = {
      kind: "param" as const,
      name: d.name,
      index: params.length,
      ty: typeOf(d.name, d.type),
      decl: d,
    };
    params.push(sym);
    define(d.name, sym, d.nameSpan);
  }
  const defines: Extract<Sym, { kind: "define" }>[] = [];
  for (const d of itemsOf(policy, "Define")) {
    const sym = {
      kind: "define" as const,
      name: d.name,
      index: defines.length,
      ty: undefined as Ty | undefined,
      decl: d,
    };
    defines.push(sym);
    define(d.name, sym, d.nameSpan);
  }
  for (const s of params)
    for (const d of s.decl.byDate ?? [])
      expectTy(
        cx,
        d.value,
        s.ty,
        `参数“${s.name}”自${d.from.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, "$1年$2月$3日")}起的取值`,
      );
  for (const s of [...inputs, ...params]) {
    const value = s.kind === "input" ? s.decl.default : s.decl.value;
    if (value)
      expectTy(
        cx,
        value,
        s.ty,
        s.kind === "input" ? `“${s.name}”的默认值` : `参数“${s.name}”的取值`,
      );
  }
  for (const d of defines)
    if (!d.ty) inferExpr(cx, { kind: "Name", name: d.name, span: d.decl.nameSpan });
  checkHeader(cx, policy, inputs);

  cx.paramsUsed = new Set();
  for (const el of itemsOf(policy, "Eligibility")) {
    for (const it of el.items) {
      if (it.kind !== "Condition" && it.kind !== "Exclude" && it.kind !== "Source") {
        cx.error(
          "E220",
          "支持对象中只能写 条件、排除 和 原文",
          it.span,
          "资助方式请写在具体条款中。",
        );
      } else checkItem(cx, it);
    }
  }
  const eligibilityParams = cx.paramsUsed;
  const clauses = itemsOf(policy, "Clause");
  const clauseParams = new Map<ClauseKey, Set<number>>();
  const seen = new Map<ClauseKey, Clause>();
  for (const c of clauses) {
    const prev = seen.get(c.number);
    if (prev && c.number !== REJECTED_CLAUSE)
      cx.error(
        "E212",
        `条款编号重复：${c.label}已在第${prev.labelSpan.line}行使用`,
        c.labelSpan,
        "每个条款编号只能出现一次；请重新编号。",
      );
    seen.set(c.number, c);
    cx.paramsUsed = new Set();
    checkClause(cx, c);
    clauseParams.set(c.number, cx.paramsUsed);
    for (const i of cx.paramsUsed) {
      const p = params[i];
      if (p && !p.decl.value) {
        cx.warn(
          "W301",
          `${c.label}用到的参数“${p.name}”尚未设定（待定）`,
          c.labelSpan,
          "评估本条时会报告“参数待定”；请在申报指南中设定，或在此处写 = 取值。",
        );
      }
    }
  }
  for (const s of itemsOf(policy, "Stacking")) {
    for (const it of s.items) {
      if (it.kind === "Deduct") expectTy(cx, it.value, MONEY, "扣除的金额");
      if (it.kind === "Limit" && (it.limit.kind === "TotalCap" || it.limit.kind === "AnnualCap"))
        expectTy(cx, it.limit.value, MONEY, "本政策的累计上限");
    }
  }
  const order = checkClauseRefs(cx, policy, clauses);
  checkCases(cx, policy, seen, inputs);
  checkAsserts(cx, policy, seen);
  checkImplausible(cx, policy);
  return {
    policy,
    cx,
    inputs,
    params,
    defines,
    clauses,
    clauseParams,
    eligibilityParams,
    ...(order ? { order } : {}),
  };
}

function checkHeader(
  cx: CheckContext,
  policy: Policy,
  inputs: readonly Extract<Sym, { kind: "input" }>[],
): void {
  const h = policy.header;
  if (!h) {
    cx.error("E221", "缺少政策标题", policy.span, "文件开头写：政策 政策名称");
    return;
  }
  if (h.validFrom && h.validTo && h.validFrom > h.validTo)
    cx.error("E222", "有效期的起始日期晚于终止日期", h.span, "检查 有效期 … 至 … 的两个日期。");
  if (h.window && h.window.from > h.window.to)
    cx.error("E222", "申报期的起始日期晚于终止日期", h.span, "检查 申报期 … 至 … 的两个日期。");
  const f = h.validFor;
  if (f) {
    const sym = inputs.find((s) => s.name === f.name);
    if (!sym || sym.ty.k !== "date") {
      const dates = inputs.filter((s) => s.ty.k === "date").map((s) => s.name);
      const near = closest(f.name, dates);
      cx.error(
        "E240",
        sym
          ? `有效期 适用于 “${f.name}”，但它是${tyName(sym.ty)}，不是日期`
          : `有效期 适用于 “${f.name}”，但申报信息中没有这一项`,
        f.span,
        near
          ? `是否要写 适用于 ${near}？`
          : `在申报信息中声明 ${f.name} 日期，或删除 适用于 ${f.name}（有效期约束申报日期）。`,
      );
    }
  }
}

function checkItem(cx: CheckContext, it: ClauseItem): void {
  switch (it.kind) {
    case "Condition":
      expectTy(cx, it.expr, BOOL, "条件");
      if (it.unless) expectTy(cx, it.unless, BOOL, "除非 之后");
      return;
    case "Exclude":
      expectTy(cx, it.expr, BOOL, "排除情形");
      return;
    case "Award": {
      const f = it.form;
      if (f.kind === "Ratio") {
        expectTy(cx, f.ratio, RATIO, "资助比例");
        expectTy(cx, f.base, MONEY, "资助基数");
      } else if (f.kind !== "CaseByCase") expectTy(cx, f.amount, MONEY, "资助金额");
      return;
    }
    case "Step":
      expectTy(cx, it.value, MONEY, it.step === "cap" ? "上限" : "金额");
      if (it.including) expectTy(cx, it.including, MONEY, "上限所含的其他资金");
      if (it.when) expectTy(cx, it.when, BOOL, "当 之后");
      return;
    case "AnnualCap":
    case "TotalCap":
    case "Paid":
      expectTy(cx, it.value, MONEY, "金额");
      return;
    case "Payment": {
      const t = inferExpr(cx, it.table);
      if (t.k !== "ratio" && t.k !== "error")
        cx.error(
          "E205",
          `拨付表的取值应为比例，却是${tyName(t)}`,
          it.table.span,
          "例如 拨付 按 项目阶段：开工 30%，验收 100%。",
        );
      return;
    }
    case "Window":
      if (it.from > it.to)
        cx.error("E222", "申报期的起始日期晚于终止日期", it.span, "检查两个日期。");
      return;
    case "PerYearLimit":
    case "Quota":
      checkCount(cx, it.count, it.span);
      return;
    case "Source":
    case "Once":
    case "YearsLimit":
    case "Stackable":
    case "Beneficiary":
    case "Payer":
    case "Benefit":
      return;
    default:
      return assertNever(it);
  }
}

function checkClause(cx: CheckContext, c: Clause): void {
  const awards = c.items.filter((i) => i.kind === "Award");
  const benefit = c.items.some((i) => i.kind === "Benefit");
  if (awards.length > 1)
    cx.error(
      "E223",
      `${c.label}有多个“资助”`,
      awards[1]!.span,
      "每个条款只写一种资助方式；不同情形请用 如果…则…否则…，或拆成两个条款。",
    );
  const payers = c.items.filter((i) => i.kind === "Payer");
  if (payers.length > 1)
    cx.error(
      "E265",
      `${c.label}写了多个资金来源`,
      payers[1]!.span,
      "每条只写一个 资金来源；由两级财政分担的，拆成两条，后一条用 第N条金额 引用前一条。",
    );
  const onces = c.items.filter((i) => i.kind === "Once");
  if (onces.length > 1)
    cx.warn("W303", `${c.label}重复写了“一次性”`, onces[1]!.span, "删去重复的一行。");
  if (!awards.length && !benefit)
    cx.warn("W302", `${c.label}没有写资助方式或权益`, c.labelSpan, "加一行 资助 …，或 权益 “…”。");
  const needsAmount = c.items.find((i) =>
    ["Step", "AnnualCap", "TotalCap", "Payment", "Paid"].includes(i.kind),
  );
  if (needsAmount && !awards.length)
    cx.error("E224", "没有资助方式，上限等步骤无从计算", needsAmount.span, "先写 资助 …。");
  for (const it of c.items) checkItem(cx, it);
  const paid = c.items.some((i) => i.kind === "Paid");
  const payment = c.items.some((i) => i.kind === "Payment");
  if (paid && !payment)
    cx.error(
      "E225",
      "已拨付 需要与 拨付 一起使用",
      c.span,
      "写 拨付 按 阶段：… 说明各阶段累计拨付比例。",
    );
}

function checkCases(
  cx: CheckContext,
  policy: Policy,
  clauses: ReadonlyMap<ClauseKey, Clause>,
  inputs: readonly Extract<Sym, { kind: "input" }>[],
): void {
  const cases = itemsOf(policy, "Case");
  const payers = policyPayers(policy);
  const titles = new Set(cases.map((c) => c.title));
  const byName = new Map(inputs.map((s) => [s.name, s]));
  const clauseRef = (n: ClauseKey, span: Span) => {
    if (!clauses.has(n) && n !== REJECTED_CLAUSE)
      cx.error(
        "E216",
        `案例引用了不存在的${clauseKeyText(n)}`,
        span,
        `现有条款：${[...clauses.keys()].map(clauseKeyText).join("、") || "无"}。`,
      );
  };
  for (const c of cases) {
    if (c.basedOn && !titles.has(c.basedOn))
      cx.error("E219", `找不到案例“${c.basedOn}”`, c.span, "基于 之后写另一个案例的名称。");
    for (const inp of c.inputs) caseInput(cx, byName, inp);
    for (const pr of c.params) {
      const sym = cx.symbols.get(pr.name.name);
      if (!sym || sym.kind !== "param") {
        cx.error(
          "E201",
          `案例设定的“${pr.name.name}”不是已声明的参数`,
          pr.name.span,
          "参数须先在 参数 中声明。",
        );
      } else expectTy(cx, pr.value, sym.ty, `参数“${sym.name}”的取值`);
    }
    for (const p of c.prior) {
      clauseRef(p.clause, p.span);
      expectTy(cx, p.amount, MONEY, "已获金额");
    }
    for (const a of c.approved) {
      clauseRef(a.clause, a.span);
      expectTy(cx, a.amount, MONEY, "核定金额");
    }
    for (const ex of c.expects) {
      if (isClauseTarget(ex.target)) clauseRef(ex.target, ex.span);
      if (ex.payer !== undefined && !payers.includes(ex.payer))
        cx.error(
          "E264",
          `案例期望的资金来源“${ex.payer}”不在政策中`,
          ex.span,
          payers.length
            ? `政策中的资金来源：${payers.join("、")}。`
            : "政策没有写 资金来源：在政策开头或条款中写 资金来源 区级财政 等。",
        );
      if (ex.outcome.kind === "amount" || ex.outcome.kind === "payable")
        expectTy(cx, ex.outcome.value, MONEY, "期望金额");
    }
  }
  void DATE;
}

function caseInput(
  cx: CheckContext,
  byName: ReadonlyMap<string, Extract<Sym, { kind: "input" }>>,
  inp: CaseDecl["inputs"][number],
): void {
  const s = byName.get(inp.name.name);
  if (!s) {
    if (inp.name.name === "申报主体" || inp.name.name === "申报项目") return;
    const near = closest(inp.name.name, [...byName.keys()]);
    cx.error(
      "E201",
      `案例中的“${inp.name.name}”不是已声明的申报信息`,
      inp.name.span,
      near ? `是否指“${near}”？` : "请先在 申报信息 中声明。",
      near ? { title: `改为“${near}”`, span: inp.name.span, text: near } : undefined,
    );
    return;
  }
  cx.references.push({ name: s.name, span: inp.name.span });
  const v: Expr = inp.value;
  if (v.kind === "Record") {
    if (s.ty.k !== "moneyBy" && s.ty.k !== "moneyByYear")
      cx.error(
        "E217",
        `“${s.name}”应为${tyName(s.ty)}，不是明细`,
        v.span,
        "明细只用于 金额 按 分类 或 金额 按年 的申报信息。",
      );
    for (const e of v.entries) {
      expectTy(cx, e.value, MONEY, `“${s.name}”中“${e.key}”的金额`);
      if (s.ty.k === "moneyBy" && !s.ty.values.includes(e.key))
        cx.error(
          "E206",
          `“${e.key}”不是“${s.ty.category}”的类别`,
          e.keySpan,
          `可选：${s.ty.values.join("、")}。`,
        );
    }
    return;
  }
  expectTy(cx, v, s.ty, `案例中“${s.name}”的值`);
}
