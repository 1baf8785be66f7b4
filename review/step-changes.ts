/**
 * The steps applied to an amount (上限, 就高, 就低, 补差) compared in order: their order matters,
 * so a reordering is a change of its own. Steps of the same kind and scope are paired and their
 * values compared (`市级上限 500万元 → 800万元`).
 */
import type { ClauseItem } from "../grammar/ast.js";
import { change, type Change, type Place } from "./change.js";
import { exprChanges } from "./expr-changes.js";
import { nodeKey } from "./normalize.js";
import { stepWord } from "../grammar/words.js";
import { stepQualifier, valueText } from "./words.js";

type Step = Extract<ClauseItem, { kind: "Step" }>;

const scopeKey = (s: Step) =>
  `${s.step}|${nodeKey(s.including ?? null)}|${nodeKey(s.when ?? null)}`;
const label = (s: Step) => `${stepWord(s.step)}${stepQualifier(s)}`;

/** Changes among the steps of two item lists. */
export function stepChanges(
  place: Place,
  olds: readonly ClauseItem[],
  news: readonly ClauseItem[],
): Change[] {
  const a = olds.filter((x): x is Step => x.kind === "Step");
  const b = news.filter((x): x is Step => x.kind === "Step");
  const ka = a.map((x) => nodeKey(x));
  const kb = b.map((x) => nodeKey(x));
  if (ka.join("\n") === kb.join("\n")) return [];
  if ([...ka].sort().join("\n") === [...kb].sort().join("\n")) {
    return [
      change(place, "step-order", "rule", {
        subject: "计算步骤顺序",
        before: a.map(label).join("、"),
        after: b.map(label).join("、"),
        ...(a[0] ? { oldSpan: a[0].span } : {}),
        ...(b[0] ? { newSpan: b[0].span } : {}),
      }),
    ];
  }
  // Identical steps pair first; then steps of the same kind and scope; then of the same kind.
  const freeA = new Set(a.map((_, i) => i));
  const pairs: [number, number][] = [];
  const freeB = new Set(b.map((_, i) => i));
  const pass = (same: (x: Step, y: Step) => boolean) => {
    for (const j of [...freeB]) {
      const i = [...freeA].find((i) => same(a[i]!, b[j]!));
      if (i === undefined) continue;
      pairs.push([i, j]);
      freeA.delete(i);
      freeB.delete(j);
    }
  };
  pass((x, y) => nodeKey(x) === nodeKey(y));
  pass((x, y) => scopeKey(x) === scopeKey(y));
  pass((x, y) => x.step === y.step);
  const out: Change[] = [];
  for (const [i, j] of pairs.sort((p, q) => p[1] - q[1])) {
    const x = a[i]!;
    const y = b[j]!;
    if (nodeKey(x) === nodeKey(y)) continue;
    if (scopeKey(x) !== scopeKey(y))
      out.push(
        change(place, "step-changed", "rule", {
          subject: `${stepWord(y.step)}的适用范围`,
          before: label(x),
          after: label(y),
          oldSpan: x.span,
          newSpan: y.span,
        }),
      );
    out.push(
      ...exprChanges(place, y.step === "cap" ? "cap" : "step-changed", label(y), x.value, y.value, {
        oldSpan: x.span,
        newSpan: y.span,
      }),
    );
  }
  for (const j of freeB) {
    const y = b[j]!;
    out.push(
      change(place, "step-added", "rule", {
        subject: `新增${label(y)}`,
        text: `新增${label(y)} ${valueText(y.value)}`,
        after: valueText(y.value),
        newSpan: y.span,
      }),
    );
  }
  for (const i of freeA) {
    const x = a[i]!;
    out.push(
      change(place, "step-removed", "rule", {
        subject: `删除${label(x)}`,
        text: `删除${label(x)} ${valueText(x.value)}`,
        before: valueText(x.value),
        oldSpan: x.span,
      }),
    );
  }
  return out;
}
