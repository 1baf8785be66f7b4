/**
 * tokens → AST. The token stream is cut into top-level blocks (header, sections, clauses, cases)
 * and each block is parsed on its own, so a syntax error in one clause never hides errors in the
 * next; inside a block, Chevrotain's recovery reports several errors more.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { Diagnostic } from "./diagnostics.js";
import { CaseParser } from "./parse-cases.js";
import { parseBounded } from "./parse-bounded.js";
import { errorToDiagnostic } from "./parse-diagnostics.js";
import type { LexResult } from "./text-to-tokens.js";
import type { KeywordName } from "./keywords.js";
import * as T from "./tokens.js";
import { COMPARE_KEYWORD } from "./words.js";

const { KW } = T;

/** The comparisons an assertion may state (amounts, not dates). */
const ASSERT_OPS = (["gt", "ge", "lt", "le", "eq", "ne"] as const).map(
  (op) => [COMPARE_KEYWORD[op], op] as const,
);

class PolicyParser extends CaseParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  topItem = this.RULE("topItem", (): A.TopItem =>
    this.OR([
      { ALT: () => this.SUBRULE(this.inputsSection) },
      { ALT: () => this.SUBRULE(this.paramsSection) },
      { ALT: () => this.SUBRULE(this.defineDecl) },
      { ALT: () => this.SUBRULE(this.categoryDecl) },
      { ALT: () => this.SUBRULE(this.eligibility) },
      { ALT: () => this.SUBRULE(this.stacking) },
      { ALT: () => this.SUBRULE(this.assertDecl) },
      { ALT: () => this.SUBRULE(this.clause) },
      { ALT: () => this.SUBRULE(this.caseDecl) },
      { ALT: () => this.SUBRULE(this.openClauses) },
      { ALT: () => this.SUBRULE(this.exceptionDecl) },
    ]),
  );

  /** 开放 第1条、第5条 (申报指南). */
  openClauses = this.RULE("openClauses", (): A.OpenClauses => {
    const start = this.CONSUME(KW.Open);
    const clauses: { number: A.ClauseKey; label: string; span: A.Span }[] = [];
    const add = (t: IToken) =>
      this.ACTION(() =>
        clauses.push({
          number: this.payload<A.ClauseKey>(t),
          label: t.image,
          span: this.tokSpan(t),
        }),
      );
    add(this.CONSUME(T.ClauseNo));
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Dun) }, { ALT: () => this.CONSUME(T.Comma) }]);
      add(this.CONSUME2(T.ClauseNo));
    });
    return this.ACTION(() => ({ kind: "Open", clauses, span: this.sp(start) }));
  });

  /** 断言 总额 不超过 1000万 / 断言 第1条 与 第5条 不同时适用 [当 …] [“说明”]. */
  assertDecl = this.RULE("assertDecl", (): A.AssertDecl => {
    const start = this.CONSUME(KW.Assert);
    const ref = (t: IToken): A.ClauseRef =>
      this.ACTION(() => ({
        number: this.payload<A.ClauseKey>(t),
        label: t.image,
        span: this.tokSpan(t),
      }));
    const amount = (idx: 1 | 2): A.AssertOperand => {
      const or = idx === 1 ? this.OR2.bind(this) : this.OR3.bind(this);
      return or([
        {
          // 第2条 alone; 第2条金额 on the right is an expression (and E263 there)
          GATE: () => this.LA(2).tokenType !== KW.Money && this.LA(2).tokenType !== KW.Award,
          IGNORE_AMBIGUITIES: true,
          ALT: () => {
            const t = idx === 1 ? this.CONSUME(T.ClauseNo) : this.CONSUME2(T.ClauseNo);
            return this.ACTION(() => ({
              kind: "ClauseAmount" as const,
              clause: ref(t),
              span: this.tokSpan(t),
            }));
          },
        },
        {
          ALT: () => {
            const t = idx === 1 ? this.CONSUME(KW.Total) : this.CONSUME2(KW.Total);
            return this.ACTION(() => ({ kind: "TotalAmount" as const, span: this.tokSpan(t) }));
          },
        },
        ...(idx === 2
          ? [
              {
                ALT: () => {
                  const expr = this.SUBRULE(this.addExpr);
                  return this.ACTION(() => ({ kind: "Value" as const, expr, span: expr.span }));
                },
              },
            ]
          : []),
      ]);
    };
    const left = amount(1);
    const body = this.OR([
      {
        ALT: (): A.AssertBody => {
          const op = this.OR4(
            ASSERT_OPS.map(([name, cmp]) => ({
              ALT: () => ({ cmp, token: this.CONSUME(KW[name]) }),
            })),
          );
          const right = amount(2);
          return this.ACTION(() => ({
            kind: "Compare" as const,
            left,
            op: op.cmp,
            word: op.token.image,
            right,
          }));
        },
      },
      {
        ALT: (): A.AssertBody => {
          const rest: A.ClauseRef[] = [];
          this.AT_LEAST_ONE(() => {
            this.OR5([{ ALT: () => this.CONSUME(KW.With) }, { ALT: () => this.CONSUME(T.Dun) }]);
            rest.push(ref(this.CONSUME3(T.ClauseNo)));
          });
          this.CONSUME(KW.NotTogether);
          return this.ACTION(() => {
            const first = left.kind === "ClauseAmount" ? [left.clause] : [];
            return { kind: "Exclusive" as const, clauses: [...first, ...rest] };
          });
        },
      },
    ]);
    let when: A.Expr | undefined;
    this.OPTION(() => {
      this.CONSUME(KW.When);
      when = this.SUBRULE(this.expr);
    });
    let description: string | undefined;
    this.OPTION2(() => (description = this.payload<string>(this.CONSUME(T.Str))));
    return this.ACTION(() => ({
      kind: "Assert",
      body,
      ...(when ? { when } : {}),
      ...(description !== undefined ? { description } : {}),
      span: this.sp(start),
    }));
  });

  /** 例外 第5条 “依据” (申报指南). */
  exceptionDecl = this.RULE("exceptionDecl", (): A.ExceptionDecl => {
    const start = this.CONSUME(KW.Exception);
    const no = this.CONSUME(T.ClauseNo);
    const reason = this.CONSUME(T.Str);
    return this.ACTION(() => ({
      kind: "Exception",
      clause: this.payload<A.ClauseKey>(no),
      label: no.image,
      reason: this.payload<string>(reason),
      span: this.sp(start),
    }));
  });
}

/** Token types that open a top-level block wherever they stand. */
const BLOCK_STARTS = new Set(
  (
    [
      "Policy",
      "Guideline",
      "Inputs",
      "Params",
      "Define",
      "Category",
      "Eligibility",
      "Stacking",
      "Assert",
      "Case",
      "Open",
      "Exception",
    ] satisfies KeywordName[]
  ).map((n) => KW[n]),
);

/**
 * Where each top-level block starts: a block keyword or 第N条 as the first token of its line.
 * 参数 also opens a case line (`参数 名称 取值`), so as a section it must stand alone on its line.
 */
function blockStarts(tokens: readonly IToken[]): number[] {
  const starts: number[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const lineStart = !prev || prev.endLine! < t.startLine!;
    if (!lineStart) return;
    if (t.tokenType === KW.Params && next && next.startLine === t.endLine) return;
    if (BLOCK_STARTS.has(t.tokenType) || t.tokenType === T.ClauseNo) starts.push(i);
  });
  if (starts[0] !== 0 && tokens.length) starts.unshift(0);
  return starts;
}

/** The heading of a clause block that did not parse, for the outline; undefined for other blocks. */
function brokenClause(lex: LexResult, block: readonly IToken[]): A.BrokenClause | undefined {
  const no = block[0];
  if (no?.tokenType !== T.ClauseNo) return undefined;
  const titleTok = block[1]?.tokenType === T.Title ? block[1] : undefined;
  const last = block[block.length - 1]!;
  const payload = (t: IToken) => (t as IToken & { payload: unknown }).payload;
  return {
    number: (payload(no) as A.ClauseKey | undefined) ?? 0,
    label: no.image,
    title: titleTok ? String(payload(titleTok)) : "",
    labelSpan: lex.lines.span(no.startOffset, no.endOffset! + 1),
    span: lex.lines.span(no.startOffset, last.endOffset! + 1),
  };
}

let shared: PolicyParser | undefined;

/** tokens → AST with syntax diagnostics. The parser instance is reused; it keeps nothing between calls. */
export function tokensToAst(lex: LexResult): { ast: A.Policy; diagnostics: Diagnostic[] } {
  shared ??= new PolicyParser();
  let parser = shared;
  parser.lines = lex.lines;
  const diagnostics: Diagnostic[] = [];
  const items: A.TopItem[] = [];
  const broken: A.BrokenClause[] = [];
  let header: A.Header | undefined;
  const starts = blockStarts(lex.tokens);
  for (let k = 0; k < starts.length; k++) {
    const block = lex.tokens.slice(starts[k], starts[k + 1] ?? lex.tokens.length);
    parser.input = block;
    const first = block[0]!.tokenType;
    if (first === KW.Policy || first === KW.Guideline) {
      const { item: h, diagnostics: deep } = parseBounded(lex, block, () => parser.header());
      diagnostics.push(...deep);
      if (header && h)
        diagnostics.push(
          errorToDiagnostic(lex, { message: "政策标题只能写一次", token: block[0]! }),
        );
      header ??= h;
    } else {
      const {
        item,
        diagnostics: deep,
        overflow,
      } = parseBounded(lex, block, () => parser.topItem());
      diagnostics.push(...deep);
      if (item) items.push(item);
      else {
        const b = brokenClause(lex, block);
        if (b) broken.push(b);
      }
      if (overflow) {
        // A parser that ran out of stack is in no state to go on: the next block gets a new one.
        shared = parser = new PolicyParser();
        parser.lines = lex.lines;
        continue;
      }
    }
    diagnostics.push(...parser.errors.map((e) => errorToDiagnostic(lex, e)));
  }
  parser.input = [];
  const end = lex.tokens.length ? lex.tokens[lex.tokens.length - 1]!.endOffset! + 1 : 0;
  return {
    ast: {
      kind: "Policy",
      ...(header ? { header } : {}),
      items,
      comments: lex.comments,
      ...(broken.length ? { broken } : {}),
      span: lex.lines.span(0, end),
    },
    diagnostics,
  };
}
