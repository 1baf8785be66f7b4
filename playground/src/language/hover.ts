/**
 * Hover in Monaco: the shared language services' text (language/hover.ts) for the word under the
 * cursor.
 */
import { keywordHover, nameHover, SPELLINGS, wordAt } from "../../../language/index.js";
import type { AnalysisStore } from "../analysis-store.js";
import { monaco } from "../monaco.js";

/** The word under the cursor, matching declared names first as the lexer does. */
export function wordUnder(
  store: AnalysisStore,
  model: monaco.editor.ITextModel,
  pos: monaco.IPosition,
) {
  const words = new Set<string>([...SPELLINGS.keys(), ...store.nameIndex.keys()]);
  let max = 0;
  for (const w of words) max = Math.max(max, w.length);
  return wordAt(model.getLineContent(pos.lineNumber), pos.column, words, max);
}

/** The hover provider for the policy language. */
export function hoverProvider(store: AnalysisStore): monaco.languages.HoverProvider {
  return {
    provideHover(model, position) {
      const w = wordUnder(store, model, position);
      if (!w) return null;
      const range = new monaco.Range(
        position.lineNumber,
        w.startCol,
        position.lineNumber,
        w.endCol,
      );
      const name = store.nameIndex.get(w.text);
      const kw = SPELLINGS.get(w.text);
      const paragraphs = name ? nameHover(name) : kw ? keywordHover(w.text, kw) : null;
      return paragraphs ? { range, contents: paragraphs.map((value) => ({ value })) } : null;
    },
  };
}
