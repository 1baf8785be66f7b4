/**
 * Grammar rules for embedded cases (案例): inputs, prior awards, approvals and expectations.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { ClauseParser } from "./parse-clauses.js";
import * as T from "./tokens.js";

const { KW } = T;

type Mutable<X> = { -readonly [P in keyof X]: X[P] };

export class CaseParser extends ClauseParser {
  caseDecl = this.RULE("caseDecl", (): A.CaseDecl => {
    const start = this.CONSUME(KW.Case);
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
      this.CONSUME(KW.BasedOn);
      const b = this.CONSUME2(T.Str);
      this.ACTION(() => (c.basedOn = this.payload<string>(b)));
    });
    this.MANY(() => {
      const itemStart = this.LA(1);
      this.OR([
        {
          ALT: () => {
            this.CONSUME(KW.Date);
            const d = this.CONSUME(T.DateTok);
            this.ACTION(() => (c.date = this.payload<string>(d)));
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Given);
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
            this.CONSUME(KW.Prior);
            const no = this.CONSUME(T.ClauseNo);
            const amount = this.SUBRULE(this.primary);
            this.CONSUME2(KW.Date);
            const d = this.CONSUME2(T.DateTok);
            let project: string | undefined;
            let base: A.Expr | undefined;
            this.OPTION3(() => {
              this.CONSUME(KW.OfProject);
              const pt = this.CONSUME3(T.Str);
              this.ACTION(() => (project = this.payload<string>(pt)));
            });
            this.OPTION4(() => {
              this.CONSUME(KW.Base);
              base = this.SUBRULE3(this.primary);
            });
            this.ACTION(() =>
              c.prior.push({
                clause: this.payload<A.ClauseKey>(no),
                amount,
                date: this.payload<string>(d),
                ...(project !== undefined ? { project } : {}),
                ...(base ? { base } : {}),
                span: this.sp(itemStart),
              }),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Approved);
            const no = this.CONSUME2(T.ClauseNo);
            const amount = this.SUBRULE2(this.primary);
            this.ACTION(() =>
              c.approved.push({
                clause: this.payload<A.ClauseKey>(no),
                amount,
                span: this.sp(itemStart),
              }),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Params);
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
    const start = this.CONSUME(KW.Expect);
    let payer: string | undefined;
    const target = this.OR([
      {
        ALT: () => {
          this.CONSUME(KW.Payer);
          payer = this.SUBRULE(this.payerName);
          return "total" as const;
        },
      },
      { ALT: () => this.payload<A.ClauseKey>(this.CONSUME(T.ClauseNo)) as A.Expect["target"] },
      { ALT: () => (this.CONSUME(KW.Total), "total" as const) },
      { ALT: () => (this.CONSUME(KW.Eligibility), "policy" as const) },
    ]);
    const outcome = this.OR2([
      {
        ALT: () => {
          this.CONSUME(KW.Ineligible);
          let reason: string | undefined;
          this.OPTION(() => {
            this.CONSUME(KW.Reason);
            reason = this.payload<string>(this.CONSUME(T.Str));
          });
          return (
            reason ? { kind: "ineligible", reason } : { kind: "ineligible" }
          ) as A.Expectation;
        },
      },
      { ALT: () => (this.CONSUME(KW.NeedsDecision), { kind: "needsDecision" } as A.Expectation) },
      {
        ALT: () => {
          this.CONSUME(KW.NotPaid);
          let reason: string | undefined;
          this.OPTION2(() => {
            this.CONSUME2(KW.Reason);
            reason = this.payload<string>(this.CONSUME2(T.Str));
          });
          return (reason ? { kind: "notPaid", reason } : { kind: "notPaid" }) as A.Expectation;
        },
      },
      {
        ALT: () => {
          this.CONSUME(KW.Payment);
          return { kind: "payable", value: this.SUBRULE2(this.expr) } as A.Expectation;
        },
      },
      { ALT: () => ({ kind: "amount", value: this.SUBRULE(this.expr) }) as A.Expectation },
    ]);
    return this.ACTION(() => ({
      target,
      ...(payer !== undefined ? { payer } : {}),
      outcome,
      span: this.sp(start),
    }));
  });
}
