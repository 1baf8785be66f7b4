/**
 * Formatting from the editor uses the project's formatter (compiler `formatSource`). Until the
 * compiler exports it, the button stays disabled and says why; once it does, the button formats.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import * as compiler from "../../compiler/index.js";
import {
  analysisId,
  launchBrowser,
  openPlayground,
  setSource,
  source,
  waitForAnalysis,
} from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type FormatSource = (s: string) => { ok: boolean; text?: string } | string;
const formatSource = (compiler as unknown as { formatSource?: FormatSource }).formatSource;

test("the format button follows the formatter's availability and formats like the CLI", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  const button = page.locator("#btn-format");
  if (!formatSource) {
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute("title")).toMatch(/格式化器尚未提供/);
  } else {
    await page.waitForFunction(
      () => !(document.querySelector("#btn-format") as HTMLButtonElement).disabled,
    );
    // Untidy but valid: extra spaces and a non-canonical keyword spelling.
    const messy = (await source(page))
      .replace(/^  资助 /m, "  资助   ")
      .replace(/^  奖励 定额/m, "  补贴 定额");
    await setSource(page, messy);
    const before = await analysisId(page);
    await button.click();
    await waitForAnalysis(page, before);
    const r = formatSource(messy);
    const expected = typeof r === "string" ? r : r.text;
    expect(expected).not.toBe(messy);
    expect(await source(page)).toBe(expected);
  }
  expect(errors).toEqual([]);
  await context.close();
});
