/**
 * Expression rules (arithmetic, comparisons, logic, tables and brackets) as typed class properties.
 * The policy parser (tokens-to-ast.ts) extends this class with declarations and clauses.
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";
import type { ClauseKey, Expr, NameRef, Span } from "./ast.js";
import { LineMap } from "./diagnostics.js";
import { MAX_NESTING, NestingTooDeep } from "./limits.js";
import { zhErrorMessages } from "./parse-errors.js";
import * as T from "./tokens.js";
import { HISTORY_KEYWORD, KEYWORD_COMPARE } from "./words.js";

const { KW } = T;

/** Whether to validate the grammar when the parser is built. */
function grammarChecks(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  return env?.ZHENGCE_GRAMMAR_CHECKS === "1";
}

export class ExprParser extends EmbeddedActionsParser {
  // Defined by TableParser (parse-tables.ts); the grammar is recorded after every rule exists.
  declare table: () => Expr;
  declare brackets: () => Expr;

  /** Line map of the source being parsed; set by `parse` before each run. */
  lines = new LineMap("");

  /** How many nesting constructs (brackets, calls, tables, 并非, 负号, 如果) are open; bounded by MAX_NESTING. */
  private nesting = 0;

  /**
   * Run a rule body one nesting level deeper. Every cycle of the grammar passes through one of
   * these, so the parser's recursion (and the tree's nesting) stays below MAX_NESTING; one level
   * too many throws at the token that opens it, and tokens-to-ast reports it (E031).
   */
  protected nested<R>(body: () => R): R {
    if (this.nesting >= MAX_NESTING) throw new NestingTooDeep(this.LA(1));
    this.nesting++;
    try {
      return body();
    } finally {
      this.nesting--;
    }
  }

  constructor() {
    super(T.ALL_TOKENS, {
      recoveryEnabled: true,
      errorMessageProvider: zhErrorMessages,
      maxLookahead: 4,
      // Grammar validation (ambiguities, left recursion) is for developing the grammar: the tests
      // run it (vitest sets ZHENGCE_GRAMMAR_CHECKS=1); a user's CLI start is spared its cost.
      skipValidations: !grammarChecks(),
    });
  }

  /** Span from a start token to the last consumed token. */
  protected sp(start: IToken): Span {
    const end = this.LA(0);
    const s = Number.isFinite(start.startOffset) ? start.startOffset : 0;
    const e = end && Number.isFinite(end.endOffset) ? end.endOffset! + 1 : s;
    return this.lines.span(s, Math.max(s, e));
  }

  protected tokSpan(tok: IToken): Span {
    const s = Number.isFinite(tok.startOffset) ? tok.startOffset : 0;
    return this.lines.span(s, Number.isFinite(tok.endOffset) ? tok.endOffset! + 1 : s);
  }

  protected join(a: { span: Span } | undefined, b: { span: Span } | undefined): Span {
    const sa = a?.span ?? b?.span;
    const sb = b?.span ?? a?.span;
    if (!sa || !sb) return this.lines.span(0, 0);
    return this.lines.span(sa.start, Math.max(sa.start, sb.end));
  }

  protected nameRef(tok: IToken): NameRef {
    return { kind: "Name", name: nameOf(tok), span: this.tokSpan(tok) };
  }

  protected payload<P>(tok: IToken): P {
    return (tok as IToken & { payload: P }).payload;
  }

  protected numberExpr(tok: IToken): Expr {
    const p = this.payload<T.NumberPayload | undefined>(tok) ?? { kind: "count", value: "0" };
    const span = this.tokSpan(tok);
    const text = tok.image;
    switch (p.kind) {
      case "money":
        return { kind: "Money", value: p.value, text, span };
      case "percent":
        return { kind: "Percent", value: p.value, text, span };
      case "rate":
        return { kind: "Rate", value: p.value, unit: p.unit ?? "", text, span };
      case "count":
        return p.unit
          ? { kind: "Number", value: p.value, unit: p.unit, text, span }
          : { kind: "Number", value: p.value, text, span };
    }
  }

  /** A list of names separated by 、 (or ，). */
  nameList = this.RULE("nameList", (): NameRef[] => {
    const out: NameRef[] = [];
    const first = this.CONSUME(T.Name);
    this.ACTION(() => out.push(this.nameRef(first)));
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Dun) }, { ALT: () => this.CONSUME(T.Comma) }]);
      const next = this.CONSUME2(T.Name);
      this.ACTION(() => out.push(this.nameRef(next)));
    });
    return out;
  });

  expr = this.RULE("expr", (): Expr =>
    this.OR([{ ALT: () => this.SUBRULE(this.ifExpr) }, { ALT: () => this.SUBRULE(this.orExpr) }]),
  );

  ifExpr = this.RULE("ifExpr", (): Expr =>
    this.nested(() => {
      const start = this.CONSUME(KW.If);
      const cond = this.SUBRULE(this.expr);
      this.CONSUME(KW.Then);
      const then = this.SUBRULE2(this.expr);
      this.CONSUME(KW.Else);
      const otherwise = this.SUBRULE3(this.expr);
      return this.ACTION(
        () => ({ kind: "If", cond, then, else: otherwise, span: this.sp(start) }) as Expr,
      );
    }),
  );

  orExpr = this.RULE("orExpr", (): Expr => {
    let left = this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(KW.Or);
      const right = this.SUBRULE2(this.andExpr);
      left = this.ACTION(
        () => ({ kind: "Logic", op: "or", left, right, span: this.join(left, right) }) as Expr,
      );
    });
    return left;
  });

  andExpr = this.RULE("andExpr", (): Expr => {
    let left = this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(KW.And);
      const right = this.SUBRULE2(this.notExpr);
      left = this.ACTION(
        () => ({ kind: "Logic", op: "and", left, right, span: this.join(left, right) }) as Expr,
      );
    });
    return left;
  });

  notExpr = this.RULE("notExpr", (): Expr =>
    this.OR([
      {
        ALT: () =>
          this.nested(() => {
            const start = this.CONSUME(KW.Not);
            const operand = this.SUBRULE(this.notExpr);
            return this.ACTION(() => ({ kind: "Not", operand, span: this.sp(start) }) as Expr);
          }),
      },
      { ALT: () => this.SUBRULE(this.cmpExpr) },
    ]),
  );

  cmpExpr = this.RULE("cmpExpr", (): Expr => {
    let left = this.SUBRULE(this.addExpr);
    this.OPTION(() => {
      const op = this.OR(
        [...KEYWORD_COMPARE].map(([name, cmp]) => ({
          ALT: () => ({ cmp, token: this.CONSUME(KW[name]) }),
        })),
      );
      const right = this.SUBRULE2(this.addExpr);
      left = this.ACTION(
        () =>
          ({
            kind: "Compare",
            op: op.cmp,
            word: op.token.image,
            left,
            right,
            span: this.join(left, right),
          }) as Expr,
      );
    });
    this.OPTION2(() => {
      const neg = this.OR2([
        { ALT: () => (this.CONSUME(KW.In), false) },
        { ALT: () => (this.CONSUME(KW.NotIn), true) },
      ]);
      const values = this.SUBRULE(this.nameList);
      left = this.ACTION(() => {
        const last = values[values.length - 1];
        return {
          kind: "InSet",
          negated: neg,
          subject: left,
          values,
          span: this.join(left, last),
        } as Expr;
      });
    });
    return left;
  });

  addExpr = this.RULE("addExpr", (): Expr => {
    let left = this.SUBRULE(this.mulExpr);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => this.CONSUME(T.Plus) },
        { ALT: () => this.CONSUME(T.Minus) },
      ]);
      const right = this.SUBRULE2(this.mulExpr);
      left = this.ACTION(
        () =>
          ({
            kind: "Binary",
            op: op.tokenType === T.Plus ? "+" : "-",
            left,
            right,
            span: this.join(left, right),
          }) as Expr,
      );
    });
    return left;
  });

  mulExpr = this.RULE("mulExpr", (): Expr => {
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => this.CONSUME(T.Times) },
        { ALT: () => this.CONSUME(T.Divide) },
      ]);
      const right = this.SUBRULE2(this.unary);
      left = this.ACTION(
        () =>
          ({
            kind: "Binary",
            op: op.tokenType === T.Times ? "*" : "/",
            left,
            right,
            span: this.join(left, right),
          }) as Expr,
      );
    });
    return left;
  });

  unary = this.RULE("unary", (): Expr =>
    this.OR([
      {
        ALT: () =>
          this.nested(() => {
            const start = this.CONSUME(T.Minus);
            const operand = this.SUBRULE(this.unary);
            return this.ACTION(() => ({ kind: "Neg", operand, span: this.sp(start) }) as Expr);
          }),
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]),
  );

  primary = this.RULE("primary", (): Expr =>
    this.OR([
      { ALT: () => this.numberExpr(this.CONSUME(T.Num)) },
      {
        ALT: () => {
          const t = this.CONSUME(T.DateTok);
          return this.ACTION(
            () =>
              ({
                kind: "DateLit",
                value: this.payload<string>(t),
                text: t.image,
                span: this.tokSpan(t),
              }) as Expr,
          );
        },
      },
      { ALT: () => this.boolLit(this.CONSUME(KW.Yes), true) },
      { ALT: () => this.boolLit(this.CONSUME(KW.No), false) },
      {
        ALT: () => {
          const t = this.CONSUME(T.Str);
          return this.ACTION(
            () => ({ kind: "Str", value: this.payload<string>(t), span: this.tokSpan(t) }) as Expr,
          );
        },
      },
      { ALT: () => this.nameRef(this.CONSUME(T.Name)) },
      {
        // 第2条金额 (or 第2条 资助金额): another clause's amount
        ALT: () => {
          const no = this.CONSUME(T.ClauseNo);
          this.OPTION(() => this.CONSUME(KW.Award));
          this.CONSUME(KW.Money);
          return this.ACTION(
            () =>
              ({
                kind: "ClauseAmount",
                clause: this.payload<ClauseKey>(no) ?? 0,
                label: no.image,
                span: this.sp(no),
              }) as Expr,
          );
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(KW.AppDate);
          return this.ACTION(() => ({ kind: "AppDate", span: this.tokSpan(t) }) as Expr);
        },
      },
      ...Object.entries(HISTORY_KEYWORD).map(([query, name]) => ({
        ALT: () => {
          const t = this.CONSUME(KW[name]);
          return this.ACTION(() => ({ kind: "History", query, span: this.tokSpan(t) }) as Expr);
        },
      })),
      {
        ALT: () => {
          const inBrackets = () => {
            this.CONSUME(T.LParen);
            const inner = this.SUBRULE(this.expr);
            this.CONSUME(T.RParen);
            return inner;
          };
          // （如果 … ） is one level, not two: the formatter brackets every nested 如果, and its
          // output must parse within the same limit as its input.
          return this.LA(2).tokenType === KW.If ? inBrackets() : this.nested(inBrackets);
        },
      },
      { ALT: () => this.nested(() => this.SUBRULE(this.call)) },
      { ALT: () => this.nested(() => this.SUBRULE(this.sum)) },
      { ALT: () => this.nested(() => this.SUBRULE(this.table)) },
      { ALT: () => this.nested(() => this.SUBRULE(this.brackets)) },
    ]),
  );

  protected boolLit(tok: IToken, value: boolean): Expr {
    return { kind: "Bool", value, span: this.tokSpan(tok) };
  }

  call = this.RULE("call", (): Expr => {
    const fnTok = this.OR([
      { ALT: () => this.CONSUME(KW.TakeHigher) },
      { ALT: () => this.CONSUME(KW.TakeLower) },
      { ALT: () => this.CONSUME(KW.Year) },
      { ALT: () => this.CONSUME(KW.Days) },
    ]);
    this.CONSUME(T.LParen);
    const args: Expr[] = [this.SUBRULE(this.expr)];
    this.MANY(() => {
      this.OR2([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Dun) }]);
      args.push(this.SUBRULE2(this.expr));
    });
    this.CONSUME(T.RParen);
    return this.ACTION(() => {
      const fns: Record<string, "max" | "min" | "year" | "days"> = {
        TakeHigher: "max",
        TakeLower: "min",
        Year: "year",
        Days: "days",
      };
      return { kind: "Call", fn: fns[fnTok.tokenType.name]!, args, span: this.sp(fnTok) } as Expr;
    });
  });

  sum = this.RULE("sum", (): Expr => {
    const start = this.CONSUME(KW.Sum);
    const target = this.nameRef(this.CONSUME(T.Name));
    let only: NameRef[] | undefined;
    let from: Expr | undefined;
    let to: Expr | undefined;
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(KW.Only);
            only = this.SUBRULE(this.nameList);
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.From);
            from = this.SUBRULE(this.addExpr);
            this.CONSUME(KW.To);
            to = this.SUBRULE2(this.addExpr);
          },
        },
      ]),
    );
    return this.ACTION(
      () =>
        ({
          kind: "Sum",
          target,
          ...(only ? { only } : {}),
          ...(from ? { from, to } : {}),
          span: this.sp(start),
        }) as Expr,
    );
  });
}

/** The name a Name token stands for (「…」 quotes removed). */
export function nameOf(tok: IToken): string {
  const p = (tok as IToken & { payload?: unknown }).payload;
  return typeof p === "string" ? p : tok.image;
}

export type { TokenType };
