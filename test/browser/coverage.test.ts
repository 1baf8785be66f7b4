/**
 * Case coverage in the 案例 tab (issue 11 §7): computed in the worker by the compiler's coverage,
 * the same report `zhengce test --coverage` prints — per clause its cases, the outcomes reached,
 * each condition, cap, step, limit, table row and bracket row covered or not. Reached by keyboard,
 * spelt out for screen readers, axe-clean, stale once the text changes, and usable at 390 px.
 */
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { compile, coverageSummary, policyCoverage } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";
import { andWait, placeCursor, usePlayground } from "./harness.js";

const pg = usePlayground();

const SEED = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
/** What the CLI reports for the seed, computed here by the same compiler. */
const expected = () => {
  const r = compile(SEED);
  return policyCoverage(SEED, r, loadPolicy, compile).clauses;
};

async function computeCoverage(page: Page): Promise<void> {
  await page.click('[data-tab="cases"]');
  const before = await page.evaluate(() => document.body.dataset["coverage"] ?? "");
  // By keyboard: focus the button and press Enter, as a keyboard-only drafter would.
  await page.focus("#btn-coverage");
  await page.keyboard.press("Enter");
  await page.waitForFunction((b) => (document.body.dataset["coverage"] ?? "") !== b, before, {
    timeout: 60_000,
  });
}

pg.test(
  "the 案例 tab lists per clause its cases, outcomes and covered rules, as the CLI does",
  async ({ page }) => {
    await computeCoverage(page);
    const want = expected();
    expect(await page.locator("#coverage-summary").innerText()).toBe(
      `覆盖：${coverageSummary(want)}`,
    );
    const sections = page.locator("#coverage-list .coverage-clause");
    expect(await sections.count()).toBe(want.length);
    for (const c of want) {
      const s = page.locator(`#coverage-list .coverage-clause[data-clause="${c.number}"]`);
      expect(await s.locator("h4").innerText()).toBe(`${c.label} ${c.title}`);
      expect(await s.locator("p").first().innerText()).toContain(
        c.cases ? `${c.cases} 个案例` : "没有案例",
      );
      expect(await s.locator("li").count()).toBe(c.items.length);
      expect(await s.locator('li[data-covered="false"]').count()).toBe(
        c.items.filter((i) => !i.covered).length,
      );
    }
    // The seed's 第5条 名额 is reached by no case: named, with why, and spelt out for a screen reader.
    const quota = page
      .locator('#coverage-list .coverage-clause[data-clause="5"] li[data-covered="false"]')
      .filter({ hasText: "名额" });
    expect(await quota.count()).toBe(1);
    expect(await quota.innerText()).toContain("没有案例依赖它");
    expect(await quota.locator(".sr-only").innerText()).toBe("未覆盖：");
    // The outcomes include 未支付 for the clauses 从高不重复 leaves unpaid.
    expect(
      await page.locator('#coverage-list .coverage-clause[data-clause="2"] p').first().innerText(),
    ).toContain("未支付");
    // A line button moves the editor to that line.
    const line = want.find((c) => c.number === 5)!.items.find((i) => !i.covered)!.line;
    await quota.locator("button").click();
    await page.waitForFunction(
      (l) =>
        (
          window as unknown as { zhengce: { editor: { getPosition(): { lineNumber: number } } } }
        ).zhengce.editor.getPosition().lineNumber === l,
      line,
    );
    // Axe: no serious or critical violation with the report shown.
    await page.click('[data-tab="cases"]');
    const axe = await new AxeBuilder({ page })
      .include("#tab-cases")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => v.id),
    ).toEqual([]);
  },
);

pg.test(
  "after an edit the report says it is of the earlier text, and recomputing follows the edit",
  async ({ page }) => {
    await computeCoverage(page);
    // Any edit, typed as a drafter would.
    await placeCursor(page, 1, 1);
    await andWait(page, () => page.keyboard.type("# 注释\n"));
    expect(await page.evaluate(() => document.body.dataset["coverageStale"])).toBe("true");
    expect(await page.locator("#coverage-summary").innerText()).toContain("政策已修改");
    await computeCoverage(page);
    expect(await page.evaluate(() => document.body.dataset["coverageStale"])).toBe("false");
    expect(await page.locator("#coverage-summary").innerText()).toMatch(/^覆盖：/);
  },
);

pg.test(
  "a phone (390 px): the report fits without horizontal scrolling",
  { context: { viewport: { width: 390, height: 844 } } },
  async ({ page }) => {
    await computeCoverage(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  },
);
