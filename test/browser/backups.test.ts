/**
 * No lost work: every action that replaces the editor's whole text (示例政策, opening a version,
 * import, a share link) first keeps the current text as a version, says so in the toast, and the
 * replaced draft can be restored from the versions after a reload.
 */
import { deflateRawSync } from "node:zlib";
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { setSource, source, usePlayground, waitForAnalysis } from "./harness.js";

const pg = usePlayground();

const toast = (page: Page) => page.locator("#toast");

/** The stored versions, newest first. */
async function versions(page: Page): Promise<{ name: string; source: string }[]> {
  return page.evaluate(() => JSON.parse(localStorage.getItem("zhengce.versions") ?? "[]") as never);
}

/** A draft the drafter has worked on (not the seed). */
async function myDraft(page: Page, mark: string): Promise<string> {
  const text = `${await source(page)}\n# ${mark}\n`;
  await setSource(page, text);
  return text;
}

/** Open the versions tab and bring `name` back into the editor. */
async function restore(page: Page, name: RegExp): Promise<void> {
  await page.click('[data-tab="versions"]');
  const row = page.locator(".version", { has: page.locator(".version-name", { hasText: name }) });
  await row.first().getByRole("button", { name: "打开" }).click();
}

pg.test(
  "示例政策 keeps the draft as a version, says so, and it survives a reload",
  async ({ page }) => {
    const mine = await myDraft(page, "我的草稿：示例政策之前");
    await page.click("#btn-seed");
    await page.waitForFunction(() =>
      document.getElementById("toast")?.textContent?.includes("已打开示例政策"),
    );
    expect(await source(page)).not.toBe(mine);
    const message = await toast(page).innerText();
    expect(message).toMatch(/原草稿已保存为版本“打开示例政策前的草稿（自动备份 [^”]+）”/);
    // Ctrl+Z does not survive a reload; the version does.
    await page.reload();
    await waitForAnalysis(page);
    const kept = (await versions(page)).filter((v) => v.source === mine);
    expect(kept.map((v) => v.name)).toEqual([expect.stringMatching(/^打开示例政策前的草稿/)]);
    await restore(page, /^打开示例政策前的草稿/);
    expect(await source(page)).toBe(mine);
  },
);

pg.test("opening a version and importing a file keep the draft first", async ({ page }) => {
  const first = await myDraft(page, "第一稿");
  await page.click('[data-tab="versions"]');
  await page.fill("#version-name", "第一稿");
  await page.click("#btn-save-version");
  const second = await myDraft(page, "第二稿，未保存");
  await restore(page, /^第一稿$/);
  expect(await source(page)).toBe(first);
  expect(await toast(page).innerText()).toMatch(
    /已打开版本“第一稿”；原草稿已保存为版本“打开版本前/,
  );
  expect((await versions(page)).some((v) => v.source === second)).toBe(true);

  // The opened version is already kept: importing over it names that version, adds none.
  const count = (await versions(page)).length;
  const imported = "政策 导入的政策\n  有效期 2021年1月1日 至 2030年12月31日\n";
  await page.setInputFiles("#file-input", {
    name: "导入.zc",
    mimeType: "text/plain",
    buffer: Buffer.from(imported, "utf8"),
  });
  await page.waitForFunction(() => document.getElementById("toast")?.textContent?.includes("导入"));
  expect(await source(page)).toBe(imported);
  expect(await toast(page).innerText()).toContain("原草稿已在版本“第一稿”中");
  expect((await versions(page)).length).toBe(count);
});

pg.test("a share link keeps the draft it replaces, and the toast says where", async ({ page }) => {
  const mine = await myDraft(page, "打开链接前的草稿");
  const shared = "政策 分享来的政策\n  有效期 2021年1月1日 至 2030年12月31日\n";
  const hash = "#s=" + deflateRawSync(Buffer.from(shared, "utf8")).toString("base64url");
  // A new load, as when the drafter opens a link they were sent (not a same-page hash change).
  await page.goto("about:blank");
  await page.goto(inject("baseUrl") + hash);
  await waitForAnalysis(page);
  expect(await source(page)).toBe(shared);
  expect(await toast(page).innerText()).toMatch(/原草稿已保存为版本“打开分享链接前的草稿/);
  await restore(page, /^打开分享链接前的草稿/);
  expect(await source(page)).toBe(mine);
});
