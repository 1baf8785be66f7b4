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
