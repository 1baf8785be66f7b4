/**
 * Grammar rules for clauses (第N条), 支持对象 and 叠加规则: conditions, awards, caps and steps.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { DeclParser } from "./parse-decls.js";
import * as T from "./tokens.js";

const { KW } = T;

export class ClauseParser extends DeclParser {
  eligibility = this.RULE("eligibility", (): A.Eligibility => {
    const start = this.CONSUME(KW.Eligibility);
    const items: A.ClauseItem[] = [];
    this.MANY(() => {
      const it = this.SUBRULE(this.clauseItem);
      this.ACTION(() => it && items.push(it));
    });
    return this.ACTION(() => ({ kind: "Eligibility", items, span: this.sp(start) }));
  });

  stacking = this.RULE("stacking", (): A.Stacking => {
    const start = this.CONSUME(KW.Stacking);
    const items: A.StackingItem[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const t = this.CONSUME(KW.HighestOnly);
            this.ACTION(() => items.push({ kind: "HighestOnly", span: this.tokSpan(t) }));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(KW.Deduct);
            const value = this.SUBRULE(this.expr);
            this.ACTION(() => items.push({ kind: "Deduct", value, span: this.sp(t) }));
          },
        },
        {
          ALT: () => {
            const start = this.LA(1);
            const limit = this.SUBRULE(this.scopedLimit) as A.LimitItem;
            this.ACTION(() => items.push({ kind: "Limit", limit, span: this.sp(start) }));
          },
        },
      ]);
      this.sep(1);
    });
    return this.ACTION(() => ({ kind: "Stacking", items, span: this.sp(start) }));
  });

  clause = this.RULE("clause", (): A.Clause => {
    const no = this.CONSUME(T.ClauseNo);
    let title = "";
    this.OPTION(() => (title = this.payload<string>(this.CONSUME(T.Title))));
    const items: A.ClauseItem[] = [];
    this.MANY(() => {
      const it = this.SUBRULE(this.clauseItem);
      this.ACTION(() => it && items.push(it));
    });
    return this.ACTION(() => ({
      kind: "Clause",
      number: this.payload<A.ClauseKey>(no) ?? 0,
      label: no.image,
      title,
      items,
      labelSpan: this.tokSpan(no),
      span: this.sp(no),
    }));
  });

  clauseItem = this.RULE("clauseItem", (): A.ClauseItem => {
    const start = this.LA(1);
    const simple = (
      kind: "Source" | "Stackable" | "Beneficiary" | "Benefit",
      tok: IToken,
    ): A.ClauseItem =>
      this.ACTION(() => {
        const text = this.payload<string>(tok);
        const span = this.sp(start);
        if (kind === "Source") return { kind, text, span };
        if (kind === "Benefit") return { kind, text, span };
        if (kind === "Stackable") return { kind, with: text, span };
        return { kind, who: text, span };
      });
    const item = this.OR([
      { ALT: () => (this.CONSUME(KW.Source), simple("Source", this.CONSUME(T.Str))) },
      { ALT: () => (this.CONSUME(KW.Stackable), simple("Stackable", this.CONSUME3(T.Str))) },
      { ALT: () => (this.CONSUME(KW.Beneficiary), simple("Beneficiary", this.CONSUME4(T.Str))) },
      { ALT: () => (this.CONSUME(KW.Benefit), simple("Benefit", this.CONSUME5(T.Str))) },
      {
        ALT: () => {
          this.CONSUME(KW.Payer);
          const who = this.SUBRULE(this.payerName);
          return this.ACTION(() => ({ kind: "Payer", who, span: this.sp(start) }) as A.ClauseItem);
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Condition);
          const expr = this.SUBRULE(this.expr);
          let unless: A.Expr | undefined;
          this.OPTION(() => {
            this.CONSUME(KW.Unless);
            unless = this.SUBRULE2(this.expr);
          });
          return this.ACTION(
            () =>
              ({
                kind: "Condition",
                expr,
                ...(unless ? { unless } : {}),
                span: this.sp(start),
              }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Exclude);
          const expr = this.SUBRULE3(this.expr);
          let reason: string | undefined;
          this.OPTION2(() => {
            const r = this.CONSUME2(T.Str);
            this.ACTION(() => (reason = this.payload<string>(r)));
          });
          return this.ACTION(
            () =>
              ({
                kind: "Exclude",
                expr,
                ...(reason ? { reason } : {}),
                span: this.sp(start),
              }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          const w = this.CONSUME(KW.Award);
          const form = this.SUBRULE(this.awardForm);
          return this.ACTION(
            () => ({ kind: "Award", form, word: w.image, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      { ALT: () => this.SUBRULE(this.stepItem) },
      { ALT: () => this.SUBRULE(this.scopedLimit) },
      {
        ALT: () => {
          const consecutive = this.OR2([
            { ALT: () => (this.CONSUME(KW.ConsecutiveYears), true) },
            { ALT: () => (this.CONSUME(KW.YearsSinceFirst), false) },
          ]);
          const years = this.SUBRULE3(this.countWithUnit);
          return this.ACTION(
            () =>
              ({ kind: "YearsLimit", years, consecutive, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.AnnualCap);
          const value = this.SUBRULE4(this.expr);
          return this.ACTION(
            () => ({ kind: "AnnualCap", value, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.TotalCap);
          const value = this.SUBRULE5(this.expr);
          return this.ACTION(
            () => ({ kind: "TotalCap", value, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => (
          this.CONSUME(KW.Once),
          this.ACTION(() => ({ kind: "Once", span: this.sp(start) }) as A.ClauseItem)
        ),
      },
      {
        ALT: () => {
          this.CONSUME(KW.PerYearLimit);
          const n = this.SUBRULE(this.countWithUnit);
          return this.ACTION(
            () => ({ kind: "PerYearLimit", count: n, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Quota);
          this.OPTION4(() => this.CONSUME(KW.Yearly));
          const n = this.SUBRULE2(this.countWithUnit);
          return this.ACTION(
            () => ({ kind: "Quota", count: n, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Payment);
          const table = this.SUBRULE(this.table);
          return this.ACTION(
            () => ({ kind: "Payment", table, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Paid);
          const value = this.SUBRULE6(this.expr);
          return this.ACTION(() => ({ kind: "Paid", value, span: this.sp(start) }) as A.ClauseItem);
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Window);
          const from = this.CONSUME(T.DateTok);
          this.CONSUME(KW.To);
          const to = this.CONSUME2(T.DateTok);
          return this.ACTION(
            () =>
              ({
                kind: "Window",
                from: this.payload<string>(from),
                to: this.payload<string>(to),
                span: this.sp(start),
              }) as A.ClauseItem,
          );
        },
      },
    ]);
    this.sep(5);
    return item;
  });

  /** 上限 / 就高 / 就低 / 补差, each with an optional `当 条件`. */
  stepItem = this.RULE("stepItem", (): A.ClauseItem => {
    const start = this.LA(1);
    let including: A.Expr | undefined;
    const picked = this.OR([
      {
        ALT: () => {
          this.CONSUME(KW.Cap);
          const v = this.SUBRULE(this.expr);
          this.OPTION(() => {
            this.CONSUME(KW.Including);
            including = this.SUBRULE2(this.expr);
          });
          return ["cap", v] as [A.StepKind, A.Expr];
        },
      },
      {
        // `就高（甲，乙）` on its own line: the higher of the amount so far and every argument.
        GATE: () => this.callLineAt(1),
        ALT: () => {
          const call = this.SUBRULE(this.call);
          return this.ACTION(() => {
            const c = call as Extract<A.Expr, { kind: "Call" }>;
            const step: A.StepKind = c.fn === "min" ? "min" : "max";
            return [step, c.args.length === 1 ? c.args[0]! : c] as [A.StepKind, A.Expr];
          });
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        ALT: () => (
          this.CONSUME(KW.TakeHigher),
          ["max", this.SUBRULE3(this.expr)] as [A.StepKind, A.Expr]
        ),
      },
      {
        ALT: () => (
          this.CONSUME(KW.TakeLower),
          ["min", this.SUBRULE4(this.expr)] as [A.StepKind, A.Expr]
        ),
      },
      {
        ALT: () => (
          this.CONSUME(KW.TopUp),
          ["topUp", this.SUBRULE5(this.expr)] as [A.StepKind, A.Expr]
        ),
      },
    ]);
    let when: A.Expr | undefined;
    this.OPTION2(() => {
      this.CONSUME(KW.When);
      when = this.SUBRULE6(this.expr);
    });
    return this.ACTION(() => ({
      kind: "Step",
      step: picked[0],
      value: picked[1],
      ...(including ? { including } : {}),
      ...(when ? { when } : {}),
      span: this.sp(start),
    }));
  });

  /** A limit with its scope first: `同一项目 累计上限 500万`, `单个企业 每年限 1 项`. */
  scopedLimit = this.RULE("scopedLimit", (): A.ClauseItem => {
    const start = this.LA(1);
    const scope = this.SUBRULE(this.limitScope);
    const item = this.OR([
      {
        ALT: () => {
          this.CONSUME(KW.AnnualCap);
          const value = this.SUBRULE(this.expr);
          return { kind: "AnnualCap", value } as const;
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.TotalCap);
          const value = this.SUBRULE2(this.expr);
          return { kind: "TotalCap", value } as const;
        },
      },
      { ALT: () => (this.CONSUME(KW.Once), { kind: "Once" } as const) },
      {
        ALT: () => {
          this.CONSUME(KW.PerYearLimit);
          return { kind: "PerYearLimit", count: this.SUBRULE(this.countWithUnit) } as const;
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Quota);
          this.OPTION(() => this.CONSUME(KW.Yearly));
          return { kind: "Quota", count: this.SUBRULE2(this.countWithUnit) } as const;
        },
      },
    ]);
    return this.ACTION(() => ({ ...item, scope, span: this.sp(start) }) as A.ClauseItem);
  });

  /** 同一项目 / 单个企业 / 全部企业. */
  limitScope = this.RULE("limitScope", (): A.LimitScope =>
    this.OR([
      { ALT: () => (this.CONSUME(KW.ScopeProject), "project" as const) },
      { ALT: () => (this.CONSUME(KW.ScopeApplicant), "applicant" as const) },
      { ALT: () => (this.CONSUME(KW.ScopePolicy), "policy" as const) },
    ]),
  );

  /** `20`, `20个`, or `20 个` on the same line. */
  countWithUnit = this.RULE("countWithUnit", (): number => {
    const n = this.CONSUME(T.Num);
    this.OPTION({
      GATE: () =>
        this.LA(1).tokenType === T.Name &&
        this.LA(1).startLine === n.endLine &&
        this.LA(1).image.length <= 2,
      DEF: () => this.CONSUME(T.Name),
    });
    return this.ACTION(() => Number(this.payload<T.NumberPayload>(n)?.value ?? 0));
  });

  awardForm = this.RULE("awardForm", (): A.AwardForm =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(KW.Ratio);
          const ratio = this.SUBRULE(this.expr);
          this.CONSUME(KW.Base);
          const base = this.SUBRULE2(this.expr);
          return { kind: "Ratio", ratio, base } as A.AwardForm;
        },
      },
      {
        ALT: () => (
          this.CONSUME(KW.Fixed),
          { kind: "Fixed", amount: this.SUBRULE3(this.expr) } as A.AwardForm
        ),
      },
      {
        ALT: () => (
          this.CONSUME(KW.UpTo),
          { kind: "UpTo", amount: this.SUBRULE4(this.expr) } as A.AwardForm
        ),
      },
      {
        ALT: () => (
          this.CONSUME(KW.Compute),
          { kind: "Compute", amount: this.SUBRULE5(this.expr) } as A.AwardForm
        ),
      },
      { ALT: () => (this.CONSUME(KW.CaseByCase), { kind: "CaseByCase" } as A.AwardForm) },
    ]),
  );
}
