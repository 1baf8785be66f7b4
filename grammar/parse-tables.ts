/**
 * Tables keyed by category (按 项目级别：区级 200万，…) and graded brackets (分档 营业收入：1亿以上
 * 不满5亿：50万；…), whose bounds keep the words the text used (以上, 超过, （不含）以下 …).
 */
import type { Bound, BracketRow, Expr, NameRef, TableRow } from "./ast.js";
import { EOF, type TokenType } from "chevrotain";
import { ExprParser } from "./parse-expr.js";
import * as T from "./tokens.js";

const { KW } = T;

/** Tokens that can begin a row's value (or a further key of a row keyed by several categories). */
const VALUE_START: ReadonlySet<TokenType> = new Set([
  T.Num,
  T.Name,
  T.LParen,
  T.Minus,
  T.DateTok,
  T.Str,
  KW.If,
  KW.Per,
  KW.Brackets,
  KW.TakeHigher,
  KW.TakeLower,
  KW.Sum,
  KW.Year,
  KW.Days,
  KW.Yes,
  KW.No,
  KW.AppDate,
]);

export class TableParser extends ExprParser {
  /** `按 项目级别：区级 200万，市级 500万，其他 100万` — one key name per category. */
  override table = this.RULE("table", (): Expr => {
    const start = this.CONSUME(KW.Per);
    const keys: Expr[] = [this.SUBRULE(this.addExpr)];
    this.MANY(() => {
      this.CONSUME(T.Dun);
      keys.push(this.SUBRULE2(this.addExpr));
    });
    this.CONSUME(T.Colon);
    const rows: TableRow[] = [];
    let otherwise: Expr | undefined;
    this.AT_LEAST_ONE(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(KW.Otherwise);
            this.OPTION(() => this.CONSUME2(T.Colon));
            otherwise = this.SUBRULE3(this.addExpr);
          },
        },
        { ALT: () => rows.push(this.SUBRULE(this.tableRow, { ARGS: [keys.length] })) },
      ]);
      // A separator belongs to the table only when another row follows it: in
      // `就高（按 甲：…，按 乙：…）` the comma before the second 按 separates the arguments.
      this.OPTION2({
        GATE: () => this.rowFollows(),
        DEF: () =>
          this.OR2([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semi) }]),
      });
    });
    return this.ACTION(
      () =>
        ({
          kind: "Table",
          keys,
          rows,
          ...(otherwise ? { otherwise } : {}),
          span: this.sp(start),
        }) as Expr,
    );
  });

  /**
   * Whether tokens k, k+1 … are `就高（…）` / `就低（…）` standing alone as a clause line (a step),
   * not the start of an arithmetic expression or a bracket bound: the group's closing bracket is
   * followed by the end of the line, `当`, or a separator.
   */
  protected callLineAt(k: number): boolean {
    const kw = this.LA(k).tokenType;
    if ((kw !== KW.TakeHigher && kw !== KW.TakeLower) || this.LA(k + 1).tokenType !== T.LParen)
      return false;
    let depth = 0;
    for (let i = k + 1; ; i++) {
      const t = this.LA(i);
      if (t.tokenType === EOF) return false;
      if (t.tokenType === T.LParen) depth++;
      else if (t.tokenType === T.RParen && --depth === 0) {
        const after = this.LA(i + 1);
        return (
          after.tokenType === EOF ||
          after.startLine !== t.endLine ||
          after.tokenType === KW.When ||
          after.tokenType === T.Comma ||
          after.tokenType === T.Semi
        );
      }
    }
  }

  /** Whether the token after the next one starts a table row: `其他`, or a key and its value. */
  protected rowFollows(): boolean {
    const next = this.LA(2).tokenType;
    if (next === KW.Otherwise) return true;
    return next === T.Name && VALUE_START.has(this.LA(3).tokenType);
  }

  tableRow = this.RULE("tableRow", (nKeys: number): TableRow => {
    const first = this.LA(1);
    const keys: NameRef[] = [];
    this.AT_LEAST_ONE({
      GATE: () => keys.length < (nKeys ?? 1),
      DEF: () => {
        const k = this.CONSUME(T.Name);
        this.ACTION(() => keys.push(this.nameRef(k)));
      },
    });
    const value = this.SUBRULE(this.addExpr);
    return this.ACTION(() => ({ keys, value, span: this.sp(first) }));
  });

  /** `分档 营业收入：1亿以上 不满5亿：50万；5亿以上：100万` */
  override brackets = this.RULE("brackets", (): Expr => {
    const start = this.CONSUME(KW.Brackets);
    const subject = this.SUBRULE(this.addExpr);
    this.CONSUME(T.Colon);
    const rows: BracketRow[] = [];
    // A row may begin with 就高（…） as a bound, but a line `就高 金额` after the table is a step.
    const stepNext = () => {
      const t = this.LA(1).tokenType;
      if (t !== KW.TakeHigher && t !== KW.TakeLower) return false;
      return this.LA(2).tokenType !== T.LParen || this.callLineAt(1);
    };
    // A quoted text after the rows is the description of a 定义 (定义 标准 = 分档 …：… “说明”).
    this.AT_LEAST_ONE({
      GATE: () => !stepNext() && this.LA(1).tokenType !== T.Str,
      DEF: () => {
        rows.push(this.SUBRULE(this.bracketRow));
        this.OPTION(() =>
          this.OR([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semi) }]),
        );
      },
    });
    return this.ACTION(() => ({ kind: "Brackets", subject, rows, span: this.sp(start) }) as Expr);
  });

  bracketRow = this.RULE("bracketRow", (): BracketRow => {
    const first = this.LA(1);
    let lower: Bound | undefined;
    let upper: Bound | undefined;
    let range = false;
    let otherwise = false;
    this.OR([
      { ALT: () => (this.CONSUME(KW.Otherwise), (otherwise = true)) },
      {
        ALT: () => {
          const w = this.OR2([
            { ALT: () => this.CONSUME(KW.Gt) },
            { ALT: () => this.CONSUME(KW.Ge) },
          ]);
          const value = this.SUBRULE(this.addExpr);
          lower = { value, inclusive: w.tokenType === KW.Ge, word: w.image };
          this.OPTION(() => (upper = this.SUBRULE(this.upperBound)));
        },
      },
      {
        ALT: () => {
          const w = this.OR5([
            { ALT: () => this.CONSUME(KW.Lt) },
            { ALT: () => this.CONSUME(KW.Le) },
          ]);
          const value = this.SUBRULE4(this.addExpr);
          upper = { value, inclusive: w.tokenType === KW.Le, word: w.image };
        },
      },
      {
        ALT: () => {
          const value = this.SUBRULE2(this.addExpr);
          this.OR3([
            {
              ALT: () => {
                let bw = { inclusive: true, word: "" };
                this.OPTION4(() => (bw = this.SUBRULE(this.boundWord)));
                this.OR4([
                  {
                    ALT: () => {
                      const dir = this.CONSUME(KW.AtLeast);
                      lower = { value, inclusive: bw?.inclusive, word: bw?.word + dir.image };
                      this.OPTION2(() => {
                        this.OPTION3(() => this.CONSUME(T.Dun));
                        upper = this.SUBRULE3(this.upperBound);
                      });
                    },
                  },
                  {
                    ALT: () => {
                      const dir = this.CONSUME(KW.AtMost);
                      upper = { value, inclusive: bw?.inclusive, word: bw?.word + dir.image };
                    },
                  },
                ]);
              },
            },
            {
              ALT: () => {
                this.CONSUME(KW.To);
                const hi = this.SUBRULE3(this.addExpr);
                lower = { value, inclusive: true, word: "" };
                upper = { value: hi, inclusive: true, word: "" };
                range = true;
              },
            },
          ]);
        },
      },
    ]);
    this.CONSUME(T.Colon);
    const value = this.SUBRULE5(this.addExpr);
    return this.ACTION(() => ({
      ...(lower ? { lower } : {}),
      ...(upper ? { upper } : {}),
      ...(range ? { range } : {}),
      otherwise,
      value,
      span: this.sp(first),
    }));
  });

  /** `（含）` / `（不含）` before 以上 or 以下; without it 以上 and 以下 include the number. */
  boundWord = this.RULE("boundWord", (): { inclusive: boolean; word: string } => {
    this.CONSUME(T.LParen);
    const w = this.OR([
      { ALT: () => this.CONSUME(KW.Including) },
      { ALT: () => this.CONSUME(KW.Excluding) },
    ]);
    this.CONSUME(T.RParen);
    return { inclusive: w.tokenType === KW.Including, word: `（${w.image}）` };
  });

  /** An upper bound: `不满 5亿`, `不超过 5亿`, `5亿以下`, `5亿（不含）以下`. */
  upperBound = this.RULE("upperBound", (): Bound =>
    this.OR([
      {
        ALT: () => {
          const w = this.OR2([
            { ALT: () => this.CONSUME(KW.Lt) },
            { ALT: () => this.CONSUME(KW.Le) },
          ]);
          const value = this.SUBRULE(this.addExpr);
          return { value, inclusive: w.tokenType === KW.Le, word: w.image };
        },
      },
      {
        ALT: () => {
          const value = this.SUBRULE2(this.addExpr);
          let bw = { inclusive: true, word: "" };
          this.OPTION(() => (bw = this.SUBRULE(this.boundWord)));
          const w = this.CONSUME(KW.AtMost);
          return { value, inclusive: bw?.inclusive, word: bw?.word + w.image };
        },
      },
    ]),
  );
}
