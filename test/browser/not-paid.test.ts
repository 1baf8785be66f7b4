/**
 * Issue 14: in the playground a clause that qualifies but is not paid because of 从高不重复 is shown
 * as 未支付 with what it would have paid and the reason — among the clauses that apply, not under
 * 不符合的条款 — in the results, the summary that stays in view, and the case's check table.
 */
import { expect } from "vitest";
import { andWait, source, usePlayground } from "./harness.js";

const pg = usePlayground();

pg.test(
  "the seed's 从高不重复 case: 第2条 is 未支付 with its amount and reason, not 不符合",
  async ({ page }) => {
    await page.click('[data-tab="cases"]');
    const item = page.locator('#cases-list .case[data-case="第13条 同一项目符合两条：从高不重复"]');
    await item.waitFor();
    expect(await item.getAttribute("data-pass")).toBe("true");
    const row = item.locator("tr", { has: page.locator("td", { hasText: /^第2条$/ }) });
    expect(await row.locator("td").nth(1).innerText()).toContain("未支付");
    expect(await row.locator("td").nth(2).innerText()).toBe("未支付（应得 20万元）");
    await andWait(page, () => item.locator('[data-action="load"]').click());

    const card = page.locator('#results [data-clause="2"]');
    expect(await card.getAttribute("data-status")).toBe("not-paid");
    expect(await card.locator(".badge").innerText()).toBe("未支付");
    expect(await card.locator(".amount").innerText()).toBe("0元（应得 20万元）");
    const why = await card.locator("[data-not-paid]").innerText();
    expect(why).toContain("符合条件，应得 20万元；未支付：从高不重复");
    // Among the clauses that apply: not folded under 不符合的条款.
    expect(
      await page.locator("#results details.ineligible-clauses [data-clause='2']").count(),
    ).toBe(0);
    const folded = await page.locator("#results details.ineligible-clauses summary").innerText();
    expect(folded).not.toContain("第2条");
    // The summary in view says the same.
    expect(await page.locator("#results-dock").innerText()).toContain("未支付（应得 20万元）");
    // The form turned into a case expects 未支付, and that case passes.
    await page.click('[data-tab="cases"]');
    await page.fill("#new-case-name", "未支付的案例");
    await andWait(page, () => page.click("#btn-add-case"));
    expect(await source(page)).toMatch(/案例 “未支付的案例”[^]*期望 第2条 未支付/);
    const added = page.locator('#cases-list .case[data-case="未支付的案例"]');
    await added.waitFor();
    expect(await added.getAttribute("data-pass"), await added.innerText()).toBe("true");
  },
);
