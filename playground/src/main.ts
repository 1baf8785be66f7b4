/**
 * The playground's entry point: builds the editor, connects it to the compiler worker, and wires
 * the panels (form and results, cases, versions, diff, share, files).
 */
import "./nls.js";
import "./style.css";
import { AnalysisStore } from "./analysis-store.js";
import { installEditorKeyboard } from "./editor-keyboard.js";
import { registerFormatter, registerLanguage, LANGUAGE_ID, THEME } from "./language/register.js";
import { monaco } from "./monaco.js";
import { Playground } from "./playground.js";
import { openingSource } from "./startup.js";
import { saveDraft, storageProblem } from "./store/drafts.js";
import { TabSync } from "./tab-sync.js";
import { byId, toast } from "./ui/dom.js";
import { CompilerClient } from "./worker-client.js";
// Last, so that the narrow layout overrides every panel's own styles.
import "./layout-narrow.css";

async function start(): Promise<void> {
  const store = new AnalysisStore();
  registerLanguage(store);
  const client = new CompilerClient();
  const { source, message, shared } = await openingSource();
  // A share link's text becomes the draft only once it has compiled: a link whose text stalls the
  // compiler must not come back on every reload. Other sources are saved at once.
  let unconfirmed = shared === true;
  if (!unconfirmed) saveDraft(source);
  const model = monaco.editor.createModel(
    source,
    LANGUAGE_ID,
    monaco.Uri.parse("inmemory://zhengce/draft.zc"),
  );
  const editor = monaco.editor.create(byId("editor"), {
    model,
    theme: THEME,
    automaticLayout: true,
    fontSize: 15,
    lineHeight: 24,
    tabSize: 2,
    insertSpaces: true,
    minimap: { enabled: false },
    wordWrap: "on",
    scrollBeyondLastLine: false,
    // Full-width punctuation is normal in Chinese text, not a confusable character.
    unicodeHighlight: {
      ambiguousCharacters: false,
      invisibleCharacters: true,
      nonBasicASCII: false,
    },
    quickSuggestions: { other: true, comments: false, strings: false },
    fixedOverflowWidgets: true,
    ariaLabel:
      "政策源代码编辑器。按 Ctrl+M 切换 Tab 键插入空格或移动焦点；按 Esc 后再按 Tab 离开编辑器；按 F6 在页面各区域之间移动；按 F2 给光标处的名称改名（案例中的用处一并改）。",
  });
  installEditorKeyboard(editor);
  const app = new Playground(editor, model, store, client);
  const tabs = new TabSync({
    current: () => model.getValue(),
    replace: (text) => app.replaceSource(text),
    versionsChanged: () => app.versionsChanged(),
  });
  const save = (text: string) => {
    if (!saveDraft(text)) toast(storageProblem ?? "草稿未能保存。");
  };
  const applyAnalysis = client.onAnalysis;
  client.onAnalysis = (a) => {
    applyAnalysis(a);
    if (unconfirmed && a.source === model.getValue()) {
      unconfirmed = false;
      save(a.source);
    }
  };
  model.onDidChangeContent(() => {
    const text = model.getValue();
    if (!unconfirmed) save(text);
    tabs.published(text);
    app.requestAnalysis();
  });
  app.requestAnalysis();
  if (message) toast(message);
  await client.ready;
  registerFormatter(client);
  const btn = byId<HTMLButtonElement>("btn-format");
  btn.disabled = false;
  btn.title = "按项目的格式化规则整理当前政策";
  // Exposed for browser tests and for drafters' own scripting in the console.
  Object.assign(window, { zhengce: { monaco, editor, model, store } });
}

start().catch((err: unknown) => {
  byId("status").textContent = `启动失败：${err instanceof Error ? err.message : String(err)}`;
});
