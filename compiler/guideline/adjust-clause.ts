/**
 * policy clause + the guideline's adjustments → the effective clause. A guideline may add
 * conditions and exclusions, replace the 原文, and lower the award (ratio, amount), caps, annual
 * caps and quotas; it may raise them only where a 例外 says why. Anything else is an error.
 */
import { Dec } from "../../runtime/money.js";
import {
  assertNever,
  type Clause,
  type ClauseItem,
  type Expr,
  type Span,
} from "../../grammar/ast.js";
import { diag, type Diagnostic } from "../../grammar/diagnostics.js";
import { clauseItemDoc } from "../format/ast-to-units.js";
import { printDoc } from "../format/format.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import type { Provenance } from "./provenance.js";

type Cmp = "lower" | "same" | "higher" | "unknown";

const itemText = (it: ClauseItem) => printDoc(clauseItemDoc(it), 1000);

/** How a guideline's figure compares with the policy's (tables row by row). */
export function compareFigures(next: Expr, prev: Expr): Cmp {
  const num = (e: Expr) =>
    e.kind === "Money" || e.kind === "Percent" || e.kind === "Number" ? new Dec(e.value) : null;
  const a = num(next);
  const b = num(prev);
  if (a && b && next.kind === prev.kind) return a.gt(b) ? "higher" : a.eq(b) ? "same" : "lower";
  if (next.kind === "Table" && prev.kind === "Table") {
    const keyOf = (keys: readonly { name: string }[]) => keys.map((k) => k.name).join(" ");
    const old = new Map(prev.rows.map((r) => [keyOf(r.keys), r.value]));
    let out: Cmp = "same";
    for (const r of next.rows) {
      const o = old.get(keyOf(r.keys));
      const c = o ? compareFigures(r.value, o) : "unknown";
      if (c === "unknown" || c === "higher") return c;
      if (c === "lower") out = "lower";
    }
    return out;
  }
  return "unknown";
}

/** Whether two figures have the same shape (both plain amounts, or tables over the same keys). */
function sameShape(a: Expr, b: Expr): boolean {
  if (a.kind === "Table" && b.kind === "Table")
    return a.keys.map((k) => exprToText(k)).join() === b.keys.map((k) => exprToText(k)).join();
  return a.kind !== "Table" && b.kind !== "Table";
}

/** What one adjustment needs to know and where it reports. */
export interface AdjustContext {
  readonly exception?: string;
  readonly diagnostics: Diagnostic[];
  readonly provenance: Provenance[];
  /** The policy clause's line numbers are those of the policy file. */
  readonly label: string;
}

/** Check that a guideline figure does not exceed the policy's, unless 例外. */
function checkLowered(cx: AdjustContext, what: string, next: Expr, prev: Expr, span: Span): void {
  const c = compareFigures(next, prev);
  if (c === "higher" && !cx.exception)
    cx.diagnostics.push(
      diag(
        "error",
        "E402",
        `申报指南不得提高${cx.label}的${what}：政策为 ${exprToText(prev)}，指南为 ${exprToText(next)}`,
        span,
        `申报指南只能降低标准；确需提高的，另写一行 例外 ${cx.label} “依据”，说明批准的文件或会议。`,
      ),
    );
  if (c === "unknown")
    cx.diagnostics.push(
      diag(
        "error",
        "E410",
        `${cx.label}的${what}无法与政策比较：${exprToText(next)}`,
        span,
        "申报指南中的比例、金额和上限请写具体数值（表格须与政策按同样的类别分列）。",
      ),
    );
}

/** Apply the guideline's items for one clause to the policy's clause. */
export function adjustClause(policy: Clause, adj: Clause, cx: AdjustContext): Clause {
  let items: { item: ClauseItem; fromGuideline: boolean; replaced?: string }[] = policy.items.map(
    (item) => ({ item, fromGuideline: false }),
  );
  const replace = (i: number, item: ClauseItem) => {
    items[i] = { item, fromGuideline: true, replaced: itemText(items[i]!.item) };
  };
  for (const it of adj.items) {
    switch (it.kind) {
      case "Source":
        items = items.filter((x) => x.item.kind !== "Source");
        items.unshift({ item: it, fromGuideline: true });
        break;
      case "Condition":
      case "Exclude":
      case "Window":
        items.push({ item: it, fromGuideline: true });
        break;
      case "Once":
        if (!items.some((x) => x.item.kind === "Once"))
          items.push({ item: it, fromGuideline: true });
        break;
      case "Award": {
        const i = items.findIndex((x) => x.item.kind === "Award");
        const prev = items[i]?.item;
        if (!prev || prev.kind !== "Award") {
          cx.diagnostics.push(
            diag(
              "error",
              "E415",
              `政策${cx.label}没有资助方式，申报指南无从调整`,
              it.span,
              "删除这一行。",
            ),
          );
          break;
        }
        const a = it.form;
        const b = prev.form;
        if (a.kind === "Ratio" && b.kind === "Ratio") {
          if (exprToText(a.base) !== exprToText(b.base))
            cx.diagnostics.push(
              diag(
                "error",
                "E403",
                `申报指南不能改变${cx.label}的资助基数（政策为 ${exprToText(b.base)}）`,
                it.span,
                `基数写作 ${exprToText(b.base)}，只调整比例。`,
              ),
            );
          checkLowered(cx, "资助比例", a.ratio, b.ratio, it.span);
        } else if ((a.kind === "Fixed" || a.kind === "UpTo") && a.kind === b.kind) {
          checkLowered(cx, "资助金额", a.amount, b.amount, it.span);
        } else {
          cx.diagnostics.push(
            diag(
              "error",
              "E403",
              `申报指南不能改变${cx.label}的资助方式`,
              it.span,
              "资助方式须与政策相同（比例资助只调整比例，定额或最高额只调整金额）。",
            ),
          );
        }
        replace(i, { ...prev, form: it.form, span: it.span });
        break;
      }
      case "Step": {
        if (it.step !== "cap" || it.including || it.when) {
          cx.diagnostics.push(
            diag(
              "error",
              "E403",
              "申报指南不能增改 就高、就低、补差 或附条件的上限",
              it.span,
              "申报指南只写上限的新数值（上限 150万），政策中的配套与合计规则保持不变；如需修改请修订政策。",
            ),
          );
          break;
        }
        let matched = false;
        items.forEach((x, i) => {
          const p = x.item;
          if (p.kind !== "Step" || p.step !== "cap" || !sameShape(it.value, p.value)) return;
          if (!matched) checkLowered(cx, "上限", it.value, p.value, it.span);
          matched = true;
          replace(i, { ...p, value: it.value, span: it.span });
        });
        if (!matched) items.push({ item: it, fromGuideline: true });
        break;
      }
      case "AnnualCap":
      case "TotalCap":
      case "Quota":
      case "PerYearLimit": {
        const i = items.findIndex((x) => x.item.kind === it.kind);
        const prev = items[i]?.item;
        if (prev && prev.kind === it.kind) {
          if ((it.kind === "AnnualCap" || it.kind === "TotalCap") && "value" in prev)
            checkLowered(
              cx,
              it.kind === "AnnualCap" ? "年度累计上限" : "累计上限",
              it.value,
              prev.value as Expr,
              it.span,
            );
          if (
            (it.kind === "Quota" || it.kind === "PerYearLimit") &&
            "count" in prev &&
            it.count > prev.count &&
            !cx.exception
          )
            cx.diagnostics.push(
              diag(
                "error",
                "E402",
                `申报指南不得提高${cx.label}的${it.kind === "Quota" ? "名额" : "每年限报项数"}：政策为 ${prev.count}，指南为 ${it.count}`,
                it.span,
                `申报指南只能减少；确需增加的，写 例外 ${cx.label} “依据”。`,
              ),
            );
          replace(i, it);
        } else items.push({ item: it, fromGuideline: true });
        break;
      }
      // What a guideline may not write in a clause (listed, so a new kind of item must be placed).
      case "YearsLimit":
      case "Stackable":
      case "Beneficiary":
      case "Payer":
      case "Benefit":
      case "Payment":
      case "Paid":
        cx.diagnostics.push(
          diag(
            "error",
            "E403",
            `申报指南不能在${cx.label}中写“${itemText(it).split(" ")[0]}”`,
            it.span,
            "申报指南可以：增加 条件、排除，降低比例、金额、上限、名额，写 原文、一次性、申报期；其他规则请修订政策。",
          ),
        );
        break;
      default:
        assertNever(it);
    }
  }
  for (const x of items)
    cx.provenance.push({
      subject: `${cx.label} ${itemText(x.item).split(" ")[0]}`,
      value: itemText(x.item).replace(/^\S+\s*/, ""),
      origin: x.fromGuideline ? "guideline" : "policy",
      line: x.item.span.line,
      ...(x.replaced !== undefined ? { replaced: x.replaced.replace(/^\S+\s*/, "") } : {}),
      ...(x.fromGuideline && cx.exception ? { exception: cx.exception } : {}),
    });
  return { ...policy, items: items.map((x) => x.item) };
}
