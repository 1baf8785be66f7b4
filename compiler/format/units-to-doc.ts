/**
 * units with their comments → one Prettier doc. Top-level items are separated by one blank line;
 * inside a block a single blank line the drafter left is kept, more are folded into one.
 */
import { builders } from "prettier/doc";
import type { Comment } from "../../grammar/ast.js";
import type { Unit } from "./ast-to-units.js";

type Doc = builders.Doc;
const { hardline, align } = builders;

/** Whether the source has a blank line right before `offset` (only whitespace in between). */
function blankBefore(source: string, offset: number): boolean {
  let newlines = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = source[i]!;
    if (ch === "\n") newlines++;
    else if (ch !== " " && ch !== "\t" && ch !== "\r" && ch !== "\u3000") break;
  }
  return newlines >= 2;
}

function unitDoc(source: string, u: Unit): Doc {
  const parts: Doc[] = [u.doc];
  for (const c of u.trailing) parts.push(" ", c.text);
  if (u.children?.length || u.dangling.length) {
    const inner = listDocs(source, u.children ?? [], false);
    for (const c of u.dangling) inner.push(sep(blankBefore(source, c.span.start)), c.text);
    parts.push(align(2, inner));
  }
  return parts;
}

const sep = (blank: boolean): Doc => (blank ? [hardline, hardline] : hardline);

/** A list of units, each preceded by its line break(s); `top` forces a blank line between items. */
function listDocs(source: string, units: readonly Unit[], top: boolean): Doc[] {
  const out: Doc[] = [];
  units.forEach((u, i) => {
    const prev = units[i - 1];
    const first = i === 0;
    const forced = top && !first && !(prev?.compact && u.compact);
    u.leading.forEach((c, j) => {
      const blank =
        j === 0
          ? forced || (!first && blankBefore(source, c.span.start))
          : blankBefore(source, c.span.start);
      if (!(top && first && j === 0)) out.push(sep(blank));
      out.push(c.text);
    });
    const blank = u.leading.length
      ? blankBefore(source, u.start)
      : forced || (!first && blankBefore(source, u.start));
    if (!(top && first && !u.leading.length)) out.push(sep(blank));
    out.push(unitDoc(source, u));
  });
  return out;
}

/** The whole file: units, then comments left at the end, ending with a newline. */
export function unitsToDoc(source: string, units: readonly Unit[], tail: readonly Comment[]): Doc {
  const out = listDocs(source, units, true);
  tail.forEach((c, i) => {
    if (out.length)
      out.push(sep((i === 0 && units.length > 0) || blankBefore(source, c.span.start)));
    out.push(c.text);
  });
  if (out.length) out.push(hardline);
  return out;
}
