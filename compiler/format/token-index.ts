/**
 * Keyword tokens by position, for the AST nodes that keep no span of their own (header fields,
 * a case's 日期 and 输入 lines), so the formatter can place comments next to them.
 */
import type { IToken } from "chevrotain";
import type { KeywordName } from "../../grammar/keywords.js";
import { KW } from "../../grammar/tokens.js";

/** Finds keyword tokens by position, for the AST nodes that keep no span of their own. */
export class TokenIndex {
  constructor(private readonly tokens: readonly IToken[]) {}

  /** The first token of a keyword within [from, to). */
  keyword(name: KeywordName, from: number, to: number): IToken | undefined {
    const type = KW[name];
    return this.tokens.find(
      (t) => t.tokenType === type && t.startOffset >= from && t.startOffset < to,
    );
  }

  /** All tokens of a keyword within [from, to). */
  keywords(name: KeywordName, from: number, to: number): IToken[] {
    const type = KW[name];
    return this.tokens.filter(
      (t) => t.tokenType === type && t.startOffset >= from && t.startOffset < to,
    );
  }

  /** End offset and line of the last token that starts in [from, to). */
  lastEnd(from: number, to: number): { end: number; line: number } {
    let best: IToken | undefined;
    for (const t of this.tokens) if (t.startOffset >= from && t.startOffset < to) best = t;
    return best
      ? { end: best.endOffset! + 1, line: best.endLine! }
      : { end: from, line: this.lineAt(from) };
  }

  /** 1-based line of an offset (via the nearest token at or after it). */
  lineAt(offset: number): number {
    const t = this.tokens.find((x) => x.startOffset >= offset);
    return t?.startLine ?? this.tokens[this.tokens.length - 1]?.endLine ?? 1;
  }
}
