/**
 * 第2条金额 (issue 10 §3): one clause uses another's amount. A reference names a clause that
 * exists (E261, with the closest id) and pays money (E266); it is used only where clauses are
 * evaluated, in a clause directly or through a 定义, never in 支持对象, 叠加规则, defaults,
 * parameters or cases, which are evaluated before any clause, nor in 断言, which names a clause's
 * amount as 第N条 (E263); and references form no
 * cycle, directly or through 定义 (E262, with the path). The result is the order clauses are
 * evaluated in: every clause after the clauses it uses, otherwise in document order.
 */
import type { Clause, ClauseKey, Expr, Policy, Span } from "../../grammar/ast.js";
import { itemsOf } from "../../grammar/ast.js";
import { clauseKeyText, REJECTED_CLAUSE } from "../../grammar/clause-ids.js";
import { children, clauseAmountsIn, itemExprs } from "../walk.js";
import type { CheckContext } from "./context.js";
import { closest } from "./suggest.js";

/** A clause amount used by an expression, and the 定义 it was reached through. */
interface Ref {
  readonly clause: ClauseKey;
  /** Where the expression uses it: the 第N条金额 itself, or the name of the 定义 it goes through. */
  readonly span: Span;
  readonly via: readonly string[];
}

/** The clause amounts `e` uses, through definitions too (each definition followed once per path). */
function refsIn(policy: Policy, e: Expr, via: readonly string[] = []): Ref[] {
  const defines = new Map(itemsOf(policy, "Define").map((d) => [d.name, d]));
  const out: Ref[] = [];
  const visit = (x: Expr, path: readonly string[], use?: Span) => {
    if (x.kind === "ClauseAmount") out.push({ clause: x.clause, span: use ?? x.span, via: path });
    if (x.kind === "Name") {
      const d = defines.get(x.name);
      if (d && !path.includes(d.name)) visit(d.expr, [...path, d.name], use ?? x.span);
    }
    children(x).forEach((c) => visit(c, path, use));
  };
  visit(e, via);
  return out;
}

/** Expressions evaluated before any clause: 支持对象, 叠加规则, defaults, parameters, cases. */
function preClauseExprs(policy: Policy): [Expr, string][] {
  const out: [Expr, string][] = [];
  for (const el of itemsOf(policy, "Eligibility"))
    for (const it of el.items) for (const e of itemExprs(it)) out.push([e, "支持对象"]);
  for (const s of itemsOf(policy, "Stacking"))
    for (const it of s.items) {
      if (it.kind === "Deduct") out.push([it.value, "叠加规则"]);
      if (it.kind === "Limit") for (const e of itemExprs(it.limit)) out.push([e, "叠加规则"]);
    }
  for (const d of itemsOf(policy, "Inputs").flatMap((s) => s.decls))
    if (d.default) out.push([d.default, `“${d.name}”的默认值`]);
  for (const d of itemsOf(policy, "Params").flatMap((s) => s.decls)) {
    if (d.value) out.push([d.value, `参数“${d.name}”`]);
    for (const b of d.byDate ?? []) out.push([b.value, `参数“${d.name}”`]);
  }
  for (const a of itemsOf(policy, "Assert")) {
    if (a.body.kind === "Compare")
      for (const o of [a.body.left, a.body.right])
        if (o.kind === "Value") out.push([o.expr, "断言（直接写 第N条）"]);
    if (a.when) out.push([a.when, "断言（直接写 第N条）"]);
  }
  for (const c of itemsOf(policy, "Case")) {
    for (const x of [...c.inputs, ...c.params]) out.push([x.value, "案例"]);
    for (const x of [...c.prior, ...c.approved]) out.push([x.amount, "案例"]);
    for (const x of c.expects)
      if (x.outcome.kind === "amount" || x.outcome.kind === "payable")
        out.push([x.outcome.value, "案例"]);
  }
  return out;
}

const step = (r: Ref): string =>
  `${r.via.map((d) => `定义“${d}” → `).join("")}${clauseKeyText(r.clause)}`;

/**
 * Check the references between clauses; return the evaluation order (indexes into `clauses`)
 * when some clause uses another's amount, undefined when none does.
 */
export function checkClauseRefs(
  cx: CheckContext,
  policy: Policy,
  clauses: readonly Clause[],
): number[] | undefined {
  const byKey = new Map(clauses.map((c, i) => [c.number, i]));
  const ids = clauses.map((c) => clauseKeyText(c.number));
  const pays = (i: number) => clauses[i]!.items.some((it) => it.kind === "Award");
  const valid = (r: Ref): boolean => {
    const i = byKey.get(r.clause);
    return i !== undefined && pays(i);
  };
  // every 第N条金额 written in a clause or a 定义 names a clause that exists and pays money
  const written = [
    ...clauses.flatMap((c) => c.items.flatMap((it) => itemExprs(it))),
    ...itemsOf(policy, "Define").map((d) => d.expr),
  ].flatMap((e) => clauseAmountsIn(e));
  for (const r of written) {
    if (r.clause === REJECTED_CLAUSE) continue;
    const i = byKey.get(r.clause);
    const text = clauseKeyText(r.clause);
    if (i === undefined) {
      const near = closest(text, ids);
      cx.error(
        "E261",
        `引用了不存在的${text}`,
        r.span,
        `${near ? `是否想写 ${near}金额？` : ""}现有条款：${ids.join("、") || "无"}。`,
      );
    } else if (!pays(i))
      cx.error(
        "E266",
        `${text}没有资助金额，不能引用它的金额`,
        r.span,
        `${text}只有权益或没有资助方式；只能引用写了 资助 … 的条款。`,
      );
  }
  for (const [e, where] of preClauseExprs(policy))
    for (const r of refsIn(policy, e))
      cx.error(
        "E263",
        `${where}中不能引用条款金额（${step(r)}金额）`,
        r.span,
        "支持对象、叠加规则、默认值、参数和案例在各条计算之前确定，不能用 第N条金额；请把它写进需要它的条款（资助、上限、条件或这些条款用到的定义）。",
      );
  const edges = clauses.map((c) =>
    c.items.flatMap((it) => itemExprs(it)).flatMap((e) => refsIn(policy, e).filter(valid)),
  );
  if (!edges.some((es) => es.length)) return undefined;
  return orderClauses(cx, clauses, edges, byKey);
}

/** Depth-first: report each cycle once (E262, with its path); the post-order is the evaluation order. */
function orderClauses(
  cx: CheckContext,
  clauses: readonly Clause[],
  edges: readonly Ref[][],
  byKey: ReadonlyMap<ClauseKey, number>,
): number[] {
  const state = new Array<0 | 1 | 2>(clauses.length).fill(0); // unvisited, on the path, done
  const order: number[] = [];
  const path: { i: number; ref?: Ref }[] = [];
  const reported = new Set<string>();
  const visit = (i: number) => {
    state[i] = 1;
    for (const r of edges[i]!) {
      const j = byKey.get(r.clause)!;
      if (state[j] === 1) {
        const from = path.findIndex((p) => p.i === j);
        const loop = [...path.slice(from + 1).map((p) => p.ref!), r];
        const key = [...new Set(loop.map((x) => String(x.clause)))].sort().join(",");
        if (reported.has(key)) continue;
        reported.add(key);
        const text = `${clauseKeyText(clauses[j]!.number)} → ${loop.map(step).join(" → ")}`;
        cx.error(
          "E262",
          i === j && loop.length === 1
            ? `${text}：条款引用了自身的金额`
            : `条款之间循环引用：${text}`,
          r.span,
          "一条的金额不能依赖它自己（直接、经其他条款或经定义）：请改为引用申报信息中的金额，或去掉其中一处引用。",
        );
      } else if (state[j] === 0) {
        path.push({ i: j, ref: r });
        visit(j);
        path.pop();
      }
    }
    state[i] = 2;
    order.push(i);
  };
  for (let i = 0; i < clauses.length; i++)
    if (state[i] === 0) {
      path.push({ i });
      visit(i);
      path.pop();
    }
  return order;
}
