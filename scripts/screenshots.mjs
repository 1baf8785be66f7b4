/**
 * Screenshots of the playground for reviewers who do not run it: the seed policy at 1440×900 and
 * on a 390×844 phone (the page, the results summary, the diff view), written to screenshots/.
 * Run with `npm run screenshots` (which installs Chromium and a Chinese font where missing).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { launchChromium } from "./chromium.mjs";
import { serveStatic } from "./serve-static.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const out = `${repo}screenshots`;

/** Wait until the page shows an analysis of its current text. */
async function ready(page) {
  await page.waitForFunction(
    () => {
      const zc = window.zhengce;
      const a = zc?.store.current;
      return (
        !!a && a.source === zc.model.getValue() && document.body.dataset.analysis === String(a.id)
      );
    },
    undefined,
    { timeout: 30_000 },
  );
}

async function shoot(browser, url, name, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  await page.evaluate(() => document.fonts.ready);
  const files = [];
  const save = async (suffix, options = {}) => {
    const path = `${out}/${name}-${suffix}.png`;
    await page.screenshot({ path, ...options });
    files.push(path);
  };
  await save("page");
  // Filling the form: the results summary stays in view.
  const money = page
    .locator("#app-form .field", { has: page.locator(".field-type", { hasText: /^金额$/ }) })
    .locator('input[type="text"]')
    .first();
  await money.scrollIntoViewIfNeeded();
  await money.fill("1800万");
  await page.waitForTimeout(800);
  await save("form");
  await page.click("#btn-diff");
  await page.waitForSelector("#diff-overlay:not([hidden]) .monaco-diff-editor");
  await page.waitForTimeout(800);
  await save("diff");
  await context.close();
  return files;
}

async function main() {
  mkdirSync(out, { recursive: true });
  await build({ configFile: `${repo}playground/vite.config.ts`, logLevel: "warn" });
  const server = await serveStatic(`${repo}playground/dist`);
  const browser = await launchChromium();
  try {
    const files = [
      ...(await shoot(browser, server.url, "desktop-1440x900", { width: 1440, height: 900 })),
      ...(await shoot(browser, server.url, "phone-390x844", { width: 390, height: 844 })),
    ];
    process.stdout.write(
      `已生成 ${files.length} 张截图：\n${files.map((f) => `  ${f}`).join("\n")}\n`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  process.stderr.write(`截图失败：${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
