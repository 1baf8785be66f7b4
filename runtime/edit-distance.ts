/**
 * Levenshtein distance, for "did you mean" suggestions in the compiler and in input validation.
 * Bounded (issue 12): strings longer than MAX_COMPARED_LENGTH are never compared (a 1 MB unknown
 * key used to block the event loop for seconds), and a distance beyond `max` stops early, so one
 * comparison costs at most MAX_COMPARED_LENGTH × (2 × max + 1) steps.
 */

/** Strings longer than this are not compared: nobody mistypes a name of 65 characters. */
export const MAX_COMPARED_LENGTH = 64;

/**
 * Edit distance over UTF-16 units (names are Han characters, one unit each). Exact when it is at
 * most `max`; otherwise some number greater than `max`. Infinity when either string is longer
 * than MAX_COMPARED_LENGTH.
 */
export function editDistance(a: string, b: string, max = MAX_COMPARED_LENGTH): number {
  if (a.length > MAX_COMPARED_LENGTH || b.length > MAX_COMPARED_LENGTH) return Infinity;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    let rowMin = dp[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
      if (dp[j]! < rowMin) rowMin = dp[j]!;
    }
    // every later row is at least this row's minimum
    if (rowMin > max) return max + 1;
  }
  return dp[b.length]!;
}

/** A string as it may appear in a message: at most `max` characters, then “…”. */
export function clipForMessage(s: string, max = 40): string {
  const chars = Array.from(s.slice(0, max * 2));
  return chars.length > max || s.length > max * 2 ? `${chars.slice(0, max).join("")}…` : s;
}
