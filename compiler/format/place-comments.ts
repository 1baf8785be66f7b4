/**
 * Comments → units. Every comment lands on exactly one unit: after it on the same line (trailing),
 * before it on lines of its own (leading), or at the end of a list (dangling). A comment inside a
 * multi-line unit is moved before that unit, so no comment is ever lost.
 */
import type { Comment } from "../../grammar/ast.js";
import type { Unit } from "./ast-to-units.js";

/** Place every comment on the units; returns the comments left at the end of the file. */
export function placeComments(units: Unit[], comments: readonly Comment[]): Comment[] {
  const end: Comment[] = [];
  for (const c of [...comments].sort((a, b) => a.span.start - b.span.start)) {
    if (!place(units, c)) end.push(c);
  }
  return end;
}

/** Place one comment in a list of units; false when it comes after all of them. */
function place(units: Unit[], c: Comment): boolean {
  const at = c.span.start;
  const enclosing = units.find((u) => u.start < at && at < u.end);
  if (enclosing) {
    if (enclosing.children && c.span.line > enclosing.headEndLine) {
      if (!place(enclosing.children, c)) enclosing.dangling.push(c);
    } else if (c.span.line === enclosing.headEndLine) enclosing.trailing.push(c);
    else enclosing.leading.push(c);
    return true;
  }
  let prev: Unit | undefined;
  for (const u of units)
    if (u.end <= at && u.endLine === c.span.line && (!prev || u.end > prev.end)) prev = u;
  // A block that reaches the comment's line only through stray punctuation (a "，" on a line of
  // its own) does not own the comment: it goes with what follows, as it will when read back.
  const lastChild = prev?.children?.reduce<Unit | undefined>(
    (a, u) => (!a || u.end > a.end ? u : a),
    undefined,
  );
  if (prev && lastChild && lastChild.endLine < c.span.line && prev.endLine > prev.headEndLine)
    prev = undefined;
  if (prev) {
    if (prev.children?.length && prev.endLine > prev.headEndLine) {
      if (!place(prev.children, c)) prev.dangling.push(c);
    } else prev.trailing.push(c);
    return true;
  }
  let next: Unit | undefined;
  for (const u of units) if (u.start >= c.span.end && (!next || u.start < next.start)) next = u;
  if (next) {
    next.leading.push(c);
    return true;
  }
  return false;
}
