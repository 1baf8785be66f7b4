/**
 * Issue 14: amounts on the page go through the runtime's one display formatter — 万/亿 with at
 * most two decimals, 约 when rounded — with the exact value on hover (title) — in the results, the
 * summary that stays in view and the form's 2千万-style amounts.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { andWait, launchBrowser, openPlayground, setSource } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const POLICY = `政策 金额显示测试政策
  有效期 2020年1月1日 至 2030年12月31日

申报信息
  项目投资 金额 默认 0

第1条 三分之一
  资助 计算 项目投资 ÷ 3
`;

test("a rounded amount reads 约166.67万元 with the exact 1,666,666.67元 on hover", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  await setSource(page, POLICY);
  await andWait(page, () =>
    page.locator('#app-form input[data-field="项目投资"]').fill("5000000.01"),
  );
  const total = page.locator("#results [data-total]");
  expect(await total.getAttribute("data-total")).toBe("1666666.67");
  expect(await total.innerText()).toBe("约166.67万元");
  expect(await total.getAttribute("title")).toBe("精确值：1,666,666.67元");
  const amount = page.locator('#results [data-clause="1"] .amount .money');
  expect(await amount.innerText()).toBe("约166.67万元");
  expect(await amount.getAttribute("title")).toBe("精确值：1,666,666.67元");
  const dock = page.locator("#results-dock [data-total]");
  expect(await dock.innerText()).toBe("约166.67万元");
  expect(await dock.getAttribute("title")).toBe("精确值：1,666,666.67元");
  // No figure on the page shows more than two decimals outside the explanation steps.
  const figures = await page
    .locator("#results .money, #results-dock .money")
    .evaluateAll((els) => els.map((e) => e.textContent ?? ""));
  expect(figures.length).toBeGreaterThan(2);
  for (const f of figures) expect(f).not.toMatch(/\.\d{3}/);
  expect(errors).toEqual([]);
  await context.close();
});

test("the form takes 两千万, 2千万 and 一百万 as amounts", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  await setSource(page, POLICY);
  const field = page.locator('#app-form input[data-field="项目投资"]');
  for (const [typed, total] of [
    ["两千万", "6666666.67"],
    ["2千万", "6666666.67"],
    ["一百万", "333333.33"],
  ] as const) {
    await andWait(page, () => field.fill(typed));
    expect(await page.locator("#results [data-total]").getAttribute("data-total"), typed).toBe(
      total,
    );
    expect(
      await page.locator("#app-form .field-error, #app-form [role=alert]").allInnerTexts(),
    ).toEqual(expect.not.arrayContaining([expect.stringContaining("不是金额")]));
  }
  expect(errors).toEqual([]);
  await context.close();
});
