/**
 * A depth check on JSON text before it is parsed: deep nesting is refused up front, so that no
 * later step (validation, error messages, serialisation) can recurse deeply on request data.
 */

/** The deepest nesting of arrays and objects in JSON text (strings are skipped correctly). */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}
