/**
 * Limits that name their scope (同一项目, 单个企业, 全部企业) → code that asks the runtime for the
 * prior awards within that scope. Limits written without a scope keep the code of
 * clause-to-js.ts (per applicant, and per policy for 名额), so their behaviour is unchanged.
 */
import type { ClauseItem, ClauseKey, LimitScope, StackingItem } from "../../grammar/ast.js";
import { limitWords } from "../../grammar/limit-words.js";
import { clauseNumberCode } from "./clause-ident.js";
import { lit, type Writer } from "./emit.js";
import type { ExprGen } from "./expr-to-js.js";

type Check = Extract<ClauseItem, { kind: "Once" | "PerYearLimit" | "Quota" }>;
type Cap = Extract<ClauseItem, { kind: "AnnualCap" | "TotalCap" }>;

/** An eligibility check (一次性, 每年限 N 项, 名额) within a scope; `n` is the clause number. */
export function emitScopedCheck(g: ExprGen, w: Writer, it: Check, scope: LimitScope, n: ClauseKey) {
  const H = (s: string) => g.h.str(s);
  const who = `rt.scopeText(ctx, ${lit(scope)})`;
  switch (it.kind) {
    case "Once":
      w.open("");
      w.line(`const first = rt.firstScoped(ctx, ${lit(scope)}, ${clauseNumberCode(n)});`);
      w.line(
        `if (first) c.fail(${H("本条为一次性支持：")} + ${who} + ${H("已于")} + rt.fmtDate(first.date) + ${H("获得")} + rt.fmtMoney(rt.dec(first.amount)));`,
      );
      w.close();
      return;
    case "PerYearLimit":
    case "Quota": {
      const what =
        it.kind === "Quota" ? `本年度名额已满（每年${it.count}个）：` : `每年限申报${it.count}项：`;
      w.open("");
      w.line(`const used = rt.countScoped(ctx, ${lit(scope)}, ${clauseNumberCode(n)}, true);`);
      w.line(
        `if (used >= ${it.count}) c.fail(${H(what)} + ${who} + ${H("本年度已获本条支持 ")} + used + ${H(" 项")});`,
      );
      w.close();
      return;
    }
  }
}

/** A cumulative or per-year cap within a scope, applied to the running amount `a`. */
export function emitScopedCap(g: ExprGen, w: Writer, it: Cap, scope: LimitScope, n: ClauseKey) {
  const H = (s: string) => g.h.str(s);
  const annual = it.kind === "AnnualCap";
  w.open("");
  w.line(`const cap = ${g.expr(it.value)};`);
  w.line(`const used = rt.sumScoped(ctx, ${lit(scope)}, ${clauseNumberCode(n)}, ${annual});`);
  w.line("const room = rt.max(rt.ZERO, cap.minus(used));");
  const label = annual ? "本年度（按自然年）已获本条资助 " : "历年已获本条资助 ";
  const capWord = annual ? "，年度累计上限 " : "，累计上限 ";
  w.line(
    `if (x) x.step(rt.scopeText(ctx, ${lit(scope)}) + ${H(label)} + rt.fmtMoney(used) + ${H(capWord)} + rt.fmtMoney(cap) + ${H("，本次至多 ")} + rt.fmtMoney(room));`,
  );
  w.open("if (a.gt(room))")
    .line("a = room;")
    .line(`if (x) x.step(${H("→ ")} + rt.fmtMoney(a), a);`)
    .close();
  w.close();
}

/** The policy-wide limits of 叠加规则 as a runtime `PolicyLimit[]` literal, or "" when none. */
export function policyLimitsJs(g: ExprGen, stacking: readonly StackingItem[]): string {
  const out: string[] = [];
  const ctxT = g.ts ? ": rt.Ctx" : "";
  for (const s of stacking) {
    if (s.kind !== "Limit") continue;
    const l = s.limit;
    const scope = l.scope ?? (l.kind === "Quota" ? "policy" : "applicant");
    const text = lit(limitWords(l, scope));
    switch (l.kind) {
      case "PerYearLimit":
      case "Quota":
        out.push(
          `{ kind: ${lit(l.kind === "Quota" ? "quota" : "perYear")}, scope: ${lit(scope)}, count: ${l.count}, text: ${text} }`,
        );
        break;
      case "Once":
        out.push(`{ kind: "once", scope: ${lit(scope)}, text: ${text} }`);
        break;
      case "TotalCap":
      case "AnnualCap":
        out.push(
          `{ kind: ${lit(l.kind === "TotalCap" ? "total" : "annual")}, scope: ${lit(scope)}, cap: (ctx${ctxT}) => { const v = ctx.v; const p = ctx.p; const x = null; void v, void p, void x; return ${g.expr(l.value)}; }, text: ${text} }`,
        );
        break;
    }
  }
  return out.length ? `[${out.join(", ")}]` : "";
}
