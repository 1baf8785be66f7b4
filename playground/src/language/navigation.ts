/**
 * Go to definition, find references and the document outline, from the worker's name and clause
 * index.
 */
import type { AnalysisStore } from "../analysis-store.js";
import { monaco } from "../monaco.js";
import type { Span } from "../protocol.js";
import { wordUnder } from "./hover.js";

/** A Monaco range for a compiler span (both 1-based, end exclusive). */
export function spanRange(s: Span): monaco.Range {
  return new monaco.Range(s.line, s.col, s.endLine, s.endCol);
}

/** Go to the declaration of the name under the cursor. */
export function definitionProvider(store: AnalysisStore): monaco.languages.DefinitionProvider {
  return {
    provideDefinition(model, position) {
      const w = wordUnder(store, model, position);
      const n = w && store.nameIndex.get(w.text);
      // A name of the policy a guideline builds on is defined in that policy, not in this text.
      return n && !n.inPolicy ? [{ uri: model.uri, range: spanRange(n.def) }] : null;
    },
  };
}

/** Every use of the name under the cursor. */
export function referenceProvider(store: AnalysisStore): monaco.languages.ReferenceProvider {
  return {
    provideReferences(model, position, context) {
      const w = wordUnder(store, model, position);
      const n = w && store.nameIndex.get(w.text);
      if (!n) return null;
      const spans = context.includeDeclaration && !n.inPolicy ? [n.def, ...n.uses] : n.uses;
      return spans.map((s) => ({ uri: model.uri, range: spanRange(s) }));
    },
  };
}

/** Clauses as document symbols (Ctrl+Shift+O and breadcrumbs). */
export function symbolProvider(store: AnalysisStore): monaco.languages.DocumentSymbolProvider {
  return {
    displayName: "条款目录",
    provideDocumentSymbols() {
      const clauses = store.current?.clauses ?? [];
      return clauses.map((c) => ({
        name: `${c.label} ${c.title}`,
        detail: "",
        kind: monaco.languages.SymbolKind.Module,
        tags: [],
        range: spanRange(c.span),
        selectionRange: spanRange(c.labelSpan),
      }));
    },
  };
}
