/**
 * tokens → AST: the policy grammar (header, declarations, clauses, cases) on top of the
 * expression rules. Chevrotain's error recovery lets one pass report several syntax errors.
 */
import type { IToken } from "chevrotain";
import type * as A from "../compiler/ast.js";
import { diag, type Diagnostic } from "../compiler/diagnostics.js";
import { parseHelp } from "./parse-errors.js";
import { ExprParser } from "./parse-expr.js";
import type { LexResult } from "./text-to-tokens.js";
import * as T from "./tokens.js";

const { KW } = T;

type Mutable<X> = { -readonly [P in keyof X]: X[P] };

class PolicyParser extends ExprParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  /** Optional punctuation between statements: drafters may end lines with ；or ，. */
  private sep(idx: number): void {
    const opt = [this.OPTION, this.OPTION2, this.OPTION3, this.OPTION4, this.OPTION5, this.OPTION6][
      idx
    ]!.bind(this);
    opt(() =>
      this.OR9([{ ALT: () => this.CONSUME9(T.Comma) }, { ALT: () => this.CONSUME9(T.Semi) }]),
    );
  }

  policy = this.RULE("policy", (): A.Policy => {
    const first = this.LA(1);
    let header: A.Header | undefined;
    const items: A.TopItem[] = [];
    this.OPTION(() => (header = this.SUBRULE(this.header)));
    this.MANY(() => {
      const item = this.SUBRULE(this.topItem);
      this.ACTION(() => item && items.push(item));
    });
    return this.ACTION(() => ({
      kind: "Policy",
      ...(header ? { header } : {}),
      items,
      comments: [],
      span: this.sp(first),
    }));
  });

  header = this.RULE("header", (): A.Header => {
    const start = this.OR([
      { ALT: () => this.CONSUME(KW.Policy!) },
      { ALT: () => this.CONSUME(KW.Guideline!) },
    ]);
    const titleTok = this.CONSUME(T.Title);
    const h: Mutable<A.Header> = this.ACTION(() => ({
      kind: "Header",
      form: start.tokenType === KW.Guideline ? "guideline" : "policy",
      title: this.payload<string>(titleTok) ?? "",
      span: this.tokSpan(start),
    }));
    const set = (f: (h: Mutable<A.Header>, v: string) => void, tok: IToken) =>
      this.ACTION(() => f(h, this.payload<string>(tok)));
    this.MANY(() => {
      this.OR2([
        { ALT: () => (this.CONSUME(KW.DocNo!), set((x, v) => (x.docNo = v), this.CONSUME(T.Str))) },
        {
          ALT: () => (
            this.CONSUME(KW.Issuer!),
            set((x, v) => (x.issuer = v), this.CONSUME3(T.Str))
          ),
        },
        {
          ALT: () => (
            this.CONSUME(KW.Published!),
            set((x, v) => (x.published = v), this.CONSUME(T.DateTok))
          ),
        },
        {
          ALT: () => (
            this.CONSUME(KW.BasedOn!),
            set((x, v) => (x.basedOn = v), this.CONSUME4(T.Str))
          ),
        },
        {
          ALT: () => {
            this.CONSUME(KW.Validity!);
            const from = this.CONSUME2(T.DateTok);
            this.CONSUME(KW.To!);
            const to = this.CONSUME3(T.DateTok);
            this.ACTION(() => {
              h.validFrom = this.payload<string>(from);
              h.validTo = this.payload<string>(to);
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Window!);
            const from = this.CONSUME4(T.DateTok);
            this.CONSUME2(KW.To!);
            const to = this.CONSUME5(T.DateTok);
            this.ACTION(
              () => (h.window = { from: this.payload<string>(from), to: this.payload<string>(to) }),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Repeal!);
            const d = this.CONSUME6(T.DateTok);
            let basis: string | undefined;
            this.OPTION(() => {
              this.CONSUME(KW.Basis!);
              const b = this.CONSUME2(T.Str);
              this.ACTION(() => (basis = this.payload<string>(b)));
            });
            this.ACTION(
              () => (h.repeal = { date: this.payload<string>(d), ...(basis ? { basis } : {}) }),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Rounding!);
            let unit: A.Rounding["unit"] = "fen";
            let mode: A.Rounding["mode"] = "halfUp";
            this.OPTION2(() =>
              this.OR3([
                { ALT: () => (this.CONSUME(KW.ToFen!), (unit = "fen")) },
                { ALT: () => (this.CONSUME(KW.ToJiao!), (unit = "jiao")) },
                { ALT: () => (this.CONSUME(KW.ToYuan!), (unit = "yuan")) },
              ]),
            );
            this.OPTION3(() =>
              this.OR4([
                { ALT: () => (this.CONSUME(KW.HalfUp!), (mode = "halfUp")) },
                { ALT: () => (this.CONSUME(KW.Down!), (mode = "down")) },
                { ALT: () => (this.CONSUME(KW.Up!), (mode = "up")) },
              ]),
            );
            this.ACTION(() => (h.rounding = { unit, mode }));
          },
        },
      ]);
      this.sep(3);
    });
    return this.ACTION(() => ({ ...h, span: this.sp(start) }));
  });

  topItem = this.RULE("topItem", (): A.TopItem =>
    this.OR([
      { ALT: () => this.SUBRULE(this.inputsSection) },
      { ALT: () => this.SUBRULE(this.paramsSection) },
      { ALT: () => this.SUBRULE(this.defineDecl) },
      { ALT: () => this.SUBRULE(this.categoryDecl) },
      { ALT: () => this.SUBRULE(this.eligibility) },
      { ALT: () => this.SUBRULE(this.stacking) },
      { ALT: () => this.SUBRULE(this.clause) },
      { ALT: () => this.SUBRULE(this.caseDecl) },
    ]),
  );

  inputsSection = this.RULE("inputsSection", (): A.InputsSection => {
    const start = this.CONSUME(KW.Inputs!);
    const decls: A.InputDecl[] = [];
    this.MANY(() => {
      const d = this.SUBRULE(this.inputDecl);
      this.ACTION(() => d && decls.push(d));
    });
    return this.ACTION(() => ({ kind: "Inputs", decls, span: this.sp(start) }));
  });

  inputDecl = this.RULE("inputDecl", (): A.InputDecl => {
    const nameTok = this.CONSUME(T.Name);
    const type = this.SUBRULE(this.typeRef);
    let def: A.Expr | undefined;
    let description: string | undefined;
    this.OPTION(() => {
      this.CONSUME(KW.Default!);
      def = this.SUBRULE(this.expr);
    });
    this.OPTION2(() => (description = this.payload<string>(this.CONSUME(T.Str))));
    this.sep(2);
    return this.ACTION(() => ({
      kind: "Input",
      name: this.nameRef(nameTok).name,
      nameSpan: this.tokSpan(nameTok),
      type,
      ...(def ? { default: def } : {}),
      ...(description !== undefined ? { description } : {}),
      span: this.sp(nameTok),
    }));
  });

  typeRef = this.RULE("typeRef", (): A.TypeRef =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(KW.Money!);
          let t: A.TypeRef = { kind: "money" };
          this.OPTION(() =>
            this.OR2([
              { ALT: () => (this.CONSUME(KW.PerYear!), (t = { kind: "moneyByYear" })) },
              {
                ALT: () => {
                  this.CONSUME(KW.Per!);
                  const c = this.CONSUME(T.Name);
                  t = this.ACTION(() => ({ kind: "moneyBy", category: this.nameRef(c) }));
                },
              },
            ]),
          );
          return t;
        },
      },
      { ALT: () => (this.CONSUME(KW.Ratio!), { kind: "ratio" } as A.TypeRef) },
      {
        ALT: () => {
          this.CONSUME(KW.Count!);
          let unit: string | undefined;
          this.OPTION2(() => {
            this.CONSUME(T.LParen);
            unit = this.nameRef(this.CONSUME2(T.Name)).name;
            this.CONSUME(T.RParen);
          });
          return (unit ? { kind: "count", unit } : { kind: "count" }) as A.TypeRef;
        },
      },
      { ALT: () => (this.CONSUME(KW.Date!), { kind: "date" } as A.TypeRef) },
      { ALT: () => (this.CONSUME(KW.Bool!), { kind: "bool" } as A.TypeRef) },
      { ALT: () => (this.CONSUME(KW.Text!), { kind: "text" } as A.TypeRef) },
      {
        ALT: () => {
          this.CONSUME(KW.Enum!);
          const values: A.NameRef[] = [];
          const first = this.CONSUME3(T.Name);
          this.ACTION(() => values.push(this.nameRef(first)));
          this.MANY(() => {
            this.CONSUME(T.Dun);
            const v = this.CONSUME4(T.Name);
            this.ACTION(() => values.push(this.nameRef(v)));
          });
          return { kind: "enum", values } as A.TypeRef;
        },
      },
    ]),
  );

  paramsSection = this.RULE("paramsSection", (): A.ParamsSection => {
    const start = this.CONSUME(KW.Params!);
    const decls: A.ParamDecl[] = [];
    this.MANY(() => {
      const d = this.SUBRULE(this.paramDecl);
      this.ACTION(() => d && decls.push(d));
    });
    return this.ACTION(() => ({ kind: "Params", decls, span: this.sp(start) }));
  });

  paramDecl = this.RULE("paramDecl", (): A.ParamDecl => {
    const nameTok = this.CONSUME(T.Name);
    const type = this.SUBRULE(this.typeRef);
    let value: A.Expr | undefined;
    let description: string | undefined;
    this.OR([
      { ALT: () => (this.CONSUME(T.Assign), (value = this.SUBRULE(this.expr))) },
      { ALT: () => this.CONSUME(KW.Unset!) },
    ]);
    this.OPTION(() => (description = this.payload<string>(this.CONSUME(T.Str))));
    this.sep(1);
    return this.ACTION(() => ({
      kind: "Param",
      name: this.nameRef(nameTok).name,
      nameSpan: this.tokSpan(nameTok),
      type,
      ...(value ? { value } : {}),
      ...(description !== undefined ? { description } : {}),
      span: this.sp(nameTok),
    }));
  });

  defineDecl = this.RULE("defineDecl", (): A.DefineDecl => {
    const start = this.CONSUME(KW.Define!);
    const nameTok = this.CONSUME(T.Name);
    this.CONSUME(T.Assign);
    const expr = this.SUBRULE(this.expr);
    let description: string | undefined;
    this.OPTION(() => (description = this.payload<string>(this.CONSUME(T.Str))));
    this.sep(1);
    return this.ACTION(() => ({
      kind: "Define",
      name: this.nameRef(nameTok).name,
      nameSpan: this.tokSpan(nameTok),
      expr,
      ...(description !== undefined ? { description } : {}),
      span: this.sp(start),
    }));
  });

  categoryDecl = this.RULE("categoryDecl", (): A.CategoryDecl => {
    const start = this.CONSUME(KW.Category!);
    const nameTok = this.CONSUME(T.Name);
    this.CONSUME(T.Colon);
    const values = this.SUBRULE(this.nameList);
    this.sep(1);
    return this.ACTION(() => ({
      kind: "Category",
      name: this.nameRef(nameTok).name,
      nameSpan: this.tokSpan(nameTok),
      values,
      span: this.sp(start),
    }));
  });

  eligibility = this.RULE("eligibility", (): A.Eligibility => {
    const start = this.CONSUME(KW.Eligibility!);
    const items: A.ClauseItem[] = [];
    this.MANY(() => {
      const it = this.SUBRULE(this.clauseItem);
      this.ACTION(() => it && items.push(it));
    });
    return this.ACTION(() => ({ kind: "Eligibility", items, span: this.sp(start) }));
  });

  stacking = this.RULE("stacking", (): A.Stacking => {
    const start = this.CONSUME(KW.Stacking!);
    const items: A.StackingItem[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const t = this.CONSUME(KW.HighestOnly!);
            this.ACTION(() => items.push({ kind: "HighestOnly", span: this.tokSpan(t) }));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(KW.Deduct!);
            const value = this.SUBRULE(this.expr);
            this.ACTION(() => items.push({ kind: "Deduct", value, span: this.sp(t) }));
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
      number: this.payload<number>(no) ?? 0,
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
      { ALT: () => (this.CONSUME(KW.Source!), simple("Source", this.CONSUME(T.Str))) },
      { ALT: () => (this.CONSUME(KW.Stackable!), simple("Stackable", this.CONSUME3(T.Str))) },
      { ALT: () => (this.CONSUME(KW.Beneficiary!), simple("Beneficiary", this.CONSUME4(T.Str))) },
      { ALT: () => (this.CONSUME(KW.Benefit!), simple("Benefit", this.CONSUME5(T.Str))) },
      {
        ALT: () => {
          this.CONSUME(KW.Condition!);
          const expr = this.SUBRULE(this.expr);
          let unless: A.Expr | undefined;
          this.OPTION(() => {
            this.CONSUME(KW.Unless!);
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
          this.CONSUME(KW.Exclude!);
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
          const w = this.CONSUME(KW.Award!);
          const form = this.SUBRULE(this.awardForm);
          return this.ACTION(
            () => ({ kind: "Award", form, word: w.image, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      { ALT: () => this.SUBRULE(this.stepItem) },
      {
        ALT: () => {
          this.CONSUME(KW.AnnualCap!);
          const value = this.SUBRULE(this.addExpr);
          return this.ACTION(
            () => ({ kind: "AnnualCap", value, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.TotalCap!);
          const value = this.SUBRULE2(this.addExpr);
          return this.ACTION(
            () => ({ kind: "TotalCap", value, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => (
          this.CONSUME(KW.Once!),
          this.ACTION(() => ({ kind: "Once", span: this.sp(start) }) as A.ClauseItem)
        ),
      },
      {
        ALT: () => {
          this.CONSUME(KW.PerYearLimit!);
          const n = this.SUBRULE(this.countWithUnit);
          return this.ACTION(
            () => ({ kind: "PerYearLimit", count: n, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Quota!);
          this.OPTION4(() => this.CONSUME(KW.Yearly!));
          const n = this.SUBRULE2(this.countWithUnit);
          return this.ACTION(
            () => ({ kind: "Quota", count: n, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Payment!);
          const table = this.SUBRULE(this.table);
          return this.ACTION(
            () => ({ kind: "Payment", table, span: this.sp(start) }) as A.ClauseItem,
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Paid!);
          const value = this.SUBRULE3(this.addExpr);
          return this.ACTION(() => ({ kind: "Paid", value, span: this.sp(start) }) as A.ClauseItem);
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Window!);
          const from = this.CONSUME(T.DateTok);
          this.CONSUME(KW.To!);
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
          this.CONSUME(KW.Cap!);
          const v = this.SUBRULE(this.expr);
          this.OPTION(() => {
            this.CONSUME(KW.Including!);
            including = this.SUBRULE2(this.expr);
          });
          return ["cap", v] as [A.StepKind, A.Expr];
        },
      },
      {
        ALT: () => (
          this.CONSUME(KW.TakeHigher!),
          ["max", this.SUBRULE3(this.expr)] as [A.StepKind, A.Expr]
        ),
      },
      {
        ALT: () => (
          this.CONSUME(KW.TakeLower!),
          ["min", this.SUBRULE4(this.expr)] as [A.StepKind, A.Expr]
        ),
      },
      {
        ALT: () => (
          this.CONSUME(KW.TopUp!),
          ["topUp", this.SUBRULE5(this.expr)] as [A.StepKind, A.Expr]
        ),
      },
    ]);
    let when: A.Expr | undefined;
    this.OPTION2(() => {
      this.CONSUME(KW.When!);
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
          this.CONSUME(KW.Ratio!);
          const ratio = this.SUBRULE(this.expr);
          this.CONSUME(KW.Base!);
          const base = this.SUBRULE2(this.expr);
          return { kind: "Ratio", ratio, base } as A.AwardForm;
        },
      },
      {
        ALT: () => (
          this.CONSUME(KW.Fixed!),
          { kind: "Fixed", amount: this.SUBRULE3(this.expr) } as A.AwardForm
        ),
      },
      {
        ALT: () => (
          this.CONSUME(KW.UpTo!),
          { kind: "UpTo", amount: this.SUBRULE4(this.expr) } as A.AwardForm
        ),
      },
      {
        ALT: () => (
          this.CONSUME(KW.Compute!),
          { kind: "Compute", amount: this.SUBRULE5(this.expr) } as A.AwardForm
        ),
      },
      { ALT: () => (this.CONSUME(KW.CaseByCase!), { kind: "CaseByCase" } as A.AwardForm) },
    ]),
  );

  caseDecl = this.RULE("caseDecl", (): A.CaseDecl => {
    const start = this.CONSUME(KW.Case!);
    const c: Mutable<A.CaseDecl> & {
      inputs: A.CaseDecl["inputs"][number][];
      prior: A.CaseDecl["prior"][number][];
      approved: A.CaseDecl["approved"][number][];
      params: A.CaseDecl["params"][number][];
      expects: A.Expect[];
    } = this.ACTION(() => ({
      kind: "Case",
      title: "",
      inputs: [],
      prior: [],
      approved: [],
      params: [],
      expects: [],
      span: this.tokSpan(start),
    }));
    const titleTok = this.CONSUME(T.Str);
    this.ACTION(() => (c.title = this.payload<string>(titleTok)));
    this.OPTION(() => {
      this.CONSUME(KW.BasedOn!);
      const b = this.CONSUME2(T.Str);
      this.ACTION(() => (c.basedOn = this.payload<string>(b)));
    });
    this.MANY(() => {
      const itemStart = this.LA(1);
      this.OR([
        {
          ALT: () => {
            this.CONSUME(KW.Date!);
            const d = this.CONSUME(T.DateTok);
            this.ACTION(() => (c.date = this.payload<string>(d)));
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Given!);
            this.AT_LEAST_ONE(() => {
              const e = this.SUBRULE(this.inputEntry);
              this.ACTION(() => e && c.inputs.push(e));
              this.OPTION2(() =>
                this.OR2([
                  { ALT: () => this.CONSUME(T.Comma) },
                  { ALT: () => this.CONSUME(T.Semi) },
                ]),
              );
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Prior!);
            const no = this.CONSUME(T.ClauseNo);
            const amount = this.SUBRULE(this.primary);
            this.CONSUME2(KW.Date!);
            const d = this.CONSUME2(T.DateTok);
            this.ACTION(() =>
              c.prior.push({
                clause: this.payload<number>(no),
                amount,
                date: this.payload<string>(d),
                span: this.sp(itemStart),
              }),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Approved!);
            const no = this.CONSUME2(T.ClauseNo);
            const amount = this.SUBRULE2(this.primary);
            this.ACTION(() =>
              c.approved.push({
                clause: this.payload<number>(no),
                amount,
                span: this.sp(itemStart),
              }),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Params!);
            const n = this.CONSUME(T.Name);
            const value = this.SUBRULE(this.expr);
            this.ACTION(() =>
              c.params.push({ name: this.nameRef(n), value, span: this.sp(itemStart) }),
            );
          },
        },
        {
          ALT: () => {
            const e = this.SUBRULE(this.expectation);
            this.ACTION(() => e && c.expects.push(e));
          },
        },
      ]);
      this.sep(4);
    });
    return this.ACTION(() => ({ ...c, span: this.sp(start) }));
  });

  inputEntry = this.RULE("inputEntry", (): A.CaseDecl["inputs"][number] => {
    const nameTok = this.CONSUME(T.Name);
    const value = this.OR([
      {
        GATE: () =>
          (this.LA(1).tokenType === T.Name || this.LA(1).tokenType === T.Num) &&
          this.LA(2).tokenType === T.Num,
        ALT: () => this.SUBRULE(this.record),
      },
      { ALT: () => this.SUBRULE(this.expr) },
    ]);
    return this.ACTION(() => ({ name: this.nameRef(nameTok), value, span: this.sp(nameTok) }));
  });

  /** `设备购置 100万、软件购置 50万` or `2023年 100万、2024年 120万`. */
  record = this.RULE("record", (): A.Expr => {
    const first = this.LA(1);
    const entries: { key: string; keySpan: A.Span; value: A.Expr }[] = [];
    const entry = (k: IToken, value: A.Expr) =>
      this.ACTION(() => {
        const p = this.payload<T.NumberPayload | string>(k);
        entries.push({
          key: typeof p === "string" ? p : p ? p.value : k.image,
          keySpan: this.tokSpan(k),
          value,
        });
      });
    const key = () =>
      this.OR([{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.Num) }]);
    const k1 = key();
    entry(k1, this.SUBRULE(this.unary));
    this.MANY(() => {
      this.CONSUME(T.Dun);
      const k2 = this.OR2([
        { ALT: () => this.CONSUME2(T.Name) },
        { ALT: () => this.CONSUME2(T.Num) },
      ]);
      entry(k2, this.SUBRULE2(this.unary));
    });
    return this.ACTION(() => ({ kind: "Record", entries, span: this.sp(first) }) as A.Expr);
  });

  expectation = this.RULE("expectation", (): A.Expect => {
    const start = this.CONSUME(KW.Expect!);
    const target = this.OR([
      { ALT: () => this.payload<number>(this.CONSUME(T.ClauseNo)) as A.Expect["target"] },
      { ALT: () => (this.CONSUME(KW.Total!), "total" as const) },
      { ALT: () => (this.CONSUME(KW.Eligibility!), "policy" as const) },
    ]);
    const outcome = this.OR2([
      {
        ALT: () => {
          this.CONSUME(KW.Ineligible!);
          let reason: string | undefined;
          this.OPTION(() => {
            this.CONSUME(KW.Reason!);
            reason = this.payload<string>(this.CONSUME(T.Str));
          });
          return (
            reason ? { kind: "ineligible", reason } : { kind: "ineligible" }
          ) as A.Expectation;
        },
      },
      { ALT: () => (this.CONSUME(KW.NeedsDecision!), { kind: "needsDecision" } as A.Expectation) },
      {
        ALT: () => {
          this.CONSUME(KW.Payment!);
          return { kind: "payable", value: this.SUBRULE2(this.expr) } as A.Expectation;
        },
      },
      { ALT: () => ({ kind: "amount", value: this.SUBRULE(this.expr) }) as A.Expectation },
    ]);
    return this.ACTION(() => ({ target, outcome, span: this.sp(start) }));
  });
}

let shared: PolicyParser | undefined;

/** tokens → AST with syntax diagnostics. The parser instance is reused (it holds no results between calls). */
export function tokensToAst(lex: LexResult): { ast: A.Policy; diagnostics: Diagnostic[] } {
  shared ??= new PolicyParser();
  const parser = shared;
  parser.lines = lex.lines;
  parser.input = lex.tokens;
  const ast = parser.policy() ?? {
    kind: "Policy",
    items: [],
    comments: [],
    span: lex.lines.span(0, 0),
  };
  const diagnostics = parser.errors.map((e) => {
    const tok = e.token;
    const ok = Number.isFinite(tok.startOffset) && tok.tokenType.name !== "EOF";
    const at = ok ? tok.startOffset : lastOffset(lex);
    const end = ok ? tok.endOffset! + 1 : at;
    return diag("error", "E100", e.message, lex.lines.span(at, end), parseHelp(e.message));
  });
  parser.input = [];
  return { ast: { ...ast, comments: lex.comments }, diagnostics };
}

function lastOffset(lex: LexResult): number {
  const last = lex.tokens[lex.tokens.length - 1];
  return last ? last.endOffset! + 1 : 0;
}
