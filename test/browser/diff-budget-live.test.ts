/**
 * Issue 16 §3: the version-diff view's budget follows the draft as the drafter types. With 原版 on
 * the left and the current draft on the right, the right side is the draft itself and editable; a
 * keystroke there changes the draft, the diff worker recomputes the budget over 100,000 synthetic
 * applications, and the 合计 figure becomes the one the same budget gives in Node.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { budgetInThread } from "../../review/budget-plan.js";
import { budgetPlan, prepare } from "../../review/index.js";
import { moneyText } from "../../runtime/index.js";
import { seedSource } from "../diff/variants.js";
import { saveVersion, setSource, source, usePlayground } from "./harness.js";

const pg = usePlayground();

/** The new version's 合计 figure and its exact value (to the 分), as the view shows them. */
function expectedTotal(oldSource: string, newSource: string): string {
  const p = prepare(oldSource, newSource);
  const size = 100_000;
  const b = budgetInThread(p.old, p.new, budgetPlan(p, { size, seed: 1 }), size);
  const m = moneyText(b.totalAfter);
  return `${m.text} ${m.exact}`;
}

/** The 合计 row of the budget once it is current (not the stale answer of an earlier text). */
async function shownTotal(page: Page): Promise<string | null> {
  const cell = page.locator(
    '#diff-report [data-section="budget"]:not([data-stale]) tr[data-clause="合计"] td:nth-of-type(2)',
  );
  if (!(await cell.count())) return null;
  return `${await cell.textContent()} ${await cell.getAttribute("data-exact")}`;
}

/** Select `text` in the diff view's right-hand (draft) editor and focus it. */
async function selectInDraftSide(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    type Ed = {
      getModel(): {
        getValue(): string;
        getPositionAt(o: number): { lineNumber: number; column: number };
      };
      setSelection(r: object): void;
      focus(): void;
    };
    const zc = (
      window as unknown as { zhengce: { monaco: { editor: { getDiffEditors(): unknown[] } } } }
    ).zhengce;
    const ed = (
      zc.monaco.editor.getDiffEditors()[0] as { getModifiedEditor(): Ed }
    ).getModifiedEditor();
    const m = ed.getModel();
    const at = m.getValue().indexOf(t);
    const a = m.getPositionAt(at);
    const b = m.getPositionAt(at + t.length);
    ed.setSelection({
      startLineNumber: a.lineNumber,
      startColumn: a.column,
      endLineNumber: b.lineNumber,
      endColumn: b.column,
    });
    ed.focus();
  }, text);
}

pg.test(
  "typing in the diff view's draft side recomputes the budget over 100,000 applications",
  async ({ page }) => {
    const seed = seedSource();
    await setSource(page, seed);
    await saveVersion(page, "原版");
    const draft = seed.replace(
      "资助 比例 30% 基数 项目实际投资",
      "资助 比例 25% 基数 项目实际投资",
    );
    await setSource(page, draft);

    await page.locator('[data-version="原版"]').getByRole("button", { name: "与当前对比" }).click();
    await page.waitForSelector("#diff-overlay:not([hidden]) .monaco-diff-editor");
    expect(await page.locator("#diff-live").isVisible()).toBe(true);
    const before = expectedTotal(seed, draft);
    await expect.poll(() => shownTotal(page), { timeout: 60_000 }).toBe(before);
    const summary = page.locator('#diff-report [data-section="budget"] .diff-summary');
    expect(await summary.textContent()).toContain("合成申报 100,000 份");

    // Keystrokes on the right: 25% → 20% (after the 5, delete it, type 0).
    await selectInDraftSide(page, "25% 基数 项目实际投资");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("0");
    const edited = seed.replace(
      "资助 比例 30% 基数 项目实际投资",
      "资助 比例 20% 基数 项目实际投资",
    );
    // The edit is the draft's: the main editor has it.
    await expect.poll(() => source(page)).toBe(edited);
    const after = expectedTotal(seed, edited);
    expect(after).not.toBe(before);
    await expect.poll(() => shownTotal(page), { timeout: 60_000 }).toBe(after);
    expect(await summary.textContent()).toContain("合成申报 100,000 份");
  },
);
