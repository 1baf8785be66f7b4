/**
 * Clause keys as the runtime sees them: 5 for 第5条, and the canonical text of a sub-clause
 * ("3之一" for 第3条之一, "3（一）" for 第3条（一）), as the compiler writes them into a module's meta.
 * A caller may name a clause as 9, "9", "第9条", "第3条之一", "3之一" or "第3条(一)".
 */
import { foldWidth } from "./text-forms.js";
import type { PolicyMeta } from "./types.js";

/** A clause's key: a number for 第N条, the canonical text for a sub-clause. */
export type ClauseKey = number | string;

/** Full-width digits and brackets folded, spaces removed. */
const fold = (s: string): string => foldWidth(s).replace(/\s+/g, "");

/** How a key is written in a policy: 第3条, 第3条之一, 第3条（一）. */
export function clauseKeyLabel(key: ClauseKey): string {
  if (typeof key === "number") return `第${key}条`;
  const m = /^(\d+)(.*)$/.exec(key);
  return m ? `第${m[1]}条${m[2]}` : key;
}

/** The key of the clause a caller's reference names, when the policy has that clause. */
export function clauseKeyOf(v: unknown, meta: PolicyMeta): ClauseKey | undefined {
  if (typeof v === "number")
    return Number.isInteger(v) && meta.clauses.some((c) => c.number === v) ? v : undefined;
  if (typeof v !== "string" || v.length > 40) return undefined;
  const s = fold(v);
  const m = /^(?:第)?(\d{1,6})(?:条)?$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    return meta.clauses.some((c) => c.number === n) ? n : undefined;
  }
  for (const c of meta.clauses) {
    if (typeof c.number !== "string") continue;
    const forms = [c.number, clauseKeyLabel(c.number), c.label].map(fold);
    if (forms.includes(s)) return c.number;
  }
  return undefined;
}
