/**
 * The 申报指南 panel as a drafter reads it (issue 14): every line number in the value-source list
 * points at the line that holds the value; the base policy is named by its title and 文号, never
 * a file name, in a select whose options are not cut off; and a guideline without its own 文号
 * does not show the base policy's 文号 as its own in the results' title.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { andWait, launchBrowser, openPlayground, setSource } from "./harness.js";

const GUIDE = readFileSync("policies/jiading-2024-guideline.zc", "utf8");
const SEED = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const panel = (page: Page) => page.locator("#guideline-panel");

test("the value-source list's line numbers point at the lines that hold the values", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  await setSource(page, GUIDE);
  const prov = panel(page).locator("#provenance");
  await prov.locator("summary").click();
  const items = await prov.locator("li").evaluateAll((lis) =>
    lis.map((li) => ({
      origin: li.getAttribute("data-origin") ?? "",
      subject: li.getAttribute("data-subject") ?? "",
      text: li.textContent ?? "",
    })),
  );
  expect(items.length).toBeGreaterThan(40);
  const files = { guideline: GUIDE.split("\n"), policy: SEED.split("\n") };
  const wrong = items.filter((it) => {
    const n = Number(/（(?:政策)?第(\d+)行）/.exec(it.text)?.[1]);
    const line = files[it.origin as "guideline" | "policy"][n - 1] ?? "";
    // The line holds the subject's keyword or name: 有效期, 申报期, 第5条 名额, 参数 服务企业数量要求.
    return !line.includes(it.subject.split(" ").at(-1)!);
  });
  expect(wrong).toEqual([]);
  // The two header values are among them (they pointed at the title lines before).
  const window = items.find((it) => it.subject === "申报期")!;
  expect(window.text).toContain(
    `（第${files.guideline.findIndex((l) => /^\s+申报期/.test(l)) + 1}行）`,
  );
  const validity = items.find((it) => it.subject === "有效期")!;
  expect(validity.text).toContain(
    `（政策第${files.policy.findIndex((l) => /^\s+有效期/.test(l)) + 1}行）`,
  );
  expect(errors).toEqual([]);
  await context.close();
});

test("the base is named by title and 文号, and the select's options are not cut off", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  await page.click('[data-tab="versions"]');
  await page.fill("#version-name", "2021政策修订稿");
  await page.click("#btn-save-version");
  await page.click('[data-tab="try"]');
  await setSource(page, GUIDE);
  const text = await panel(page).innerText();
  expect(text).not.toMatch(/\.zc|jiading/);
  expect(text).toContain(
    "当前使用：内置示例政策《嘉定区工业互联网创新发展专项支持实施意见》（嘉经〔2021〕12号）",
  );
  // Every option's text fits in the select (measured in the select's own font).
  const cut = await panel(page)
    .locator("#guideline-base")
    .evaluate((el) => {
      const select = el as HTMLSelectElement;
      const style = getComputedStyle(select);
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      // Room for the text: the width less padding, border and the dropdown arrow (about 20 px).
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [...select.options]
        .map((o) => ({ text: o.text, width: ctx.measureText(o.text).width, room }))
        .filter((o) => o.width > o.room);
    });
  expect(cut).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test("a new guideline without its own 文号 does not carry the policy's 文号 in the results", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  const policyTitle = page.locator("#results .summary h3");
  expect(await policyTitle.innerText()).toContain("嘉经〔2021〕12号");
  await andWait(page, () => page.click("#btn-new-guideline"));
  await panel(page).waitFor();
  const title = await policyTitle.innerText();
  expect(title).toMatch(/申报指南/);
  expect(title).not.toContain("嘉经〔2021〕12号");
  // Its own 文号, once written, is the one shown.
  const own = (
    await page.evaluate(() =>
      (
        window as unknown as { zhengce: { model: { getValue(): string } } }
      ).zhengce.model.getValue(),
    )
  ).replace(/^( {2}基于 .*)$/m, "$1\n  文号 “嘉经〔2030〕1号”");
  await setSource(page, own);
  expect(await policyTitle.innerText()).toContain("嘉经〔2030〕1号");
  expect(errors).toEqual([]);
  await context.close();
});
