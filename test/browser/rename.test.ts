/**
 * The playground's rename and clause navigation come from the shared language services
 * (language/navigation.ts), as in `zhengce lsp`: F2 renames a name everywhere, cases included, and
 * never the 原文 quotation; a keyword is refused; 期望 第1条 leads to 第1条.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchBrowser, openPlayground, placeCursor, source, waitForAnalysis } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Handle {
  zhengce: {
    editor: {
      getPosition(): { lineNumber: number };
      trigger(s: string, id: string, a: unknown): void;
    };
    model: { getValue(): string; getPositionAt(o: number): { lineNumber: number; column: number } };
  };
}

const positionOf = async (page: import("playwright-core").Page, needle: string, skip = 0) =>
  page.evaluate(
    ([n, k]) => {
      const zc = (window as unknown as Handle).zhengce;
      const text = zc.model.getValue();
      return zc.model.getPositionAt(text.indexOf(n as string) + (k as number));
    },
    [needle, skip] as const,
  );

test("F2 renames a name in rules and cases, not in 原文; a keyword is refused", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  const at = await positionOf(page, "基数 项目实际投资", 4);
  await placeCursor(page, at.lineNumber, at.column + 1);
  await page.keyboard.press("F2");
  const input = page.locator(".rename-input");
  await input.waitFor();
  await input.fill("实际投资额");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() =>
    (window as unknown as Handle).zhengce.model.getValue().includes("基数 实际投资额"),
  );
  await waitForAnalysis(page);
  const text = await source(page);
  expect(text).toContain("输入 获智能工厂授牌 是，实际投资额 500万");
  expect(text).toContain("按不超过项目实际投资的30%予以资助");
  expect(text).toMatch(/^\s+实际投资额 金额/m);

  const kw = await positionOf(page, "  上限 200万", 2);
  await placeCursor(page, kw.lineNumber, kw.column + 1);
  await page.keyboard.press("F2");
  await expect
    .poll(() => page.locator(".monaco-editor .message").allTextContents(), { timeout: 10_000 })
    .toEqual(expect.arrayContaining([expect.stringContaining("关键字")]));
  expect(errors).toEqual([]);
  await context.close();
});

test("go to definition on 期望 第1条 in a case jumps to the clause", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  const at = await positionOf(page, "期望 第1条", 4);
  await placeCursor(page, at.lineNumber, at.column);
  await page.evaluate(() =>
    (window as unknown as Handle).zhengce.editor.trigger(
      "t",
      "editor.action.revealDefinition",
      null,
    ),
  );
  const clause = await positionOf(page, "第1条 支持企业");
  await page.waitForFunction(
    (l) => (window as unknown as Handle).zhengce.editor.getPosition().lineNumber === l,
    clause.lineNumber,
  );
  expect(errors).toEqual([]);
  await context.close();
});
