/**
 * Share links restore the source in a fresh browser, and a crafted link cannot run script.
 */
import { deflateRawSync } from "node:zlib";
import { expect, inject, test } from "vitest";
import { markers, openPlayground, setSource, source, usePlayground } from "./harness.js";

const pg = usePlayground();

const shareHash = (text: string) =>
  "#s=" + deflateRawSync(Buffer.from(text, "utf8")).toString("base64url");

test("a share link restores the source in a fresh browser", async () => {
  const author = await pg.browser().newContext();
  const { page, errors } = await openPlayground(author, inject("baseUrl"));
  const text = (await source(page)) + "\n# 分享测试：第1条 上限改为 300万\n";
  await setSource(page, text);
  await page.click("#btn-share");
  // The link is built asynchronously (CompressionStream).
  await page.waitForFunction(() =>
    (document.querySelector("#share-link") as HTMLInputElement).value.includes("#s="),
  );
  const link = await page.inputValue("#share-link");
  expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
  await author.close();

  const reader = await pg.browser().newContext();
  const opened = await openPlayground(reader, link);
  expect(await source(opened.page)).toBe(text);
  // The link is consumed: the address bar no longer carries it, so a reload keeps later edits.
  expect(new URL(opened.page.url()).hash).toBe("");
  expect([...errors, ...opened.errors]).toEqual([]);
  await reader.close();
});

const SCRIPT_IN_LINK = [
  "政策 <img src=x onerror=\"window.__pwned='img'\"><script>window.__pwned='script'</script>",
  "# <svg onload=\"window.__pwned='svg'\"></svg> `${window.__pwned='template'}` ${globalThis.__pwned='x'}",
  "申报信息",
  "  名称`${(globalThis.__pwned='name')}` 金额 “</script><script>window.__pwned='desc'</script>”",
  "第1条 `+alert(1)+` <b onmouseover=\"window.__pwned='b'\">标题</b>",
  "  资助 定额 20万",
  "案例 “\\u003cimg src=x onerror=alert(1)\\u003e ${alert(1)}”",
  "  期望 第1条 20万",
  "",
].join("\n");

pg.test(
  "a crafted share link does not run script",
  { url: shareHash(SCRIPT_IN_LINK) },
  async ({ page }) => {
    expect(await source(page)).toBe(SCRIPT_IN_LINK);
    // Let hovers, results and the cases panel render everything they will render.
    await page.click('[data-tab="cases"]');
    await page.click('[data-tab="try"]');
    await page.waitForTimeout(800);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
    expect(await page.locator("img[src='x'], svg[onload], b[onmouseover]").count()).toBe(0);
    // Dialogs (alert) and CSP violations would be recorded as errors, which pg.test requires to be none.
  },
);

const SCRIPT_IN_POLICY = [
  "政策 <img src=x onerror=\"window.__pwned='title'\"> ${globalThis.__pwned='tpl'} `反引号`",
  "  文号 “<script>window.__pwned='docno'</script>”",
  "  有效期 2021年1月1日 至 2030年12月31日",
  "",
  "申报信息",
  "  获得授牌 是否 “<img src=x onerror=window.__pwned='desc'> ${globalThis.__pwned='d2'} `”",
  "",
  "第1条 <b onmouseover=\"window.__pwned='clause'\">标题</b> `${globalThis.__pwned='c'}`",
  "  原文 “</script><img src=x onerror=window.__pwned='src'>”",
  "  条件 获得授牌",
  "  资助 定额 20万",
  "",
  "第2条 权益",
  "  条件 获得授牌",
  "  权益 “<iframe src=javascript:window.parent.__pwned='benefit'></iframe> ${globalThis.__pwned='b'}”",
  "",
  "案例 “<img src=x onerror=window.__pwned='case'> ${1+1}”",
  "  日期 2022年3月1日",
  "  输入 获得授牌 是",
  "  期望 第1条 20万",
  "",
].join("\n");

pg.test(
  "a crafted policy that compiles shows its text literally and runs no script",
  { url: shareHash(SCRIPT_IN_POLICY) },
  async ({ page }) => {
    expect(await source(page)).toBe(SCRIPT_IN_POLICY);
    expect((await markers(page)).filter((m) => m.severity === 8)).toEqual([]);
    await page.click('[data-tab="cases"]');
    const item = page.locator("#cases-list .case").first();
    expect(await item.getAttribute("data-pass")).toBe("true");
    await item.locator('[data-action="load"]').click();
    await page.locator('#results [data-clause="1"][data-status="awarded"]').waitFor();
    // Everything the policy wrote is shown as text, character for character.
    const results = await page.locator("#results").innerText();
    expect(results).toContain(
      "<img src=x onerror=\"window.__pwned='title'\"> ${globalThis.__pwned='tpl'} `反引号`",
    );
    expect(results).toContain("<script>window.__pwned='docno'</script>");
    expect(results).toContain(
      "<b onmouseover=\"window.__pwned='clause'\">标题</b> `${globalThis.__pwned='c'}`",
    );
    expect(results).toContain("<iframe src=javascript:window.parent.__pwned='benefit'></iframe>");
    expect(await page.locator("#app-form").innerText()).toContain(
      "<img src=x onerror=window.__pwned='desc'>",
    );
    expect(await page.locator("#outline").innerText()).toContain("<b onmouseover=");
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
    expect(
      await page.locator("img[src='x'], iframe, b[onmouseover], script:not([src])").count(),
    ).toBe(0);
  },
);
