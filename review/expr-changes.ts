/**
 * The change between two expressions of the same role, as precisely as the reviewer needs it: a
 * table keyed by category changes row by row (`市级上限 500万元 → 800万元`), graded brackets band by
 * band; anything else as a whole (`比例 30% → 25%`).
 */
import type { Expr, Span } from "../grammar/ast.js";
import { bracketLabel } from "../grammar/expr-to-text.js";
import { change, type Change, type ChangeKind, type Place } from "./change.js";
import { nodeKey, sameNode } from "./normalize.js";
import { valueText } from "./words.js";

type Table = Extract<Expr, { kind: "Table" }>;
type Brackets = Extract<Expr, { kind: "Brackets" }>;

const rowName = (keys: readonly { name: string }[]) => keys.map((k) => k.name).join("·");

function tableChanges(
  place: Place,
  kind: ChangeKind,
  subject: string,
  a: Table,
  b: Table,
): Change[] {
  const out: Change[] = [];
  const rowsA = new Map(a.rows.map((r) => [rowName(r.keys), r]));
  const rowsB = new Map(b.rows.map((r) => [rowName(r.keys), r]));
  for (const [name, rb] of rowsB) {
    const ra = rowsA.get(name);
    if (!ra)
      out.push(
        change(place, kind, "rule", {
          subject: `${name}${subject}`,
          text: `新增 ${name}${subject} ${valueText(rb.value)}`,
          after: valueText(rb.value),
          newSpan: rb.span,
        }),
      );
    else if (!sameNode(ra.value, rb.value))
      out.push(
        change(place, kind, "rule", {
          subject: `${name}${subject}`,
          before: valueText(ra.value),
          after: valueText(rb.value),
          oldSpan: ra.span,
          newSpan: rb.span,
        }),
      );
  }
  for (const [name, ra] of rowsA)
    if (!rowsB.has(name))
      out.push(
        change(place, kind, "rule", {
          subject: `${name}${subject}`,
          text: `删除 ${name}${subject} ${valueText(ra.value)}`,
          before: valueText(ra.value),
          oldSpan: ra.span,
        }),
      );
  const oa = a.otherwise;
  const ob = b.otherwise;
  if (oa || ob) {
    if (!oa || !ob || !sameNode(oa, ob))
      out.push(
        change(place, kind, "rule", {
          subject: `其他${subject}`,
          before: oa ? valueText(oa) : "（无）",
          after: ob ? valueText(ob) : "（无）",
          ...(oa ? { oldSpan: oa.span } : {}),
          ...(ob ? { newSpan: ob.span } : {}),
        }),
      );
  }
  return out;
}

function bracketChanges(
  place: Place,
  kind: ChangeKind,
  subject: string,
  a: Brackets,
  b: Brackets,
): Change[] {
  const out: Change[] = [];
  a.rows.forEach((ra, i) => {
    const rb = b.rows[i]!;
    const la = bracketLabel(ra);
    const lb = bracketLabel(rb);
    if (la !== lb && nodeKey([ra.lower, ra.upper]) !== nodeKey([rb.lower, rb.upper]))
      out.push(
        change(place, kind, "rule", {
          subject: `${subject}第${i + 1}档范围`,
          before: la,
          after: lb,
          oldSpan: ra.span,
          newSpan: rb.span,
        }),
      );
    if (!sameNode(ra.value, rb.value))
      out.push(
        change(place, kind, "rule", {
          subject: `${subject}（${lb}）`,
          before: valueText(ra.value),
          after: valueText(rb.value),
          oldSpan: ra.span,
          newSpan: rb.span,
        }),
      );
  });
  return out;
}

/** Changes between two expressions playing the role `subject` (上限, 比例 …); none if they mean the same. */
export function exprChanges(
  place: Place,
  kind: ChangeKind,
  subject: string,
  a: Expr,
  b: Expr,
  spans: { oldSpan?: Span; newSpan?: Span } = {},
): Change[] {
  if (sameNode(a, b)) return [];
  if (a.kind === "Table" && b.kind === "Table" && nodeKey(a.keys) === nodeKey(b.keys))
    return tableChanges(place, kind, subject, a, b);
  if (
    a.kind === "Brackets" &&
    b.kind === "Brackets" &&
    a.rows.length === b.rows.length &&
    sameNode(a.subject, b.subject)
  )
    return bracketChanges(place, kind, subject, a, b);
  return [
    change(place, kind, "rule", {
      subject,
      before: valueText(a),
      after: valueText(b),
      oldSpan: spans.oldSpan ?? a.span,
      newSpan: spans.newSpan ?? b.span,
    }),
  ];
}
