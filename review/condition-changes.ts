/**
 * Conditions and exclusions of a clause (or of 支持对象) compared as sets: all must hold, so their
 * order does not matter. A condition rewritten on the same figures is reported as changed.
 */
import type { ClauseItem, Expr } from "../grammar/ast.js";
import { exprToText } from "../grammar/expr-to-text.js";
import { namesIn } from "../compiler/walk.js";
import { change, type Change, type Place } from "./change.js";
import { nodeKey } from "./normalize.js";
import { quote } from "./words.js";

type Condition = Extract<ClauseItem, { kind: "Condition" }>;
type Exclude = Extract<ClauseItem, { kind: "Exclude" }>;

const condText = (c: Condition) =>
  `${exprToText(c.expr)}${c.unless ? `（除非 ${exprToText(c.unless)}）` : ""}`;
const exclText = (c: Exclude) =>
  `${exprToText(c.expr)}${c.reason ? ` ${quote(c.reason, 40)}` : ""}`;

const names = (e: Expr) => new Set(namesIn(e).map((n) => n.name));
const overlap = (a: Expr, b: Expr) => {
  const nb = names(b);
  return [...names(a)].some((n) => nb.has(n));
};

/** Set difference on meaning keys, then pairing of what is left by the figures it mentions. */
function setDiff<T extends Condition | Exclude>(
  olds: readonly T[],
  news: readonly T[],
): { added: T[]; removed: T[]; changed: [T, T][] } {
  const left = [...olds];
  const added: T[] = [];
  for (const b of news) {
    const i = left.findIndex((a) => nodeKey(a) === nodeKey(b));
    if (i >= 0) left.splice(i, 1);
    else added.push(b);
  }
  const changed: [T, T][] = [];
  const removed: T[] = [];
  for (const a of left) {
    const j = added.findIndex((b) => overlap(a.expr, b.expr));
    if (j >= 0) changed.push([a, added.splice(j, 1)[0]!]);
    else removed.push(a);
  }
  return { added, removed, changed };
}

/** Changes among the conditions (条件) and exclusions (排除) of two item lists. */
export function conditionChanges(
  place: Place,
  olds: readonly ClauseItem[],
  news: readonly ClauseItem[],
): Change[] {
  const out: Change[] = [];
  const cond = (xs: readonly ClauseItem[]) =>
    xs.filter((x): x is Condition => x.kind === "Condition");
  const excl = (xs: readonly ClauseItem[]) => xs.filter((x): x is Exclude => x.kind === "Exclude");
  const c = setDiff(cond(olds), cond(news));
  for (const [a, b] of c.changed)
    out.push(
      change(place, "condition-changed", "rule", {
        subject: "条件",
        text: `条件 ${condText(a)} → ${condText(b)}`,
        before: condText(a),
        after: condText(b),
        oldSpan: a.span,
        newSpan: b.span,
      }),
    );
  for (const b of c.added)
    out.push(
      change(place, "condition-added", "rule", {
        subject: "新增条件",
        text: `新增条件：${condText(b)}`,
        after: condText(b),
        newSpan: b.span,
      }),
    );
  for (const a of c.removed)
    out.push(
      change(place, "condition-removed", "rule", {
        subject: "删除条件",
        text: `删除条件：${condText(a)}`,
        before: condText(a),
        oldSpan: a.span,
      }),
    );
  const e = setDiff(excl(olds), excl(news));
  for (const [a, b] of e.changed)
    out.push(
      change(place, "exclusion-changed", "rule", {
        subject: "排除情形",
        text: `排除情形 ${exclText(a)} → ${exclText(b)}`,
        before: exclText(a),
        after: exclText(b),
        oldSpan: a.span,
        newSpan: b.span,
      }),
    );
  for (const b of e.added)
    out.push(
      change(place, "exclusion-added", "rule", {
        subject: "新增排除情形",
        text: `新增排除情形：${exclText(b)}`,
        after: exclText(b),
        newSpan: b.span,
      }),
    );
  for (const a of e.removed)
    out.push(
      change(place, "exclusion-removed", "rule", {
        subject: "删除排除情形",
        text: `删除排除情形：${exclText(a)}`,
        before: exclText(a),
        oldSpan: a.span,
      }),
    );
  return out;
}
