/**
 * An empty 上限 while drafting (issue 14): the marker says what is missing with an example, not
 * the parser's "此处应为表达式，却是文件结尾", and the clause stays in the outline while broken.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchBrowser, markers, openPlayground, setSource, source } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("an empty 上限 says the amount is missing, and the clause stays in the outline", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  const seed = await source(page);
  const lines = seed.split("\n");
  const at = lines.indexOf("  上限 200万");
  expect(at, "the seed's 第1条 has 上限 200万").toBeGreaterThan(0);
  lines[at] = "  上限";
  await setSource(page, lines.join("\n"));

  const errorsShown = (await markers(page)).filter((m) => m.severity === 8);
  expect(errorsShown.map((m) => [m.message.split("\n")[0], m.startLineNumber])).toEqual([
    ["“上限”后面缺少金额，例如：上限 200万", at + 1],
  ]);
  const problems = await page.locator("#problems").innerText();
  expect(problems).toContain("“上限”后面缺少金额，例如：上限 200万");
  expect(problems).not.toContain("文件结尾");

  // The broken clause keeps its place in the outline, marked, between its neighbours.
  const outline = page.locator("#outline-list button");
  const labels = await outline.locator(".clause-label").allInnerTexts();
  expect(labels.slice(0, 2)).toEqual(["第1条", "第2条"]);
  const first = page.locator('#outline-list button[data-outline="1"]');
  expect(await first.getAttribute("data-broken")).toBe("");
  expect(await first.innerText()).toContain("有语法错误");
  expect(await page.locator("#outline-list button[data-broken]").count()).toBe(1);

  // Writing the amount back clears the error and the mark.
  await setSource(page, seed);
  expect((await markers(page)).filter((m) => m.severity === 8)).toEqual([]);
  expect(await page.locator("#outline-list button[data-broken]").count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
