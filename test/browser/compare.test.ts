/**
 * 对比版本 opens against the last saved version (or the seed's original text), never the draft
 * against itself, and says which; each side tab keeps its own scroll position.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { setSource, source, usePlayground } from "./harness.js";

const pg = usePlayground();

async function openCompare(page: Page): Promise<{ left: string; leftName: string; note: string }> {
  await page.click("#btn-diff");
  await page.waitForSelector("#diff-overlay:not([hidden]) .monaco-diff-editor");
  const r = {
    left: await page.locator("#diff-left").inputValue(),
    leftName: await page.locator("#diff-left option:checked").innerText(),
    note: await page.locator("#diff-note").innerText(),
  };
  expect(await page.locator("#diff-right").inputValue()).toBe("");
  return r;
}

pg.test(
  "对比版本 compares the draft with the last saved version, or the original, and says which",
  async ({ page }) => {
    const seed = await source(page);
    const untouched = await openCompare(page);
    expect(untouched.note).toContain("当前草稿就是示例政策");
    await page.click("#btn-diff-close");

    await setSource(page, `${seed}\n# 第一处修改\n`);
    const original = await openCompare(page);
    expect(original.leftName).toBe("示例政策（原文）");
    expect(original.note).toContain("左侧是示例政策原文");
    await page.click("#btn-diff-close");

    await page.click('[data-tab="versions"]');
    await page.fill("#version-name", "初稿");
    await page.click("#btn-save-version");
    await setSource(page, `${seed}\n# 第一处修改\n# 第二处修改\n`);
    const saved = await openCompare(page);
    expect(saved.leftName).toBe("初稿");
    expect(saved.note).toContain("最近保存的版本“初稿”");
    await page.click("#btn-diff-close");
  },
);

pg.test(
  "the 案例 tab opens at its own scroll position, not the 试算 tab's",
  { context: { viewport: { width: 1440, height: 900 } } },
  async ({ page }) => {
    const side = page.locator("#side");
    await side.evaluate((el) => (el.scrollTop = 1500));
    const tried = await side.evaluate((el) => el.scrollTop);
    expect(tried).toBeGreaterThan(500);
    await page.click('[data-tab="cases"]');
    expect(await side.evaluate((el) => el.scrollTop)).toBe(0);
    await page.click('[data-tab="try"]');
    expect(await side.evaluate((el) => el.scrollTop)).toBe(tried);
  },
);
