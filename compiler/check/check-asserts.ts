/**
 * 断言: every clause an assertion names exists (and is named once), the compared amounts are
 * money and the 当 condition is a condition. Proving them is review/prove's work (check --prove).
 */
import type { AssertDecl, AssertOperand, Clause, ClauseRef, Policy } from "../../grammar/ast.js";
import { assertNever, itemsOf } from "../../grammar/ast.js";
import { clauseKeyText, REJECTED_CLAUSE, type ClauseKey } from "../../grammar/clause-ids.js";
import type { CheckContext } from "./context.js";
import { expectTy } from "./expr.js";
import { BOOL, MONEY } from "./types.js";

/** Check every 断言 of the policy against its clauses. */
export function checkAsserts(
  cx: CheckContext,
  policy: Policy,
  clauses: ReadonlyMap<ClauseKey, Clause>,
): void {
  const ref = (r: ClauseRef) => {
    if (!clauses.has(r.number) && r.number !== REJECTED_CLAUSE)
      cx.error(
        "E500",
        `断言引用了不存在的${clauseKeyText(r.number)}`,
        r.span,
        `现有条款：${[...clauses.keys()].map(clauseKeyText).join("、") || "无"}。`,
      );
  };
  const operand = (o: AssertOperand) => {
    switch (o.kind) {
      case "ClauseAmount":
        return ref(o.clause);
      case "TotalAmount":
        return;
      case "Value":
        expectTy(cx, o.expr, MONEY, "断言右边");
        return;
      default:
        return assertNever(o);
    }
  };
  for (const a of itemsOf(policy, "Assert")) {
    checkBody(cx, a, ref, operand);
    if (a.when) expectTy(cx, a.when, BOOL, "断言的适用条件（当 之后）");
  }
}

function checkBody(
  cx: CheckContext,
  a: AssertDecl,
  ref: (r: ClauseRef) => void,
  operand: (o: AssertOperand) => void,
): void {
  const b = a.body;
  switch (b.kind) {
    case "Compare":
      operand(b.left);
      operand(b.right);
      return;
    case "Exclusive": {
      // a leading 总额 is not kept as a clause: 总额 与 第5条 lists one clause only
      if (b.clauses.length < 2)
        cx.error(
          "E502",
          "不同时适用只能列条款，总额不能与条款并列",
          a.span,
          "写作 断言 第1条 与 第5条 不同时适用。",
        );
      const seen = new Set<ClauseKey>();
      for (const c of b.clauses) {
        ref(c);
        if (seen.has(c.number))
          cx.error(
            "E501",
            `断言中${clauseKeyText(c.number)}列了两次`,
            c.span,
            "不同时适用 列出的条款各写一次。",
          );
        seen.add(c.number);
      }
      return;
    }
    default:
      return assertNever(b);
  }
}
