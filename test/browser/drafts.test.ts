/**
 * Drafts survive a reload; named versions can be saved, renamed, opened and deleted.
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { placeCursor, source, usePlayground, waitForAnalysis } from "./harness.js";

const pg = usePlayground();

pg.test("a reload keeps the draft", async ({ page }) => {
  await placeCursor(page, 1, 1);
  await page.keyboard.insertText("# 草稿中的修改 甲乙丙\n");
  expect(await source(page)).toContain("# 草稿中的修改 甲乙丙");
  await page.reload();
  await waitForAnalysis(page);
  expect(await source(page)).toMatch(/^# 草稿中的修改 甲乙丙\n/);
});

pg.test("named versions: save, rename, open and delete", async ({ page }) => {
  const original = await source(page);
  await page.click('[data-tab="versions"]');
  await page.fill("#version-name", "初稿");
  await page.click("#btn-save-version");
  await page.waitForSelector('[data-version="初稿"]');
  // Change the draft, then open the saved version again.
  await placeCursor(page, 1, 1);
  await page.keyboard.insertText("# 第二稿\n");
  expect(await source(page)).not.toBe(original);
  const row = page.locator('[data-version="初稿"]');
  await row.getByRole("button", { name: "重命名" }).click();
  await row.locator("input").fill("第一稿");
  await row.locator("input").press("Enter");
  const renamed = page.locator('[data-version="第一稿"]');
  await renamed.waitFor();
  await renamed.getByRole("button", { name: "打开" }).click();
  expect(await source(page)).toBe(original);
  // Versions are stored, so they survive a reload too.
  await page.reload();
  await waitForAnalysis(page);
  await page.click('[data-tab="versions"]');
  const del = page.locator('[data-version="第一稿"]').getByRole("button", { name: "删除" });
  await del.click();
  await page.locator('[data-version="第一稿"]').getByRole("button", { name: "确认删除" }).click();
  await page.waitForSelector('[data-version="第一稿"]', { state: "detached" });
});

pg.test("the diff view compares a version with the current draft", async ({ page }) => {
  await page.click('[data-tab="versions"]');
  await page.fill("#version-name", "对比基准");
  await page.click("#btn-save-version");
  await placeCursor(page, 1, 1);
  await page.keyboard.insertText("# 新增的一行\n");
  await page
    .locator('[data-version="对比基准"]')
    .getByRole("button", { name: "与当前对比" })
    .click();
  await page.waitForSelector("#diff-overlay:not([hidden]) .monaco-diff-editor");
  // The inserted line shows as an insertion in the modified (right) side.
  await page.waitForSelector("#diff-editor .line-insert, #diff-editor .char-insert");
  await page.click("#btn-diff-close");
  expect(await page.locator("#diff-overlay").isHidden()).toBe(true);
});

pg.test(
  "export writes the source to a .zc file; import reads one back (undoable)",
  { context: { acceptDownloads: true } },
  async ({ page }) => {
    const original = await source(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#btn-export"),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zc$/);
    const path = await download.path();
    expect(readFileSync(path, "utf8")).toBe(original);

    const imported = "政策 导入的政策\n  有效期 2021年1月1日 至 2030年12月31日\n";
    await page.setInputFiles("#file-input", {
      name: "导入.zc",
      mimeType: "text/plain",
      buffer: Buffer.from(imported, "utf8"),
    });
    await page.waitForFunction(
      (t) =>
        (
          window as unknown as { zhengce: { model: { getValue(): string } } }
        ).zhengce.model.getValue() === t,
      imported,
    );
    // Importing replaced the draft as one edit: undo brings the previous text back.
    await page.evaluate(() =>
      (
        window as unknown as {
          zhengce: { editor: { trigger(s: string, id: string, a: unknown): void } };
        }
      ).zhengce.editor.trigger("test", "undo", null),
    );
    expect(await source(page)).toBe(original);
  },
);
