/**
 * Pairing the clauses of two versions: by number and title, then by title alone (a renumbered
 * clause is moved, not deleted and added), then by identical content (moved and retitled), then
 * by number alone (retitled). What is left was added or removed.
 */
import type { Clause } from "../grammar/ast.js";
import { clauseOrder } from "../grammar/clause-ids.js";
import type { Place } from "./change.js";
import { nodeKey } from "./normalize.js";

export interface ClausePair {
  readonly old?: Clause;
  readonly new?: Clause;
  /** The number changed (条款重新编号). */
  readonly moved: boolean;
  /** The title changed. */
  readonly retitled: boolean;
  /** How lines about this clause name it: 第8条, 第8条（原第7条）. */
  readonly place: Place;
}

/** Pair the clauses of the old and the new version; the result follows the new numbering. */
export function matchClauses(olds: readonly Clause[], news: readonly Clause[]): ClausePair[] {
  const pairs: [Clause, Clause][] = [];
  const freeOld = new Set(olds);
  const freeNew = new Set(news);
  const pass = (same: (a: Clause, b: Clause) => boolean) => {
    for (const b of news) {
      if (!freeNew.has(b)) continue;
      const a = olds.find((x) => freeOld.has(x) && same(x, b));
      if (!a) continue;
      pairs.push([a, b]);
      freeOld.delete(a);
      freeNew.delete(b);
    }
  };
  pass((a, b) => a.number === b.number && a.title === b.title);
  pass((a, b) => a.title === b.title);
  pass((a, b) => nodeKey(a.items) === nodeKey(b.items));
  pass((a, b) => a.number === b.number);
  const out: ClausePair[] = [];
  for (const [a, b] of pairs) {
    const moved = a.number !== b.number;
    out.push({
      old: a,
      new: b,
      moved,
      retitled: a.title !== b.title,
      place: {
        clause: moved ? `${b.label}（原${a.label}）` : b.label,
        oldClause: a.number,
        newClause: b.number,
      },
    });
  }
  for (const b of freeNew)
    out.push({
      new: b,
      moved: false,
      retitled: false,
      place: { clause: b.label, newClause: b.number },
    });
  for (const a of freeOld)
    out.push({
      old: a,
      moved: false,
      retitled: false,
      place: { clause: a.label, oldClause: a.number },
    });
  // A removed clause sorts just before the new clause that took its place.
  const order = (p: ClausePair) =>
    p.new ? clauseOrder(p.new.number) : clauseOrder(p.old!.number) - 0.0001;
  return out.sort((x, y) => order(x) - order(y));
}
