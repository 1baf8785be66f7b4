/**
 * Go to definition, find references and rename, for declared names and for clause numbers (a
 * case's 期望 第5条 leads to 第5条). Positions are protocol positions (0-based).
 */
import type { Location, Position, Range, TextEdit } from "vscode-languageserver-types";
import type { Analysis } from "./analysis.js";
import { lineAndColumn, spanToRange } from "./positions.js";
import type { ClauseInfo, NameInfo } from "./types.js";
import { SPELLINGS, wordIn } from "./words.js";

/** What navigation needs of an analysis; an editor holding only a name index can build it. */
export type NavSource = Pick<Analysis, "text" | "lines" | "names" | "clauses">;

/** What sits under a position: a declared name, a clause label, or nothing we know. */
type Target =
  | { readonly kind: "name"; readonly name: NameInfo; readonly range: Range }
  | { readonly kind: "clause"; readonly clause: ClauseInfo; readonly range: Range }
  | null;

/** 第5条, and the sub-clause forms 第3条之一 and 第3条（一）: a mention of 第3条之一 is not one of 第3条. */
const CLAUSE_LABEL =
  /第[0-9零一二三四五六七八九十百千]+条(?:之[0-9零一二三四五六七八九十百]+|[（(][0-9零一二三四五六七八九十百]+[)）])?/g;
/** Labels compare with full-width brackets folded (第3条(一) is 第3条（一）). */
const sameLabel = (a: string, b: string): boolean =>
  a.replace(/（/g, "(").replace(/）/g, ")") === b.replace(/（/g, "(").replace(/）/g, ")");

function targetAt(a: NavSource, p: Position): Target {
  const { line, column } = lineAndColumn(a.lines, p);
  for (const m of line.matchAll(CLAUSE_LABEL)) {
    const start = m.index ?? 0;
    if (column - 1 < start || column - 1 > start + m[0].length) continue;
    const clause = a.clauses.find((c) => sameLabel(c.label, m[0]));
    const range = {
      start: { line: p.line, character: start },
      end: { line: p.line, character: start + m[0].length },
    };
    if (clause) return { kind: "clause", clause, range };
  }
  const w = wordIn(a, line, column);
  const name = w && a.names.get(w.text);
  if (!w || !name) return null;
  const range = {
    start: { line: p.line, character: w.startCol - 1 },
    end: { line: p.line, character: w.endCol - 1 },
  };
  return { kind: "name", name, range };
}

/** Every place a clause label is written, its header first. */
function clauseMentions(a: NavSource, clause: ClauseInfo): Range[] {
  const out: Range[] = [spanToRange(clause.labelSpan)];
  const total = a.lines.position(a.text.length).line;
  for (let l = 1; l <= total; l++) {
    const text = a.lines.lineText(l);
    for (const m of text.matchAll(CLAUSE_LABEL)) {
      if (!sameLabel(m[0], clause.label)) continue;
      const start = m.index ?? 0;
      if (l === clause.labelSpan.line && start === clause.labelSpan.col - 1) continue;
      out.push({
        start: { line: l - 1, character: start },
        end: { line: l - 1, character: start + m[0].length },
      });
    }
  }
  return out;
}

export function definition(a: NavSource, uri: string, p: Position): Location[] {
  const t = targetAt(a, p);
  if (!t) return [];
  if (t.kind === "clause") return [{ uri, range: spanToRange(t.clause.labelSpan) }];
  // A name of the policy a guideline builds on is defined in that policy, not in this text.
  return t.name.inPolicy ? [] : [{ uri, range: spanToRange(t.name.def) }];
}

export function references(
  a: NavSource,
  uri: string,
  p: Position,
  includeDeclaration: boolean,
): Location[] {
  const t = targetAt(a, p);
  if (!t) return [];
  if (t.kind === "clause") {
    const all = clauseMentions(a, t.clause);
    return (includeDeclaration ? all : all.slice(1)).map((range) => ({ uri, range }));
  }
  const n = t.name;
  const spans = includeDeclaration && !n.inPolicy ? [n.def, ...n.uses] : n.uses;
  return spans.map((s) => ({ uri, range: spanToRange(s) }));
}

/** A refusal to rename, with its reason in Chinese. */
export class RenameRefused extends Error {}

/** The range of the name that would be renamed at a position (for prepareRename). */
export function renameRange(a: NavSource, p: Position): Range {
  const { line, column } = lineAndColumn(a.lines, p);
  const w = wordIn(a, line, column);
  if (w && !a.names.has(w.text) && SPELLINGS.has(w.text))
    throw new RenameRefused(`“${w.text}”是关键字，不能改名`);
  const t = targetAt(a, p);
  if (!t || t.kind !== "name")
    throw new RenameRefused("此处没有可以改名的名称（申报信息、参数、定义、分类或类别）");
  if (t.name.inPolicy)
    throw new RenameRefused(`“${t.name.name}”在所依据的政策中定义，请在政策文件中改名`);
  return t.range;
}

/** The edits that rename the name at `p` to `newName` everywhere, cases included. */
export function rename(a: NavSource, p: Position, newName: string): TextEdit[] {
  renameRange(a, p);
  const t = targetAt(a, p);
  if (!t || t.kind !== "name") return [];
  const wanted = newName.trim();
  if (!wanted || /[\s“”"「」#：:，,（）()]/.test(wanted))
    throw new RenameRefused(
      `新名称“${newName}”不可用：名称不能为空，也不能含空白、引号、括号或标点`,
    );
  if (SPELLINGS.has(wanted)) throw new RenameRefused(`新名称“${wanted}”是关键字，请换一个名称`);
  if (a.names.has(wanted) && wanted !== t.name.name)
    throw new RenameRefused(`政策中已有名称“${wanted}”，改名后两者会混淆`);
  return [t.name.def, ...t.name.uses].map((s) => ({ range: spanToRange(s), newText: wanted }));
}
