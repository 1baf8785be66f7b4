/**
 * The outline (document symbols) and folding ranges, from the tree. Every kind of top-level item
 * has its entry in one typed record, so a new kind of item cannot be left out silently.
 */
import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
} from "vscode-languageserver-types";
import { assertStatementText, canonical } from "../grammar/index.js";
import type { ast } from "../compiler/index.js";
import type { Analysis } from "./analysis.js";
import { spanToRange } from "./positions.js";

type Item = ast.TopItem;
type Entry<K extends Item["kind"]> = (item: Extract<Item, { kind: K }>) => DocumentSymbol;

const symbol = (
  name: string,
  kind: SymbolKind,
  span: ast.Span,
  selection: ast.Span = span,
  children: DocumentSymbol[] = [],
  detail?: string,
): DocumentSymbol => ({
  name: name || "（无名）",
  kind,
  range: spanToRange(span),
  selectionRange: spanToRange(selection),
  ...(detail ? { detail } : {}),
  ...(children.length ? { children } : {}),
});

type Decl = { readonly name: string; readonly nameSpan: ast.Span; readonly span: ast.Span };
const decls = (ds: readonly Decl[], kind: SymbolKind) =>
  ds.map((d) => symbol(d.name, kind, d.span, d.nameSpan));

const ENTRIES: { [K in Item["kind"]]: Entry<K> } = {
  Open: (i) => symbol(canonical("Open"), SymbolKind.Namespace, i.span),
  Exception: (i) => symbol(`${canonical("Exception")} ${i.label}`, SymbolKind.Event, i.span),
  Inputs: (i) =>
    symbol(
      canonical("Inputs"),
      SymbolKind.Namespace,
      i.span,
      i.span,
      decls(i.decls, SymbolKind.Field),
    ),
  Params: (i) =>
    symbol(
      canonical("Params"),
      SymbolKind.Namespace,
      i.span,
      i.span,
      decls(i.decls, SymbolKind.Constant),
    ),
  Define: (i) => symbol(i.name, SymbolKind.Variable, i.span, i.nameSpan, [], canonical("Define")),
  Category: (i) =>
    symbol(
      i.name,
      SymbolKind.Enum,
      i.span,
      i.nameSpan,
      i.values.map((v) => symbol(v.name, SymbolKind.EnumMember, v.span)),
    ),
  Eligibility: (i) => symbol(canonical("Eligibility"), SymbolKind.Namespace, i.span),
  Stacking: (i) => symbol(canonical("Stacking"), SymbolKind.Namespace, i.span),
  Clause: (i) => symbol(`${i.label} ${i.title}`.trim(), SymbolKind.Module, i.span, i.labelSpan),
  Case: (i) => symbol(i.title, SymbolKind.Method, i.span, i.span, [], canonical("Case")),
  Assert: (i) =>
    symbol(`${canonical("Assert")} ${assertStatementText(i)}`, SymbolKind.Boolean, i.span),
};

function entryFor<K extends Item["kind"]>(item: Extract<Item, { kind: K }>): DocumentSymbol {
  return (ENTRIES[item.kind] as Entry<K>)(item);
}

/** The outline: every top-level item in source order, declarations nested under their section. */
export function documentSymbols(a: Analysis): DocumentSymbol[] {
  return a.tree ? a.tree.items.map((item) => entryFor(item)) : [];
}

/** The last line a span really covers (a span ending at a line's start ends on the line before). */
const lastLine = (s: ast.Span) =>
  s.endCol === 1 && s.endLine > s.line ? s.endLine - 1 : s.endLine;

/** Folding: each multi-line top-level item, and runs of comment lines. */
export function foldingRanges(a: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const item of a.tree?.items ?? []) {
    const end = lastLine(item.span);
    if (end > item.span.line) out.push({ startLine: item.span.line - 1, endLine: end - 1 });
  }
  let run: { start: number; end: number } | null = null;
  const flush = () => {
    if (run && run.end > run.start)
      out.push({ startLine: run.start - 1, endLine: run.end - 1, kind: FoldingRangeKind.Comment });
    run = null;
  };
  for (const c of a.tree?.comments ?? []) {
    if (run && c.span.line === run.end + 1) run.end = c.span.line;
    else {
      flush();
      run = { start: c.span.line, end: c.span.line };
    }
  }
  flush();
  return out;
}
