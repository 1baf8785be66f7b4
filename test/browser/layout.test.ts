/**
 * Narrow screens: a 390 px phone and a 1440×900 desktop at 200% zoom (720×450 CSS pixels) lay the
 * page out without horizontal scrolling, keep the toolbar small, the editor a usable height, and
 * the side tabs usable.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { usePlayground } from "./harness.js";

const pg = usePlayground();

async function box(page: Page, selector: string): Promise<{ width: number; height: number }> {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
}

/** How far the page scrolls sideways (0 when it fits). */
const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const [label, viewport, scale] of [
  ["phone 390×844", { width: 390, height: 844 }, 3],
  ["200% zoom of 1440×900", { width: 720, height: 450 }, 2],
] as const) {
  pg.test(
    `${label}: no horizontal scroll, a small toolbar, a usable editor and tabs`,
    { context: { viewport, deviceScaleFactor: scale } },
    async ({ page }) => {
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect((await box(page, "#topbar")).height).toBeLessThanOrEqual(100);
      const editor = await box(page, "#editor");
      expect(editor.height).toBeGreaterThanOrEqual(240);
      expect(editor.width).toBeGreaterThanOrEqual(viewport.width - 20);
      // Every tab can be reached and shows its panel, still without sideways scrolling.
      for (const tab of ["cases", "versions", "reference", "try"]) {
        await page.click(`[data-tab="${tab}"]`);
        expect(await page.locator(`#tab-${tab}`).isVisible()).toBe(true);
        expect(await overflowX(page)).toBeLessThanOrEqual(0);
      }
      // The diff view stacks too.
      await page.click("#btn-diff");
      await page.waitForSelector("#diff-overlay:not([hidden]) .monaco-diff-editor");
      expect(
        await page.evaluate(() => {
          const o = document.getElementById("diff-overlay") as HTMLElement;
          return o.scrollWidth - o.clientWidth;
        }),
      ).toBeLessThanOrEqual(0);
      expect((await box(page, "#diff-report")).width).toBeGreaterThanOrEqual(viewport.width - 40);
      await page.click("#btn-diff-close");
    },
  );
}
