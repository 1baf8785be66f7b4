/**
 * Trying a policy whose validity has ended (issue 14): the trial date defaults to a date inside
 * the validity and the field says which and why; an entered date wins. The results summary stays
 * in view while the drafter fills the form, on a desktop and on a phone.
 */
import type { Page } from "playwright-core";
import { expect, inject, test } from "vitest";
import { andWait, openPlayground, type PlaygroundOptions, usePlayground } from "./harness.js";

const pg = usePlayground();

/** The page's clock at `today` (the seed is valid 2021-06-18…2025-12-31). */
const on = (today: string, viewport = { width: 1440, height: 900 }): PlaygroundOptions => ({
  context: { viewport },
  before: (context) => context.clock.setFixedTime(new Date(`${today}T10:00:00`)),
});

/** Open the playground in a fresh context with the page's clock at `today`. */
async function openOn(today: string) {
  const options = on(today);
  const context = await pg.browser().newContext(options.context);
  await options.before!(context);
  return { context, ...(await openPlayground(context, inject("baseUrl"))) };
}

const dateField = (page: Page) => page.locator("#app-date");
const judgedAt = (page: Page) =>
  page.evaluate(() => {
    const a = (
      window as unknown as {
        zhengce: { store: { current: { evaluation: { ok: boolean; result?: { date: string } } } } };
      }
    ).zhengce.store.current.evaluation;
    return a.ok ? a.result?.date : "error";
  });

pg.test(
  "after the validity has ended, the trial uses its last day and says so",
  on("2027-03-01"),
  async ({ page }) => {
    await page.waitForFunction(
      () => document.getElementById("app-date")?.dataset["auto"] === "true",
    );
    expect(await dateField(page).inputValue()).toBe("2025-12-31");
    const help = await page.locator("#app-date-desc").innerText();
    expect(help).toContain("2027年3月1日");
    expect(help).toContain("2025年12月31日");
    expect(help).toMatch(/已过政策有效期/);
    expect(await judgedAt(page)).toBe("2025-12-31");
    expect(await page.locator("#results .summary").innerText()).not.toContain("不在政策有效期内");
    expect(await page.locator("#results-dock").innerText()).toContain("按 2025年12月31日");

    // A date the drafter enters wins; clearing it brings the default back.
    await andWait(page, () => dateField(page).fill("2023-05-01"));
    expect(await judgedAt(page)).toBe("2023-05-01");
    expect(await dateField(page).getAttribute("data-auto")).toBe("false");
    expect(await page.locator("#app-date-desc").innerText()).toBe("留空则按今天计算。");
    await andWait(page, () => dateField(page).fill(""));
    expect(await judgedAt(page)).toBe("2025-12-31");
    expect(await dateField(page).inputValue()).toBe("2025-12-31");
  },
);

test("before the validity begins, the trial uses its first day; inside it, today", async () => {
  const early = await openOn("2020-01-10");
  await early.page.waitForFunction(
    () => document.getElementById("app-date")?.dataset["auto"] === "true",
  );
  expect(await dateField(early.page).inputValue()).toBe("2021-06-18");
  expect(await early.page.locator("#app-date-desc").innerText()).toMatch(/还未到政策有效期/);
  expect(await judgedAt(early.page)).toBe("2021-06-18");
  expect(early.errors).toEqual([]);
  await early.context.close();

  const inside = await openOn("2023-05-01");
  expect(await dateField(inside.page).inputValue()).toBe("");
  expect(await dateField(inside.page).getAttribute("data-auto")).toBe("false");
  expect(await inside.page.locator("#app-date-desc").innerText()).toBe("留空则按今天计算。");
  expect(inside.errors).toEqual([]);
  await inside.context.close();
});

/** Whether an element is entirely inside the viewport. */
async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const vp = page.viewportSize();
  if (!box || !vp) return false;
  return (
    box.y >= 0 && box.y + box.height <= vp.height && box.x >= 0 && box.x + box.width <= vp.width
  );
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  pg.test(
    `the results summary is in view after filling a field (${viewport.width} px)`,
    on("2027-03-01", viewport),
    async ({ page }) => {
      // The form's first money field: the full results are far below it.
      const last = page
        .locator("#app-form .field", { has: page.locator(".field-type", { hasText: /^金额$/ }) })
        .locator('input[type="text"]')
        .first();
      await last.scrollIntoViewIfNeeded();
      await andWait(page, () => last.fill("100万"));
      expect(await inView(page, "#results-dock")).toBe(true);
      // The field being filled is not hidden behind the summary.
      const field = await last.boundingBox();
      const dock = await page.locator("#results-dock").boundingBox();
      expect(field && dock && field.y + field.height <= dock.y).toBe(true);
      const dockTotal = await page.locator("#results-dock [data-total]").getAttribute("data-total");
      expect(dockTotal).toBe(
        await page.locator("#results .summary [data-total]").getAttribute("data-total"),
      );
      // The full results are far below: the summary is what the drafter sees.
      expect(await inView(page, "#results .summary")).toBe(false);
      // An input problem shows in the summary too.
      await andWait(page, () => last.fill("一百个"));
      expect(await page.locator("#results-dock").innerText()).toMatch(/申报信息有 \d+ 处问题/);
      expect(await inView(page, "#results-dock")).toBe(true);
    },
  );
}
