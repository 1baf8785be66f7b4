/**
 * Grammar rules for the policy header and declarations (申报信息, 参数, 定义, 分类).
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { TableParser } from "./parse-tables.js";
import { canonical, PAYER_KEYWORDS } from "./keywords.js";
import { RANK_UNIT } from "./keywords.js";
import * as T from "./tokens.js";

const { KW } = T;

/** The canonical spelling of a payer keyword (区级财政 …). */
function payerWord(tok: IToken): string {
  const kw = PAYER_KEYWORDS.find((k) => k === tok.tokenType.name);
  return kw ? canonical(kw) : tok.image;
}

type Mutable<X> = { -readonly [P in keyof X]: X[P] };

export class DeclParser extends TableParser {
  /** Optional punctuation between statements: drafters may end lines with ；or ，. */
  protected sep(idx: number): void {
    const opt = [this.OPTION, this.OPTION2, this.OPTION3, this.OPTION4, this.OPTION5, this.OPTION6][
      idx
    ]!.bind(this);
    opt(() =>
      this.OR9([{ ALT: () => this.CONSUME9(T.Comma) }, { ALT: () => this.CONSUME9(T.Semi) }]),
    );
  }

  header = this.RULE("header", (): A.Header => {
    const start = this.OR([
      { ALT: () => this.CONSUME(KW.Policy) },
      { ALT: () => this.CONSUME(KW.Guideline) },
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
        { ALT: () => (this.CONSUME(KW.DocNo), set((x, v) => (x.docNo = v), this.CONSUME(T.Str))) },
        {
          ALT: () => (this.CONSUME(KW.Issuer), set((x, v) => (x.issuer = v), this.CONSUME3(T.Str))),
        },
        {
          ALT: () => (
            this.CONSUME(KW.Published),
            set((x, v) => (x.published = v), this.CONSUME(T.DateTok))
          ),
        },
        {
          ALT: () => (
            this.CONSUME(KW.BasedOn),
            set((x, v) => (x.basedOn = v), this.CONSUME4(T.Str))
          ),
        },
        {
          ALT: () => {
            const kw = this.CONSUME(KW.Validity);
            const from = this.CONSUME2(T.DateTok);
            this.CONSUME(KW.To);
            const to = this.CONSUME3(T.DateTok);
            this.ACTION(() => {
              h.validFrom = this.payload<string>(from);
              h.validTo = this.payload<string>(to);
              h.lines = { ...h.lines, validity: kw.startLine! };
            });
            this.OPTION5(() => {
              this.CONSUME(KW.AppliesTo);
              const n = this.CONSUME(T.Name);
              this.ACTION(() => (h.validFor = this.nameRef(n)));
            });
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(KW.Window);
            const from = this.CONSUME4(T.DateTok);
            this.CONSUME2(KW.To);
            const to = this.CONSUME5(T.DateTok);
            this.ACTION(() => {
              h.window = { from: this.payload<string>(from), to: this.payload<string>(to) };
              h.lines = { ...h.lines, window: kw.startLine! };
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Payer);
            const who = this.SUBRULE(this.payerName);
            this.ACTION(() => (h.payer = who));
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.GuidelineYear);
            const y = this.CONSUME(T.Num);
            this.ACTION(() => (h.year = Number(this.payload<T.NumberPayload>(y)?.value ?? 0)));
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.Repeal);
            const d = this.CONSUME6(T.DateTok);
            let basis: string | undefined;
            this.OPTION(() => {
              this.CONSUME(KW.Basis);
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
            this.CONSUME(KW.Rounding);
            let unit: A.Rounding["unit"] = "fen";
            let mode: A.Rounding["mode"] = "halfUp";
            this.OPTION2(() =>
              this.OR3([
                { ALT: () => (this.CONSUME(KW.ToFen), (unit = "fen")) },
                { ALT: () => (this.CONSUME(KW.ToJiao), (unit = "jiao")) },
                { ALT: () => (this.CONSUME(KW.ToYuan), (unit = "yuan")) },
              ]),
            );
            this.OPTION3(() =>
              this.OR4([
                { ALT: () => (this.CONSUME(KW.HalfUp), (mode = "halfUp")) },
                { ALT: () => (this.CONSUME(KW.Down), (mode = "down")) },
                { ALT: () => (this.CONSUME(KW.Up), (mode = "up")) },
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

  /** Who pays: 区级财政, 市级财政, 省级财政, 中央财政, or a named fund in quotes. */
  payerName = this.RULE("payerName", (): string => {
    const tok = this.OR([
      { ALT: () => this.CONSUME(KW.PayerDistrict) },
      { ALT: () => this.CONSUME(KW.PayerCity) },
      { ALT: () => this.CONSUME(KW.PayerProvince) },
      { ALT: () => this.CONSUME(KW.PayerCentral) },
      { ALT: () => this.CONSUME(T.Str) },
    ]);
    return this.ACTION(() =>
      tok.tokenType === T.Str ? (this.payload<string>(tok) ?? "") : payerWord(tok),
    );
  });

  inputsSection = this.RULE("inputsSection", (): A.InputsSection => {
    const start = this.CONSUME(KW.Inputs);
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
      this.CONSUME(KW.Default);
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
          this.CONSUME(KW.Money);
          let t: A.TypeRef = { kind: "money" };
          this.OPTION(() =>
            this.OR2([
              { ALT: () => (this.CONSUME(KW.PerYear), (t = { kind: "moneyByYear" })) },
              {
                ALT: () => {
                  this.CONSUME(KW.Per);
                  const c = this.CONSUME(T.Name);
                  t = this.ACTION(() => ({ kind: "moneyBy", category: this.nameRef(c) }));
                },
              },
            ]),
          );
          return t;
        },
      },
      { ALT: () => (this.CONSUME(KW.Ratio), { kind: "ratio" } as A.TypeRef) },
      {
        ALT: () => {
          this.CONSUME(KW.Count);
          let unit: string | undefined;
          this.OPTION2(() => {
            this.CONSUME(T.LParen);
            unit = this.nameRef(this.CONSUME2(T.Name)).name;
            this.CONSUME(T.RParen);
          });
          return (unit ? { kind: "count", unit } : { kind: "count" }) as A.TypeRef;
        },
      },
      { ALT: () => (this.CONSUME(KW.Rank), { kind: "count", unit: RANK_UNIT } as A.TypeRef) },
      { ALT: () => (this.CONSUME(KW.Date), { kind: "date" } as A.TypeRef) },
      { ALT: () => (this.CONSUME(KW.Bool), { kind: "bool" } as A.TypeRef) },
      { ALT: () => (this.CONSUME(KW.Text), { kind: "text" } as A.TypeRef) },
      {
        ALT: () => {
          this.CONSUME(KW.Enum);
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
    const start = this.CONSUME(KW.Params);
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
      { ALT: () => this.CONSUME(KW.Unset) },
    ]);
    const byDate: A.DatedValue[] = [];
    this.MANY(() => {
      const from = this.CONSUME(KW.From);
      const d = this.CONSUME(T.DateTok);
      const v = this.SUBRULE2(this.expr);
      this.ACTION(() =>
        byDate.push({ from: this.payload<string>(d), value: v, span: this.sp(from) }),
      );
    });
    this.OPTION(() => (description = this.payload<string>(this.CONSUME(T.Str))));
    this.sep(1);
    return this.ACTION(() => ({
      kind: "Param",
      name: this.nameRef(nameTok).name,
      nameSpan: this.tokSpan(nameTok),
      type,
      ...(value ? { value } : {}),
      ...(byDate.length ? { byDate } : {}),
      ...(description !== undefined ? { description } : {}),
      span: this.sp(nameTok),
    }));
  });

  defineDecl = this.RULE("defineDecl", (): A.DefineDecl => {
    const start = this.CONSUME(KW.Define);
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
    const start = this.CONSUME(KW.Category);
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
}
