/**
 * Go to definition, find references, rename (F2) and the document outline in Monaco: the shared
 * language services (language/navigation.ts) over the worker's name and clause index.
 */
import { LineMap } from "../../../grammar/index.js";
import {
  definition,
  references,
  rename,
  renameRange,
  RenameRefused,
  type NavSource,
} from "../../../language/index.js";
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

/** Why a rename cannot go ahead now, or null: the index must describe the text in the editor. */
function staleIndex(store: AnalysisStore, model: monaco.editor.ITextModel): string | null {
  const a = store.current;
  if (!a || a.source !== model.getValue()) return "正在分析刚改过的文本，请稍候再改名。";
  if (!a.names.length) return "政策有语法错误，暂时找不到名称的所有用处；请先改正错误再改名。";
  return null;
}

const refusal = (err: unknown): string => {
  if (err instanceof RenameRefused) return err.message;
  throw err;
};

/**
 * Rename (F2) a declared name everywhere it is written, cases included: the shared service's
 * edits, or its refusal in Chinese (a keyword, a name of the base policy, a clash).
 */
export function renameProvider(store: AnalysisStore): monaco.languages.RenameProvider {
  return {
    provideRenameEdits(model, position, newName) {
      const stale = staleIndex(store, model);
      if (stale) return { edits: [], rejectReason: stale };
      try {
        const edits = rename(source(store, model), toPosition(position), newName);
        const versionId = model.getVersionId();
        return {
          edits: edits.map((e) => ({
            resource: model.uri,
            versionId,
            textEdit: { range: toRange(e.range), text: e.newText },
          })),
        };
      } catch (err) {
        return { edits: [], rejectReason: refusal(err) };
      }
    },
    resolveRenameLocation(model, position) {
      const here = new monaco.Range(
        position.lineNumber,
        position.column,
        position.lineNumber,
        position.column,
      );
      const stale = staleIndex(store, model);
      if (stale) return { range: here, text: "", rejectReason: stale };
      try {
        const range = toRange(renameRange(source(store, model), toPosition(position)));
        return { range, text: model.getValueInRange(range) };
      } catch (err) {
        return { range: here, text: "", rejectReason: refusal(err) };
      }
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
