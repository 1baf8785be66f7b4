/**
 * 申报指南 in the playground: the 2024 guideline for the seed resolves its 基于 to the built-in
 * seed, its cases pass, a clause closed this year shows as not open with its reason, a guideline
 * error is a Chinese marker at the right place, a new guideline starts from the current policy,
 * and several matching versions let the drafter choose.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { andWait, markers, setSource, source, usePlayground } from "./harness.js";

const GUIDE = readFileSync("policies/jiading-2024-guideline.zc", "utf8");
const SEED = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");

const pg = usePlayground();

const panel = (page: Page) => page.locator("#guideline-panel");

pg.test(
  "the 2024 guideline: built on the seed, its cases pass, clause 3 is not open this year",
  async ({ page }) => {
    await setSource(page, GUIDE);
    expect(await markers(page)).toEqual([]);
    await panel(page).waitFor();
    expect(await panel(page).locator("#guideline-base").inputValue()).toBe("");
    expect(await panel(page).innerText()).toContain("当前使用：内置示例政策");
    expect(await panel(page).innerText()).toContain("申报期：2024年3月15日 至 2024年4月30日");
    expect(await panel(page).locator("[data-closed]").getAttribute("data-closed")).toBe(
      "3,4,6,8,11",
    );
    // Provenance: the parameter of clause 7 comes from the guideline, clause 1's standard from the policy.
    const prov = panel(page).locator("#provenance");
    await prov.locator("summary").click();
    const fromGuideline = prov.locator(
      '[data-origin="guideline"][data-subject="参数 服务企业数量要求"]',
    );
    expect(await fromGuideline.innerText()).toContain("政策原为 待定");
    expect(await prov.locator('[data-origin="policy"]').count()).toBeGreaterThan(0);

    await page.click('[data-tab="cases"]');
    const closedCase = page.locator('#cases-list .case[data-case="第3条 本年度不受理"]');
    await closedCase.waitFor();
    const all = await page.locator("#cases-list .case").count();
    expect(all).toBe(GUIDE.match(/^案例 /gm)?.length);
    expect(await page.locator('#cases-list .case[data-pass="false"]').allInnerTexts()).toEqual([]);

    await andWait(page, () => closedCase.locator('[data-action="load"]').click());
    const c3 = page.locator('#results [data-clause="3"]');
    expect(await c3.getAttribute("data-status")).toBe("ineligible");
    expect(await c3.getAttribute("data-closed")).toBe("true");
    // Folded with the other clauses the applicant does not meet, and named in the fold's summary.
    expect(await page.locator("#results .ineligible-clauses summary").innerText()).toMatch(
      /本年度不受理：第3条/,
    );
    expect(await c3.locator(".badge").textContent()).toBe("本年度不受理");
    expect(await c3.locator(".reasons").textContent()).toContain("未开放本条申报");
    // The window is honoured: a date after it is refused with the reason.
    await andWait(page, () => page.fill("#app-date", "2024-05-06"));
    expect(await page.locator("#results .summary").innerText()).toContain("不在申报期内");
    await andWait(page, () => page.click("#btn-window-date"));
    expect(await page.locator("#app-date").inputValue()).toBe("2024-03-15");
    expect(await page.locator("#results .summary").innerText()).not.toContain("不在申报期内");
  },
);

pg.test(
  "raising a cap without 例外 is a Chinese marker on that line; 例外 clears it",
  async ({ page }) => {
    const bad = GUIDE.replace(
      "第9条\n  年度累计上限 80万\n",
      "第9条\n  年度累计上限 80万\n\n第1条\n  上限 300万\n",
    );
    expect(bad).not.toBe(GUIDE);
    await setSource(page, bad);
    const line = bad.split("\n").indexOf("  上限 300万") + 1;
    const ms = await markers(page);
    expect(ms.map((m) => m.code)).toEqual(["E402"]);
    expect(ms[0]!.message).toContain("申报指南不得提高第1条的上限：政策为 200万，指南为 300万");
    expect(ms[0]!.startLineNumber).toBe(line);
    expect(ms[0]!.startColumn).toBe(3);
    expect(await page.locator("#results").innerText()).toContain("申报指南有错误");
    const fixed = bad.replace(
      "\n第1条\n  上限 300万",
      "\n例外 第1条 “经区政府常务会议批准”\n\n第1条\n  上限 300万",
    );
    await setSource(page, fixed);
    expect(await markers(page)).toEqual([]);
  },
);

pg.test(
  "新建申报指南 starts a guideline on the current policy, with its 待定 parameter",
  async ({ page }) => {
    expect(await source(page)).toBe(SEED);
    await andWait(page, () => page.click("#btn-new-guideline"));
    const text = await source(page);
    expect(text).toMatch(/^申报指南 \d{4}年度嘉定区工业互联网创新发展专项支持实施意见申报指南$/m);
    expect(text).toContain("基于 “jiading-2021-industrial-internet.zc”");
    expect(text).toMatch(/^ {2}年度 20\d\d$/m);
    expect(text).toMatch(/^ {2}申报期 20\d\d年3月1日 至 20\d\d年4月30日$/m);
    expect(text).toMatch(/^参数\n(.*\n)* {2}服务企业数量要求 数量（家） 待定/m);
    expect(text).toMatch(/^开放 第1条、第2条/m);
    await panel(page).waitFor();
    expect((await markers(page)).filter((m) => m.severity === 8)).toEqual([]);
    expect(await panel(page).innerText()).toContain("当前使用：内置示例政策");
    // An edited policy is kept as a version and the new guideline names that version.
    await setSource(page, SEED.replace("上限 200万", "上限 250万"));
    await andWait(page, () => page.click("#btn-new-guideline"));
    const named = (await source(page)).match(/基于 “([^”]+)”/)?.[1] ?? "";
    expect(named).toContain("指南依据");
    expect(await panel(page).innerText()).toContain(`当前使用：版本“${named}”`);
  },
);

pg.test(
  "several policies match 基于: the drafter chooses one from the select",
  async ({ page }) => {
    await page.click('[data-tab="versions"]');
    await page.fill("#version-name", "2021政策修订稿");
    await page.click("#btn-save-version");
    await page.click('[data-tab="try"]');
    const byDocNo = GUIDE.replace(
      "基于 “jiading-2021-industrial-internet.zc”",
      "基于 “嘉经〔2021〕12号”",
    );
    await setSource(page, byDocNo);
    expect(await panel(page).locator("[data-ambiguous]").getAttribute("data-ambiguous")).toBe("2");
    const select = panel(page).locator("#guideline-base");
    const version = await select
      .locator("option", { hasText: "2021政策修订稿" })
      .getAttribute("value");
    await andWait(page, () => select.selectOption(version ?? ""));
    expect(await panel(page).innerText()).toContain("已手动选择：版本“2021政策修订稿”");
    expect(await markers(page)).toEqual([]);
  },
);
