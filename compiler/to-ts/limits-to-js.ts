/**
 * Limits that name their scope (同一项目, 单个企业, 全部企业) → code that asks the runtime for the
 * prior awards within that scope. Limits written without a scope keep the code of
 * clause-to-js.ts (per applicant, and per policy for 名额), so their behaviour is unchanged.
 */
import type { ClauseItem, LimitScope } from "../../grammar/ast.js";
import { lit, type Writer } from "./emit.js";
import type { ExprGen } from "./expr-to-js.js";

type Check = Extract<ClauseItem, { kind: "Once" | "PerYearLimit" | "Quota" }>;
type Cap = Extract<ClauseItem, { kind: "AnnualCap" | "TotalCap" }>;

/** The drafter's word for a scope, as the reference and the formatter write it. */
export const SCOPE_WORD: Readonly<Record<LimitScope, string>> = {
  project: "同一项目",
  applicant: "单个企业",
  policy: "全部企业",
};

/** An eligibility check (一次性, 每年限 N 项, 名额) within a scope; `n` is the clause number. */
export function emitScopedCheck(g: ExprGen, w: Writer, it: Check, scope: LimitScope, n: number) {
  const H = (s: string) => g.h.str(s);
  const who = `rt.scopeText(ctx, ${lit(scope)})`;
  switch (it.kind) {
    case "Once":
      w.open("");
      w.line(`const first = rt.firstScoped(ctx, ${lit(scope)}, ${n});`);
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
      w.line(`const used = rt.countScoped(ctx, ${lit(scope)}, ${n}, true);`);
      w.line(
        `if (used >= ${it.count}) c.fail(${H(what)} + ${who} + ${H("本年度已获本条支持 ")} + used + ${H(" 项")});`,
      );
      w.close();
      return;
    }
  }
}

/** A cumulative or per-year cap within a scope, applied to the running amount `a`. */
export function emitScopedCap(g: ExprGen, w: Writer, it: Cap, scope: LimitScope, n: number) {
  const H = (s: string) => g.h.str(s);
  const annual = it.kind === "AnnualCap";
  w.open("");
  w.line(`const cap = ${g.expr(it.value)};`);
  w.line(`const used = rt.sumScoped(ctx, ${lit(scope)}, ${n}, ${annual});`);
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
