/**
 * The status line. A drafter reads whether the policy has errors, in words; compile and
 * evaluation timings are for developers: shown with `?dev` in the address (or
 * localStorage zhengce.dev = 1), and always in the tooltip.
 */
import type { Analysis } from "../protocol.js";

/** Whether the page runs in the developer view. */
export function developerView(): boolean {
  try {
    return (
      new URLSearchParams(location.search).has("dev") || localStorage.getItem("zhengce.dev") === "1"
    );
  } catch {
    return false;
  }
}

/** Write the status line for an analysis. */
export function showStatus(el: HTMLElement, a: Analysis): void {
  if (!a.compilerAvailable) {
    el.textContent = a.evaluationNote ?? "";
    return;
  }
  const errors = a.diagnostics.filter((d) => d.severity === "error").length;
  const notes = a.diagnostics.length - errors;
  const words = errors
    ? `${errors} 个错误，见编辑器下方的问题列表`
    : notes
      ? `没有错误 · ${notes} 条提醒`
      : "没有错误";
  const timings = `编译 ${a.timings.compileMs.toFixed(1)} 毫秒 · 计算 ${a.timings.evaluateMs.toFixed(1)} 毫秒`;
  el.title = timings;
  el.textContent = developerView() ? `${words} · ${timings}` : words;
}
