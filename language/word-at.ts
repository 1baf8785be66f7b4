/**
 * Splits a line the way the compiler's lexer does: at each position the longest declared name or
 * keyword spelling wins; any other character stands alone. Hover and go-to-definition use it to
 * find the word under the cursor in text that has no spaces between words.
 */

/** A word found in a line; columns are 1-based, end exclusive. */
export interface Word {
  readonly text: string;
  readonly startCol: number;
  readonly endCol: number;
}

/** The word of `words` covering `column` in `line`, if any. */
export function wordAt(
  line: string,
  column: number,
  words: ReadonlySet<string>,
  maxLen: number,
): Word | null {
  let i = 0;
  while (i < line.length) {
    let len = 0;
    for (let l = Math.min(maxLen, line.length - i); l > 0; l--) {
      if (words.has(line.slice(i, i + l))) {
        len = l;
        break;
      }
    }
    const end = i + Math.max(len, 1);
    if (len > 0 && column >= i + 1 && column <= end) {
      return { text: line.slice(i, end), startCol: i + 1, endCol: end + 1 };
    }
    if (i + 1 > column) break;
    i = end;
  }
  return null;
}
