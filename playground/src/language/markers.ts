/**
 * Compiler diagnostics as editor markers, and the compiler's suggested fixes as quick fixes.
 */
import type { AnalysisStore } from "../analysis-store.js";
import { monaco } from "../monaco.js";
import type { Diagnostic } from "../protocol.js";
import { spanRange } from "./navigation.js";

/** The marker owner name used for compiler diagnostics. */
export const MARKER_OWNER = "zhengce";

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Markers for a list of diagnostics; an empty span still gets one visible character. */
export function toMarkers(ds: readonly Diagnostic[]): monaco.editor.IMarkerData[] {
  return ds.map((d) => {
    const r = spanRange(d.span);
    const empty = r.startLineNumber === r.endLineNumber && r.endColumn <= r.startColumn;
    return {
      severity: SEVERITY[d.severity],
      code: d.code,
      message: d.help ? `${d.message}\n提示：${d.help}` : d.message,
      source: "政策编译器",
      startLineNumber: r.startLineNumber,
      startColumn: r.startColumn,
      endLineNumber: r.endLineNumber,
      endColumn: empty ? r.startColumn + 1 : r.endColumn,
    };
  });
}

/** Quick fixes from the `fix` the compiler attached to a diagnostic. */
export function codeActionProvider(store: AnalysisStore): monaco.languages.CodeActionProvider {
  return {
    provideCodeActions(model, _range, context) {
      const ds = store.current?.diagnostics ?? [];
      const actions: monaco.languages.CodeAction[] = [];
      for (const marker of context.markers) {
        const d = ds.find(
          (x) =>
            x.fix &&
            x.code === marker.code &&
            x.span.line === marker.startLineNumber &&
            x.span.col === marker.startColumn,
        );
        if (!d?.fix) continue;
        actions.push({
          title: d.fix.title,
          kind: "quickfix",
          diagnostics: [marker],
          isPreferred: true,
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: spanRange(d.fix.span), text: d.fix.text },
              },
            ],
          },
        });
      }
      return { actions, dispose() {} };
    },
  };
}
