/**
 * Changes of declarations: 申报信息 (inputs), 参数, 定义, 分类, and the 叠加规则 section. An input
 * that gains or loses a category value, a parameter set from 待定 to a figure, a definition
 * computed differently: each is one line.
 */
import { limitWords } from "../grammar/limit-words.js";
import type {
  Expr,
  InputDecl,
  NameRef,
  ParamDecl,
  Policy,
  Stacking,
  TypeRef,
} from "../grammar/ast.js";
import { itemsOf } from "../grammar/ast.js";
import { exprToText, typeText } from "../grammar/expr-to-text.js";
import { change, type Change } from "./change.js";
import { exprChanges } from "./expr-changes.js";
import { nodeKey, sameNode } from "./normalize.js";
import { quote, valueText } from "./words.js";

const HERE = {};

function byName<T extends { name: string }>(xs: readonly T[]): Map<string, T> {
  return new Map(xs.map((x) => [x.name, x]));
}

/** Category values added and removed, as lines about `owner`. */
function valueChanges(
  owner: string,
  a: readonly NameRef[],
  b: readonly NameRef[],
  spans: { oldSpan: InputDecl["span"]; newSpan: InputDecl["span"] },
): Change[] {
  const na = new Set(a.map((v) => v.name));
  const nb = new Set(b.map((v) => v.name));
  const added = b.filter((v) => !na.has(v.name)).map((v) => v.name);
  const removed = a.filter((v) => !nb.has(v.name)).map((v) => v.name);
  const out: Change[] = [];
  if (added.length)
    out.push(
      change(HERE, "category", "rule", {
        subject: owner,
        text: `${owner} 新增可选值 ${added.join("、")}`,
        after: added.join("、"),
        ...spans,
      }),
    );
  if (removed.length)
    out.push(
      change(HERE, "category", "rule", {
        subject: owner,
        text: `${owner} 删除可选值 ${removed.join("、")}`,
        before: removed.join("、"),
        ...spans,
      }),
    );
  return out;
}

function typeChanges(
  owner: string,
  a: TypeRef,
  b: TypeRef,
  spans: { oldSpan: InputDecl["span"]; newSpan: InputDecl["span"] },
): Change[] {
  if (nodeKey(a) === nodeKey(b)) return [];
  if (a.kind === "enum" && b.kind === "enum") return valueChanges(owner, a.values, b.values, spans);
  return [
    change(HERE, "input-type", "rule", {
      subject: `${owner} 类型`,
      before: typeText(a),
      after: typeText(b),
      ...spans,
    }),
  ];
}

function declChanges<T extends InputDecl | ParamDecl>(
  what: string,
  olds: readonly T[],
  news: readonly T[],
  value: (d: T) => Expr | undefined,
  valueWord: string,
  unset: string,
): Change[] {
  const out: Change[] = [];
  const ma = byName(olds);
  const mb = byName(news);
  const added = what === "参数" ? "param" : "input-added";
  const removed = what === "参数" ? "param" : "input-removed";
  for (const b of news) {
    const a = ma.get(b.name);
    if (!a) {
      out.push(
        change(HERE, added, "rule", {
          subject: `新增${what}`,
          text: `新增${what}：${b.name}（${typeText(b.type)}）`,
          after: b.name,
          newSpan: b.span,
        }),
      );
      continue;
    }
    const spans = { oldSpan: a.span, newSpan: b.span };
    out.push(...typeChanges(`${what} ${b.name}`, a.type, b.type, spans));
    const va = value(a);
    const vb = value(b);
    if (!(va && vb ? sameNode(va, vb) : !va && !vb))
      out.push(
        change(HERE, what === "参数" ? "param" : "input-default", "rule", {
          subject: `${what} ${b.name} ${valueWord}`.trim(),
          before: va ? valueText(va) : unset,
          after: vb ? valueText(vb) : unset,
          ...spans,
        }),
      );
    if ((a.description ?? "") !== (b.description ?? ""))
      out.push(
        change(HERE, "description", "text", {
          subject: `${what} ${b.name} 说明`,
          before: a.description ? quote(a.description) : "（无）",
          after: b.description ? quote(b.description) : "（无）",
          ...spans,
        }),
      );
  }
  for (const a of olds)
    if (!mb.has(a.name))
      out.push(
        change(HERE, removed, "rule", {
          subject: `删除${what}`,
          text: `删除${what}：${a.name}`,
          before: a.name,
          oldSpan: a.span,
        }),
      );
  return out;
}

function defineChanges(a: Policy, b: Policy): Change[] {
  const out: Change[] = [];
  const ma = byName(itemsOf(a, "Define"));
  const mb = byName(itemsOf(b, "Define"));
  for (const [name, db] of mb) {
    const da = ma.get(name);
    if (!da)
      out.push(
        change(HERE, "define", "rule", {
          subject: "新增定义",
          text: `新增定义：${name} = ${exprToText(db.expr)}`,
          after: exprToText(db.expr),
          newSpan: db.span,
        }),
      );
    else
      out.push(
        ...exprChanges(HERE, "define", `定义 ${name}`, da.expr, db.expr, {
          oldSpan: da.span,
          newSpan: db.span,
        }),
      );
  }
  for (const [name, da] of ma)
    if (!mb.has(name))
      out.push(
        change(HERE, "define", "rule", {
          subject: "删除定义",
          text: `删除定义：${name}`,
          before: exprToText(da.expr),
          oldSpan: da.span,
        }),
      );
  return out;
}

function categoryChanges(a: Policy, b: Policy): Change[] {
  const out: Change[] = [];
  const ma = byName(itemsOf(a, "Category"));
  const mb = byName(itemsOf(b, "Category"));
  for (const [name, cb] of mb) {
    const ca = ma.get(name);
    if (!ca)
      out.push(
        change(HERE, "category", "rule", {
          subject: "新增分类",
          text: `新增分类：${name}（${cb.values.map((v) => v.name).join("、")}）`,
          newSpan: cb.span,
        }),
      );
    else
      out.push(
        ...valueChanges(`分类 ${name}`, ca.values, cb.values, {
          oldSpan: ca.span,
          newSpan: cb.span,
        }),
      );
  }
  for (const [name, ca] of ma)
    if (!mb.has(name))
      out.push(
        change(HERE, "category", "rule", {
          subject: "删除分类",
          text: `删除分类：${name}`,
          oldSpan: ca.span,
        }),
      );
  return out;
}

/** The policy-wide limits of 叠加规则, added, removed or changed, by their words. */
function policyLimitChanges(a: Stacking | undefined, b: Stacking | undefined): Change[] {
  const place = { clause: "叠加规则" };
  const words = (s?: Stacking) =>
    new Map(
      (s?.items ?? []).flatMap((i) =>
        i.kind === "Limit"
          ? [
              [
                limitWords(
                  i.limit,
                  i.limit.scope ?? (i.limit.kind === "Quota" ? "policy" : "applicant"),
                ),
                i,
              ] as const,
            ]
          : [],
      ),
    );
  const wa = words(a);
  const wb = words(b);
  const out: Change[] = [];
  for (const [w, i] of wa)
    if (!wb.has(w))
      out.push(
        change(place, "stacking", "rule", {
          subject: "本政策限额",
          text: `取消 ${w}`,
          before: w,
          oldSpan: i.span,
        }),
      );
  for (const [w, i] of wb)
    if (!wa.has(w))
      out.push(
        change(place, "stacking", "rule", {
          subject: "本政策限额",
          text: `新增 ${w}`,
          after: w,
          newSpan: i.span,
        }),
      );
  return out;
}

function stackingChanges(a: Stacking | undefined, b: Stacking | undefined): Change[] {
  const place = { clause: "叠加规则" };
  const out: Change[] = [];
  const hi = (s?: Stacking) => !!s?.items.some((i) => i.kind === "HighestOnly");
  const spans = { ...(a ? { oldSpan: a.span } : {}), ...(b ? { newSpan: b.span } : {}) };
  if (hi(a) !== hi(b))
    out.push(
      change(place, "stacking", "rule", {
        subject: "从高不重复",
        text: hi(b) ? "新增 从高不重复（同一项目只按金额最高的一条资助）" : "取消 从高不重复",
        ...spans,
      }),
    );
  out.push(...policyLimitChanges(a, b));
  const deduct = (s?: Stacking) => s?.items.find((i) => i.kind === "Deduct");
  const da = deduct(a);
  const db = deduct(b);
  if (da && db && da.kind === "Deduct" && db.kind === "Deduct")
    out.push(...exprChanges(place, "stacking", "扣除", da.value, db.value));
  else if (da?.kind === "Deduct" || db?.kind === "Deduct") {
    const x = da?.kind === "Deduct" ? exprToText(da.value) : undefined;
    const y = db?.kind === "Deduct" ? exprToText(db.value) : undefined;
    out.push(
      change(place, "stacking", "rule", {
        subject: "扣除",
        text: y ? `新增扣除：${y}` : `取消扣除：${x}`,
        ...(x ? { before: x } : {}),
        ...(y ? { after: y } : {}),
        ...spans,
      }),
    );
  }
  return out;
}

function caseChanges(a: Policy, b: Policy): Change[] {
  const out: Change[] = [];
  const ma = byName(itemsOf(a, "Case").map((c) => ({ ...c, name: c.title })));
  const mb = byName(itemsOf(b, "Case").map((c) => ({ ...c, name: c.title })));
  for (const [title, cb] of mb) {
    const ca = ma.get(title);
    if (!ca)
      out.push(
        change(HERE, "case", "case", {
          subject: "新增案例",
          text: `新增案例 “${title}”`,
          newSpan: cb.span,
        }),
      );
    else if (nodeKey(ca) !== nodeKey(cb))
      out.push(
        change(HERE, "case", "case", {
          subject: "修改案例",
          text: `修改案例 “${title}”`,
          oldSpan: ca.span,
          newSpan: cb.span,
        }),
      );
  }
  for (const [title, ca] of ma)
    if (!mb.has(title))
      out.push(
        change(HERE, "case", "case", {
          subject: "删除案例",
          text: `删除案例 “${title}”`,
          oldSpan: ca.span,
        }),
      );
  return out;
}

/** Changes of inputs, parameters, definitions, categories, stacking and cases between two policies. */
export function declarationChanges(a: Policy, b: Policy): Change[] {
  const inputs = (p: Policy) => itemsOf(p, "Inputs").flatMap((s) => s.decls);
  const params = (p: Policy) => itemsOf(p, "Params").flatMap((s) => s.decls);
  return [
    ...declChanges("申报信息", inputs(a), inputs(b), (d) => d.default, "默认值", "（无默认值）"),
    ...declChanges("参数", params(a), params(b), (d) => d.value, "", "待定"),
    ...defineChanges(a, b),
    ...categoryChanges(a, b),
    ...stackingChanges(itemsOf(a, "Stacking")[0], itemsOf(b, "Stacking")[0]),
    ...caseChanges(a, b),
  ];
}
