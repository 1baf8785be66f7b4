/**
 * "Did you mean" for undeclared names, and the split of glued words into known words.
 */
import { spellingTable } from "../../grammar/keywords.js";
import { editDistance } from "../../runtime/edit-distance.js";

/** The closest known name, if it is close enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const limit = Math.max(1, Math.floor(Math.max(name.length, k.length) / 3));
    const d = editDistance(name, k, limit);
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
const MAX_KEYWORD_LENGTH = Math.max(...[...KEYWORD_SPELLINGS.keys()].map((k) => k.length));
/** Glued runs longer than this are not split into words. */
const MAX_GLUED_LENGTH = 256;

/** Split text into known names and keywords, e.g. 项目投资上限 → [项目投资, 上限]; undefined if impossible. */
export function splitGlued(text: string, known: ReadonlySet<string>): string[] | undefined {
  // Bounded (issue 12): a run this long is not a slip of the keyboard, and no word is longer
  // than the longest known one, so the work is linear in the text.
  if (text.length > MAX_GLUED_LENGTH) return undefined;
  let longest = MAX_KEYWORD_LENGTH;
  for (const k of known) longest = Math.max(longest, k.length);
  const best: (string[] | undefined)[] = new Array(text.length + 1).fill(undefined);
  best[0] = [];
  for (let i = 0; i < text.length; i++) {
    const prefix = best[i];
    if (!prefix) continue;
    for (let j = i + 1; j <= Math.min(text.length, i + longest); j++) {
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
