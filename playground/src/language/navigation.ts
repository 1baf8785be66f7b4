/**
 * Go to definition, find references and the document outline in Monaco: the shared
 * language services (language/navigation.ts) over the worker's name and clause index.
 */
import { LineMap } from "../../../grammar/index.js";
import { definition, references, type NavSource } from "../../../language/index.js";
import type { AnalysisStore } from "../analysis-store.js";
import { monaco } from "../monaco.js";
import type { Span } from "../protocol.js";
import type { Range } from "vscode-languageserver-types";

/** A Monaco range for a compiler span (both 1-based, end exclusive). */
export function spanRange(s: Span): monaco.Range {
  return new monaco.Range(s.line, s.col, s.endLine, s.endCol);
}

const toRange = (r: Range) =>
  new monaco.Range(r.start.line + 1, r.start.character + 1, r.end.line + 1, r.end.character + 1);
const toPosition = (p: monaco.IPosition) => ({ line: p.lineNumber - 1, character: p.column - 1 });

function source(store: AnalysisStore, model: monaco.editor.ITextModel): NavSource {
  const text = model.getValue();
  return {
    text,
    lines: new LineMap(text),
    names: store.nameIndex,
    clauses: store.current?.clauses ?? [],
  };
}

/** Go to the declaration of the name (or the clause) under the cursor. */
export function definitionProvider(store: AnalysisStore): monaco.languages.DefinitionProvider {
  return {
    provideDefinition(model, position) {
      const uri = model.uri.toString();
      return definition(source(store, model), uri, toPosition(position)).map((l) => ({
        uri: model.uri,
        range: toRange(l.range),
      }));
    },
  };
}

/** Every use of the name (or the clause) under the cursor. */
export function referenceProvider(store: AnalysisStore): monaco.languages.ReferenceProvider {
  return {
    provideReferences(model, position, context) {
      const src = source(store, model);
      const uri = model.uri.toString();
      return references(src, uri, toPosition(position), context.includeDeclaration).map((l) => ({
        uri: model.uri,
        range: toRange(l.range),
      }));
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
