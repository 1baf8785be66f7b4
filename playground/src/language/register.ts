/**
 * Registers the policy language with Monaco: highlighting, language configuration, completion,
 * hover, navigation, rename, quick fixes and (when the project has one) formatting.
 */
import { AUTO_CLOSING, BRACKETS, LINE_COMMENT } from "../../../language/index.js";
import type { AnalysisStore } from "../analysis-store.js";
import { monaco } from "../monaco.js";
import { toast } from "../ui/dom.js";
import type { CompilerClient } from "../worker-client.js";
import { completionProvider } from "./completion.js";
import { hoverProvider } from "./hover.js";
import { codeActionProvider } from "./markers.js";
import { monarchFor, themeRules } from "./monarch.js";
import {
  definitionProvider,
  referenceProvider,
  renameProvider,
  symbolProvider,
} from "./navigation.js";

/** The Monaco language id. */
export const LANGUAGE_ID = "zhengce";
/** The editor theme. */
export const THEME = "zhengce-light";

let tokenizer: monaco.IDisposable | null = null;
let tokenizedNames = "";

/** Re-generate highlighting when the set of declared names changes. */
export function updateHighlighting(names: readonly string[]): void {
  const key = [...names].sort().join("\n");
  if (tokenizer && key === tokenizedNames) return;
  tokenizedNames = key;
  tokenizer?.dispose();
  tokenizer = monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarchFor(names));
}

/** Register the language and all its editor features. */
export function registerLanguage(store: AnalysisStore): void {
  monaco.languages.register({ id: LANGUAGE_ID, extensions: [".zc"], aliases: ["政策", "zhengce"] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: LINE_COMMENT },
    brackets: BRACKETS.map(([open, close]) => [open, close] as [string, string]),
    autoClosingPairs: AUTO_CLOSING.map(([open, close]) => ({ open, close })),
    // Words for completion filtering: runs of Han characters, letters and digits.
    wordPattern: /[\u3400-\u9fffA-Za-z_][\u3400-\u9fffA-Za-z0-9_·]*|-?\d+(?:\.\d+)?/,
  });
  monaco.editor.defineTheme(THEME, { base: "vs", inherit: true, rules: themeRules, colors: {} });
  updateHighlighting([]);
  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, completionProvider(store));
  monaco.languages.registerHoverProvider(LANGUAGE_ID, hoverProvider(store));
  monaco.languages.registerDefinitionProvider(LANGUAGE_ID, definitionProvider(store));
  monaco.languages.registerReferenceProvider(LANGUAGE_ID, referenceProvider(store));
  monaco.languages.registerRenameProvider(LANGUAGE_ID, renameProvider(store));
  monaco.languages.registerDocumentSymbolProvider(LANGUAGE_ID, symbolProvider(store));
  monaco.languages.registerCodeActionProvider(LANGUAGE_ID, codeActionProvider(store), {
    providedCodeActionKinds: ["quickfix"],
  });
}

/** Offer "格式化文档" through the worker's formatter (once the worker is ready). */
export function registerFormatter(client: CompilerClient): void {
  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    displayName: "政策格式化",
    async provideDocumentFormattingEdits(model) {
      const { text, error } = await client.format(model.getValue());
      if (text === null) {
        toast(error ?? "无法格式化。");
        return [];
      }
      return [{ range: model.getFullModelRange(), text }];
    },
  });
}
