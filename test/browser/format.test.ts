/**
 * Formatting from the editor uses the project's formatter (compiler `formatSource`): the button
 * is enabled once the worker is ready and formats like the CLI.
 */
import { expect } from "vitest";
import { formatSource } from "../../compiler/index.js";
import { analysisId, setSource, source, usePlayground, waitForAnalysis } from "./harness.js";

const pg = usePlayground();

pg.test("the format button formats like the CLI", async ({ page }) => {
  const button = page.locator("#btn-format");
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
  const expected = formatSource(messy).text;
  expect(expected).toBeDefined();
  expect(expected).not.toBe(messy);
  expect(await source(page)).toBe(expected);
});
