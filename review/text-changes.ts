/**
 * Changes that are not rule changes: comments added or removed, and layout or spelling changes
 * (indentation, blank lines, 200万 written as 2,000,000元) that leave every rule as it was.
 */
import type { Policy } from "../grammar/ast.js";
import { change, type Change } from "./change.js";
import { nodeKey } from "./normalize.js";
import { quote } from "./words.js";

const HERE = {};

type Comment = Policy["comments"][number];

/** What follows a comment in its source: pairs an edited comment with its earlier text. */
function anchor(source: string, c: Comment): string {
  return (
    source
      .slice(c.span.end, c.span.end + 80)
      .trim()
      .split("\n")[0] ?? ""
  );
}

const bare = (c: Comment) => quote(c.text.replace(/^#\s*/, ""));

/** Comments added, removed or edited (compared by their text, wherever they moved). */
export function commentChanges(
  a: Policy,
  b: Policy,
  oldSource: string,
  newSource: string,
): Change[] {
  const removed = [...a.comments];
  const added: Comment[] = [];
  for (const c of b.comments) {
    const i = removed.findIndex((x) => x.text.trim() === c.text.trim());
    if (i >= 0) removed.splice(i, 1);
    else added.push(c);
  }
  const out: Change[] = [];
  for (const c of [...added]) {
    const i = removed.findIndex((x) => anchor(oldSource, x) === anchor(newSource, c));
    if (i < 0) continue;
    const x = removed.splice(i, 1)[0]!;
    added.splice(added.indexOf(c), 1);
    out.push(
      change(HERE, "comment", "format", {
        subject: "注释",
        text: `修改注释（新版第${c.span.line}行）：${bare(x)} → ${bare(c)}`,
        before: bare(x),
        after: bare(c),
        oldSpan: x.span,
        newSpan: c.span,
      }),
    );
  }
  for (const c of added)
    out.push(
      change(HERE, "comment", "format", {
        subject: "注释",
        text: `新增注释（新版第${c.span.line}行）：${bare(c)}`,
        after: c.text,
        newSpan: c.span,
      }),
    );
  for (const c of removed)
    out.push(
      change(HERE, "comment", "format", {
        subject: "注释",
        text: `删除注释（原第${c.span.line}行）：${bare(c)}`,
        before: c.text,
        oldSpan: c.span,
      }),
    );
  return out;
}

/** Source text without comments; a comment alone on its line takes the line with it. */
function skeleton(source: string, p: Policy): string {
  let s = "";
  let at = 0;
  for (const c of [...p.comments].sort((x, y) => x.span.start - y.span.start)) {
    let start = c.span.start;
    let end = c.span.end;
    const lineStart = source.lastIndexOf("\n", start - 1) + 1;
    if (/^[ \t]*$/.test(source.slice(lineStart, start))) {
      start = lineStart;
      if (source[end] === "\r") end++;
      if (source[end] === "\n") end++;
    }
    s += source.slice(at, Math.max(at, start));
    at = Math.max(at, end);
  }
  return s + source.slice(at);
}

/**
 * A formatting change when the texts differ beyond their comments but the rules do not: layout
 * only, or the spelling of figures and synonyms. `ruleChanges` says whether other lines already
 * describe the difference.
 */
export function formattingChanges(
  a: Policy,
  b: Policy,
  oldSource: string,
  newSource: string,
  ruleChanges: boolean,
): Change[] {
  if (nodeKey(a, true) !== nodeKey(b, true)) {
    if (ruleChanges) return [];
    return [
      change(HERE, "formatting", "format", {
        subject: "书写形式",
        text: "书写形式变化（数字写法、同义用语或说明文字的写法），规则不变",
      }),
    ];
  }
  if (skeleton(oldSource, a) === skeleton(newSource, b)) return [];
  return [
    change(HERE, "formatting", "format", {
      subject: "排版",
      text: "仅排版变化（缩进、空行、换行），规则不变",
    }),
  ];
}
