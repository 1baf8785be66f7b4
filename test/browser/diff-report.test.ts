/**
 * The version-diff view's reviewer diff: two saved versions of the seed policy (clause 5's 市级 cap
 * raised, clause 1's ratio lowered) compared side by side; the change list, the impacted cases,
 * the boundaries and the budget appear beside Monaco's diff editor, in Chinese.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { seedSource } from "../diff/variants.js";
import { saveVersion, setSource, usePlayground } from "./harness.js";

const pg = usePlayground();

/** Where the original (left) and modified (right) editors of the diff have their selections. */
async function selections(page: Page): Promise<{ left: string; right: string }> {
  return page.evaluate(() => {
    const zc = (
      window as unknown as { zhengce: { monaco: { editor: { getDiffEditors(): unknown[] } } } }
    ).zhengce;
    const de = zc.monaco.editor.getDiffEditors()[0] as {
      getOriginalEditor(): {
        getModel(): { getValueInRange(r: unknown): string };
        getSelection(): unknown;
      };
      getModifiedEditor(): {
        getModel(): { getValueInRange(r: unknown): string };
        getSelection(): unknown;
      };
    };
    const text = (ed: ReturnType<typeof de.getOriginalEditor>) =>
      ed.getModel().getValueInRange(ed.getSelection());
    return { left: text(de.getOriginalEditor()), right: text(de.getModifiedEditor()) };
  });
}

pg.test(
  "two versions of the seed: changes, impacted cases, boundaries and budget",
  async ({ page }) => {
    const seed = seedSource();
    await setSource(page, seed);
    await saveVersion(page, "原版");
    const draft = seed
      .split("市级 500万")
      .join("市级 800万")
      .replace("资助 比例 30% 基数 项目实际投资", "资助 比例 25% 基数 项目实际投资");
    await setSource(page, draft);
    await saveVersion(page, "修改稿");

    // Compare the two saved versions: 原版 on the left, 修改稿 on the right.
    await page.locator('[data-version="原版"]').getByRole("button", { name: "与当前对比" }).click();
    await page.waitForSelector("#diff-overlay:not([hidden]) .monaco-diff-editor");
    await page.selectOption("#diff-right", { label: "修改稿" });

    // The change list arrives first, while the rest is still being computed.
    const changes = page.locator('#diff-report [data-section="changes"] .diff-change');
    await changes.first().waitFor();
    const texts = await changes.allTextContents();
    expect(texts).toContain("第5条 市级上限 500万元 → 800万元");
    expect(texts).toContain("第1条 比例 30% → 25%");
    expect(
      await page.locator('#diff-report [data-section="changes"] .diff-summary').textContent(),
    ).toContain("规则变更 3 项");

    // Clicking a change shows its span in both sides of the diff editor.
    await changes.filter({ hasText: "第1条 比例 30% → 25%" }).click();
    expect(await selections(page)).toEqual({ left: "30%", right: "25%" });

    // The boundaries are the last stage: once the comparison is done, every section is there.
    await page.waitForSelector('#diff-report[data-state="done"]', { timeout: 45_000 });
    const impacted = page.locator('#diff-report .diff-case[data-case="案例“第1条 未达上限”"]');
    await expect.poll(() => impacted.count()).toBe(1);
    const summary = await impacted.locator("summary").textContent();
    expect(summary).toContain("150万元 → 125万元");
    expect(summary).toContain("-25万元");
    // Its explanations open on demand, for both versions.
    await impacted.locator("summary").click();
    const explained = await impacted.locator(".diff-explain").allTextContents();
    expect(explained.join("\n")).toContain("项目实际投资 500万元 × 25% = 125万元");

    const bounds = page.locator('#diff-report [data-section="boundaries"]');
    expect(await bounds.locator('.diff-bound[data-clause="第5条"]').count()).toBe(1);
    expect(await bounds.textContent()).toContain("（已验证）");

    const budget = page.locator('#diff-report [data-section="budget"]');
    expect(await budget.locator("h3").textContent()).toBe("预算影响");
    expect(await budget.locator(".diff-summary").textContent()).toContain("合成申报 100,000 份");
    expect(await budget.locator('tr[data-clause="合计"]').count()).toBe(1);
    expect(await budget.locator(".diff-counts").textContent()).toMatch(
      /获得更多 \d+ 份，减少 \d+ 份，不变 \d+ 份/,
    );
    expect(await budget.locator(".diff-notes li").count()).toBeGreaterThan(0);
  },
);

pg.test(
  "a comment-only change is reported as such, with no impact to compute",
  async ({ page }) => {
    const seed = seedSource();
    await setSource(page, seed);
    await saveVersion(page, "原版");
    await setSource(page, seed.replace("# 第14条\n", "# 第14条：严重失信\n"));
    await page.locator('[data-version="原版"]').getByRole("button", { name: "与当前对比" }).click();
    await page.waitForSelector('#diff-report[data-state="done"]', { timeout: 20_000 });
    const report = page.locator("#diff-report");
    expect(await report.locator('[data-note="no-rule-change"]').textContent()).toContain(
      "只有注释与排版变化",
    );
    expect(await report.locator('.diff-change[data-effect="format"]').count()).toBe(1);
    expect(await report.locator('[data-section="budget"]').count()).toBe(0);
  },
);
