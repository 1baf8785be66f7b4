/**
 * Keyboard ways in and out of the editor, so that a keyboard-only drafter is never trapped in it:
 * - Ctrl+M switches Monaco's tab-focus mode (Tab moves focus instead of inserting spaces);
 * - Escape then Tab (or Shift+Tab) always leaves the editor, whatever the mode;
 * - F6 / Shift+F6 move between the page's regions (toolbar, outline, editor, side panel).
 * Every change of mode is announced in words (a live region) and shown beside the editor.
 */
import { monaco } from "./monaco.js";
import { byId } from "./ui/dom.js";

/** The page's regions in F6 order; each names how to focus it. */
const REGIONS = ["topbar", "outline", "editor-pane", "side"] as const;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Whether an element takes part in the Tab order and can be seen. */
function tabbable(el: HTMLElement): boolean {
  if (el.hidden || el.closest("[hidden]") || el.getAttribute("tabindex") === "-1") return false;
  if (el.closest(".monaco-editor")) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Every tabbable element of the page outside the editor, in document order. */
function tabOrder(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(tabbable);
}

/** Move focus to the first tabbable element after (or before) the editor. */
function leaveEditor(container: HTMLElement, backwards: boolean): void {
  const all = tabOrder();
  const after = all.filter(
    (el) =>
      container.compareDocumentPosition(el) &
      (backwards ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING),
  );
  const target = backwards ? after[after.length - 1] : after[0];
  target?.focus();
}

/** Say something to screen readers and show it next to the editor. */
function announce(text: string): void {
  const live = byId("kbd-announce");
  // Clearing first makes a repeated message be read again.
  live.textContent = "";
  window.setTimeout(() => (live.textContent = text), 30);
}

function showMode(on: boolean): void {
  const mode = byId("kbd-mode");
  mode.textContent = on ? "Tab 键：移动焦点" : "Tab 键：插入空格";
  mode.dataset["tabFocus"] = String(on);
}

/** Focus a region: its first control, or the editor itself. */
function focusRegion(id: string, editor: monaco.editor.IStandaloneCodeEditor): boolean {
  const region = document.getElementById(id);
  if (!region || !tabbable(region)) return false;
  if (id === "editor-pane") {
    editor.focus();
    return true;
  }
  // The side panel starts at its selected tab (the tabs pattern has one tab stop).
  const first =
    region.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ??
    [...region.querySelectorAll<HTMLElement>(FOCUSABLE)].find(tabbable);
  if (!first) return false;
  first.focus();
  return true;
}

function moveRegion(editor: monaco.editor.IStandaloneCodeEditor, backwards: boolean): void {
  const active = document.activeElement;
  const here = REGIONS.findIndex((id) => document.getElementById(id)?.contains(active));
  const n = REGIONS.length;
  for (let step = 1; step <= n; step++) {
    const i =
      ((((here < 0 ? (backwards ? 0 : -1) : here) + (backwards ? -step : step)) % n) + n) % n;
    if (focusRegion(REGIONS[i] ?? "", editor)) return;
  }
}

/** Install the keyboard handling on the editor and the page. */
export function installEditorKeyboard(editor: monaco.editor.IStandaloneCodeEditor): void {
  const container = editor.getContainerDomNode();
  let tabFocus = false;
  let escaped = false;
  const setTabFocus = (on: boolean) => {
    tabFocus = on;
    editor.updateOptions({ tabFocusMode: on });
    showMode(on);
    announce(
      on
        ? "Tab 键现在移动焦点到下一个控件；再按 Ctrl+M 恢复为插入空格。"
        : "Tab 键现在在编辑器中插入空格；按 Ctrl+M 改为移动焦点，或先按 Esc 再按 Tab 离开编辑器。",
    );
  };
  showMode(false);
  byId("kbd-mode").addEventListener("click", () => setTabFocus(!tabFocus));
  // Capture phase: seen before Monaco's own keybindings, so nothing in the editor can swallow it.
  container.addEventListener(
    "keydown",
    (e) => {
      if (e.key === "m" && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        e.stopPropagation();
        setTabFocus(!tabFocus);
        return;
      }
      if (e.key === "Tab" && escaped && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        escaped = false;
        leaveEditor(container, e.shiftKey);
        return;
      }
      // A modifier on its own (the Shift of Shift+Tab) keeps the Escape pending.
      if (["Shift", "Control", "Alt", "Meta"].includes(e.key)) return;
      // Escape first lets Monaco close its widgets (completion, find); the next Tab leaves.
      escaped = e.key === "Escape";
      if (escaped) announce("按 Tab 离开编辑器，按 Shift+Tab 回到上一个控件。");
    },
    true,
  );
  document.addEventListener(
    "keydown",
    (e) => {
      if (e.key !== "F6" || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      e.stopPropagation();
      moveRegion(editor, e.shiftKey);
    },
    true,
  );
  editor.onDidFocusEditorText(() => (escaped = false));
}
