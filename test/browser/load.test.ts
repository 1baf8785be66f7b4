/**
 * The page loads from the static build with no console errors, in Chinese, with the seed policy.
 */
import { fileURLToPath } from "node:url";
import { expect, inject, test } from "vitest";
import { serveStatic } from "../../scripts/serve-static.mjs";
import { openPlayground, placeCursor, source, usePlayground } from "./harness.js";

const pg = usePlayground();

pg.test("the page loads with the seed policy and no console errors", async ({ page, errors }) => {
  expect(await page.title()).toContain("政策");
  expect(await source(page)).toMatch(/^\s*(#.*\n\s*)*政策 /m);
  // Monaco's own words are Chinese too (the zh-cn message bundle is loaded first).
  expect(
    await page.evaluate(
      () => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE,
    ),
  ).toBe("zh-cn");
  await placeCursor(page, 1, 1);
  await page.keyboard.press("Control+f");
  const find = page.locator(".find-widget textarea, .find-widget input").first();
  await find.waitFor();
  expect((await find.getAttribute("placeholder")) ?? "").toMatch(/[\u4e00-\u9fff]/);
  await page.keyboard.press("Escape");
  // Give late errors (workers, fonts) a moment to surface.
  await page.waitForTimeout(500);
});

test("only the Monaco features the playground uses are shipped (no language workers)", async () => {
  const context = await pg.browser().newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script" || r.url().endsWith(".js")) scripts.push(r.url());
  });
  await page.goto(inject("baseUrl"));
  await page.waitForSelector(".monaco-editor");
  expect(scripts.some((u) => /ts\.worker|css\.worker|html\.worker|json\.worker/.test(u))).toBe(
    false,
  );
  await context.close();
});

test("the build works from a sub-path of any static host", async () => {
  const server = await serveStatic(fileURLToPath(new URL("../../playground", import.meta.url)));
  try {
    const context = await pg.browser().newContext();
    const { page, errors } = await openPlayground(context, `${server.url}dist/`);
    expect(await source(page)).toMatch(/^\s*(#.*\n\s*)*政策 /m);
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await context.close();
  } finally {
    await server.close();
  }
});
