/**
 * policy + guideline → one effective policy. The guideline gives the year, the application window,
 * the clauses open this year, parameter values (possibly by date), added conditions, declarations
 * and categories, lowered standards and its own cases; the policy gives everything else.
 */
import { fmtDate } from "../../runtime/format.js";
import type {
  CaseDecl,
  Clause,
  ClauseItem,
  Eligibility,
  Expr,
  Header,
  ParamDecl,
  Policy,
  Span,
  TopItem,
} from "../../grammar/ast.js";
import { itemsOf } from "../../grammar/ast.js";
import { diag, type Diagnostic } from "../../grammar/diagnostics.js";
import { clauseKeyText, type ClauseKey } from "../../grammar/clause-ids.js";
import { typeText } from "../../grammar/expr-to-text.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import { adjustClause } from "./adjust-clause.js";
import type { Provenance } from "./provenance.js";

export interface Composed {
  readonly effective: Policy;
  /** Diagnostics about the guideline (spans in the guideline's file). */
  readonly diagnostics: Diagnostic[];
  readonly provenance: Provenance[];
  /** Clause numbers open this year (all of them when the guideline has no 开放). */
  readonly open: readonly ClauseKey[];
  readonly closed: readonly ClauseKey[];
}

function effectiveHeader(p: Header | undefined, g: Header, out: Diagnostic[]): Header {
  for (const [field, word] of [
    ["validFrom", "有效期"],
    ["rounding", "舍入"],
    ["repeal", "废止"],
    ["payer", "资金来源"],
  ] as const)
    if (g[field] !== undefined)
      out.push(
        diag(
          "error",
          "E408",
          `申报指南不能修改政策的${word}`,
          g.span,
          `删除 ${word} 一行；它由政策“${p?.title ?? ""}”规定。`,
        ),
      );
  // The policy's 文号 and 发布日期 are its own: a guideline that has none yet must not show them as
  // its own (the results' title would read "…申报指南（嘉经〔2021〕12号）").
  const {
    docNo: _docNo,
    published: _published,
    lines: _lines,
    ...inherited
  }: Partial<Header> = p ?? {};
  const h: Header = {
    ...inherited,
    kind: "Header",
    form: "guideline",
    title: g.title,
    basedOn: p?.title ?? g.basedOn ?? "",
    span: g.span,
  };
  const { docNo, issuer, published, window, year } = g;
  const w = window ?? (year ? { from: `${year}-01-01`, to: `${year}-12-31` } : undefined);
  // With 有效期 适用于 立项日期 the validity governs admission, not the application: later years'
  // applications may come after it ends.
  if (w && p?.validFrom && p.validTo && !p.validFor && (w.from < p.validFrom || w.to > p.validTo))
    out.push(
      diag(
        "error",
        "E407",
        `申报期${fmtDate(w.from)}至${fmtDate(w.to)}超出政策有效期（${fmtDate(p.validFrom)}至${fmtDate(p.validTo)}）`,
        g.span,
        "申报期须在政策有效期之内。",
      ),
    );
  if (
    window &&
    year &&
    (!window.from.startsWith(String(year)) || !window.to.startsWith(String(year)))
  )
    out.push(
      diag(
        "warning",
        "W401",
        `申报期${fmtDate(window.from)}至${fmtDate(window.to)}不在${year}年度之内`,
        g.span,
        "请核对 年度 与 申报期。",
      ),
    );
  return {
    ...h,
    ...(docNo !== undefined ? { docNo } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(w ? { window: w } : {}),
    ...(year !== undefined ? { year } : {}),
  };
}

/** Apply the guideline's parameter settings to the policy's declarations. */
function setParams(policy: Policy, guideline: Policy, cx: Composed): TopItem[] {
  const sets = new Map(
    itemsOf(guideline, "Params")
      .flatMap((s) => s.decls)
      .map((d) => [d.name, d]),
  );
  const out: TopItem[] = [];
  for (const sec of itemsOf(policy, "Params")) {
    const decls = sec.decls.map((d): ParamDecl => {
      const g = sets.get(d.name);
      sets.delete(d.name);
      if (!g) {
        cx.provenance.push(paramProvenance(d, "policy"));
        return d;
      }
      if (typeText(g.type) !== typeText(d.type)) {
        cx.diagnostics.push(
          diag(
            "error",
            "E406",
            `参数“${d.name}”在政策中的类型是 ${typeText(d.type)}，指南写作 ${typeText(g.type)}`,
            g.span,
            `写作：${d.name} ${typeText(d.type)} = …`,
          ),
        );
        return d;
      }
      const set: ParamDecl = {
        ...d,
        ...(g.value ? { value: g.value } : {}),
        ...(g.byDate ? { byDate: g.byDate } : {}),
        ...(g.description !== undefined ? { description: g.description } : {}),
      };
      cx.provenance.push({
        ...paramProvenance(set, "guideline"),
        line: g.span.line,
        replaced: d.value ? exprToText(d.value) : "待定",
      });
      return set;
    });
    out.push({ ...sec, decls });
  }
  for (const g of sets.values())
    cx.diagnostics.push(
      diag(
        "error",
        "E406",
        `政策没有声明参数“${g.name}”`,
        g.nameSpan,
        "申报指南只能设定政策已声明的参数（政策中 参数 一节的名称）。",
      ),
    );
  return out;
}

function paramProvenance(d: ParamDecl, origin: "policy" | "guideline"): Provenance {
  const dated = (d.byDate ?? []).map((v) => `自${fmtDate(v.from)} ${exprToText(v.value)}`);
  const value = [d.value ? exprToText(d.value) : "待定", ...dated].join("，");
  return { subject: `参数 ${d.name}`, value, origin, line: d.span.line };
}

/** Always-true exclusion that closes a clause this year, with the reason applicants see. */
function closedItem(title: string, span: Span): ClauseItem {
  const yes: Expr = { kind: "Bool", value: true, span };
  return { kind: "Exclude", expr: yes, reason: `${title}未开放本条申报`, span };
}

/** Compose a policy and a guideline into the effective policy. */
export function composeGuideline(policy: Policy, guideline: Policy): Composed {
  const cx: Composed = { effective: policy, diagnostics: [], provenance: [], open: [], closed: [] };
  const g = guideline.header!;
  const header = effectiveHeader(policy.header, g, cx.diagnostics);
  const clauses = new Map(itemsOf(policy, "Clause").map((c) => [c.number, c]));
  const opened = itemsOf(guideline, "Open").flatMap((o) => o.clauses);
  for (const o of opened)
    if (!clauses.has(o.number))
      cx.diagnostics.push(
        diag(
          "error",
          "E404",
          `政策中没有${o.label}`,
          o.span,
          `政策的条款：${[...clauses.keys()].map(clauseKeyText).join("、")}。`,
        ),
      );
  const isOpen = (n: ClauseKey) => !opened.length || opened.some((o) => o.number === n);
  const exceptions = new Map(itemsOf(guideline, "Exception").map((e) => [e.clause, e]));
  const adjustments = new Map<ClauseKey, Clause>();
  for (const c of itemsOf(guideline, "Clause")) {
    if (!clauses.has(c.number))
      cx.diagnostics.push(
        diag(
          "error",
          "E404",
          `政策中没有${c.label}`,
          c.labelSpan,
          "申报指南只能调整政策已有的条款。",
        ),
      );
    else if (adjustments.has(c.number))
      cx.diagnostics.push(
        diag(
          "error",
          "E417",
          `${c.label}在申报指南中写了两次`,
          c.labelSpan,
          "把对同一条款的调整写在一处。",
        ),
      );
    else adjustments.set(c.number, c);
  }
  for (const e of exceptions.values())
    if (!adjustments.has(e.clause))
      cx.diagnostics.push(
        diag(
          "warning",
          "W402",
          `${e.label}声明了例外，但指南没有调整该条`,
          e.span,
          "删除这一行，或在该条中写出调整。",
        ),
      );
  for (const s of itemsOf(guideline, "Stacking"))
    cx.diagnostics.push(
      diag(
        "error",
        "E411",
        "申报指南不能修改叠加规则",
        s.span,
        "叠加规则由政策规定；如需修改请修订政策。",
      ),
    );

  const effectiveClauses: Clause[] = [];
  for (const c of clauses.values()) {
    const adj = adjustments.get(c.number);
    const exception = exceptions.get(c.number)?.reason;
    // Without adjustments every item is the policy's; adjusting by nothing records that.
    let eff = adjustClause(c, adj ?? { ...c, items: [] }, {
      diagnostics: cx.diagnostics,
      provenance: cx.provenance,
      label: c.label,
      ...(exception ? { exception } : {}),
    });
    if (!isOpen(c.number)) eff = { ...eff, items: [closedItem(g.title, g.span), ...eff.items] };
    (isOpen(c.number) ? (cx.open as ClauseKey[]) : (cx.closed as ClauseKey[])).push(c.number);
    effectiveClauses.push(eff);
  }

  const eligibility: Eligibility = {
    kind: "Eligibility",
    items: [
      ...itemsOf(policy, "Eligibility").flatMap((e) => e.items),
      ...itemsOf(guideline, "Eligibility").flatMap((e) => e.items),
      ...(g.year !== undefined ? [yearExclusion(g.year, g.span)] : []),
    ],
    span: policy.span,
  };
  const cases: CaseDecl[] = itemsOf(guideline, "Case");
  const items: TopItem[] = [
    ...itemsOf(policy, "Inputs"),
    ...itemsOf(guideline, "Inputs"),
    ...setParams(policy, guideline, cx),
    ...itemsOf(policy, "Category"),
    ...itemsOf(guideline, "Category"),
    ...itemsOf(policy, "Define"),
    ...itemsOf(guideline, "Define"),
    eligibility,
    ...itemsOf(policy, "Stacking"),
    ...effectiveClauses,
    ...cases,
    // the policy's assertions hold for the guideline too (check --prove proves them under it)
    ...itemsOf(policy, "Assert"),
    ...itemsOf(guideline, "Assert"),
  ];
  const effective: Policy = { kind: "Policy", header, items, comments: [], span: guideline.span };
  if (header.window)
    cx.provenance.unshift({
      subject: "申报期",
      value: `${fmtDate(header.window.from)} 至 ${fmtDate(header.window.to)}`,
      origin: "guideline",
      line: guideline.header?.lines?.window ?? g.span.line,
    });
  if (header.validFrom && header.validTo && policy.header)
    cx.provenance.unshift({
      subject: "有效期",
      value: `${fmtDate(header.validFrom)} 至 ${fmtDate(header.validTo)}`,
      origin: "policy",
      line: policy.header.lines?.validity ?? policy.header.span.line,
    });
  return { ...cx, effective };
}

/** 排除 年份（申报日期） 不等于 2024: an application dated outside the guideline's year. */
function yearExclusion(year: number, span: Span): ClauseItem {
  const appYear: Expr = { kind: "Call", fn: "year", args: [{ kind: "AppDate", span }], span };
  const y: Expr = { kind: "Number", value: String(year), text: String(year), span };
  return {
    kind: "Exclude",
    expr: { kind: "Compare", op: "ne", word: "不等于", left: appYear, right: y, span },
    reason: `申报日期不在申报指南所属的${year}年度`,
    span,
  };
}
