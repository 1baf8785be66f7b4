/**
 * "Did you mean" for undeclared names, and the split of glued words into known words.
 */
import { spellingTable } from "../../grammar/keywords.js";

/** Levenshtein distance over UTF-16 units (names are Han characters, one unit each). */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** The closest known name, if it is close enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name, k);
    const limit = Math.max(1, Math.floor(Math.max(name.length, k.length) / 3));
    if (d <= limit && d < bestD) {
      best = k;
      bestD = d;
    }
    if (d === bestD && best !== k && (k.includes(name) || name.includes(k))) best = k;
  }
  if (!best)
    best = known.find(
      (k) => k.length >= 2 && (k.includes(name) || name.includes(k)) && name.length >= 2,
    );
  return best;
}

const KEYWORD_SPELLINGS = spellingTable();

/** Split text into known names and keywords, e.g. 项目投资上限 → [项目投资, 上限]; undefined if impossible. */
export function splitGlued(text: string, known: ReadonlySet<string>): string[] | undefined {
  const best: (string[] | undefined)[] = new Array(text.length + 1).fill(undefined);
  best[0] = [];
  for (let i = 0; i < text.length; i++) {
    const prefix = best[i];
    if (!prefix) continue;
    for (let j = i + 1; j <= text.length; j++) {
      const w = text.slice(i, j);
      if (!known.has(w) && !KEYWORD_SPELLINGS.has(w)) continue;
      const cand = [...prefix, w];
      const cur = best[j];
      if (!cur || cand.length < cur.length) best[j] = cand;
    }
  }
  const out = best[text.length];
  return out && out.length > 1 ? out : undefined;
}
