#!/usr/bin/env node
/**
 * Figures for the playground, printed (not asserted):
 *  - the built JavaScript: raw and gzip size per file and in total;
 *  - page load in headless Chromium: until the editor shows and until the first analysis
 *    (markers, form, results) is on screen;
 *  - typing to updated markers and results on the seed policy: from a keystroke in the editor to
 *    the page having applied the analysis of the new text, plus the worker's own compile and
 *    evaluate times;
 *  - the version-diff view: from an edit in its draft side to the budget over 100,000 synthetic
 *    applications on screen.
 * Usage: node scripts/bench-playground.mjs [--no-build] [--runs N]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { launchChromium } from "./chromium.mjs";
import { serveStatic } from "./serve-static.mjs";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 30;
const config = fileURLToPath(new URL("../playground/vite.config.ts", import.meta.url));
const dist = fileURLToPath(new URL("../playground/dist", import.meta.url));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

if (!args.includes("--no-build")) await build({ configFile: config, logLevel: "warn" });

// ---------------------------------------------------------------- sizes
const files = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
let raw = 0;
let gz = 0;
console.log("构建产物（JavaScript）");
for (const f of files.sort()) {
  const buf = readFileSync(join(dist, "assets", f));
  const g = gzipSync(buf).length;
  raw += buf.length;
  gz += g;
  console.log(`  ${f.padEnd(40)} ${kb(buf.length).padStart(11)}  gzip ${kb(g).padStart(10)}`);
}
console.log(`  ${"合计".padEnd(38)} ${kb(raw).padStart(11)}  gzip ${kb(gz).padStart(10)}`);
const other = readdirSync(join(dist, "assets")).filter((f) => !f.endsWith(".js"));
for (const f of other)
  console.log(`  ${f.padEnd(40)} ${kb(statSync(join(dist, "assets", f)).size).padStart(11)}`);
const languageWorkers = files.filter((f) =>
  /ts\.worker|css\.worker|html\.worker|json\.worker/.test(f),
);
console.log(
  `  Monaco 语言 worker（TS/CSS/HTML/JSON）：${languageWorkers.length ? languageWorkers.join(", ") : "无"}`,
);

// ---------------------------------------------------------------- browser
const browser = await launchChromium();
const server = await serveStatic(dist);
try {
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(
      () => performance.getEntriesByName("zhengce:first-analysis").length > 0,
      null,
      { timeout: 30_000 },
    );
    loads.push(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        return {
          dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
          first: performance.getEntriesByName("zhengce:first-analysis")[0].startTime,
        };
      }),
    );
    await context.close();
  }
  console.log("\n页面加载（无头 Chromium，本机静态服务器，5 次中位数）");
  console.log(`  DOMContentLoaded            ${ms(median(loads.map((l) => l.dcl)))}`);
  console.log(`  load 事件                    ${ms(median(loads.map((l) => l.load)))}`);
  console.log(`  首次分析完成（可用）          ${ms(median(loads.map((l) => l.first)))}`);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(
    () => performance.getEntriesByName("zhengce:first-analysis").length > 0,
    null,
    { timeout: 30_000 },
  );
  const result = await page.evaluate(async (n) => {
    const zc = window.zhengce;
    const text = zc.model.getValue();
    // Edit the seed's first cap (e.g. 200万 → 300万 and back), as in the acceptance story.
    let at = text.search(/上限\s*\d/);
    at = at < 0 ? Math.floor(text.length / 2) : text.indexOf(text.match(/上限\s*(\d)/)[1], at);
    const pos = zc.model.getPositionAt(at);
    // Resolves once the page has applied the analysis (attribute data-analysis) or the cases
    // (data-cases) of `target`.
    const applied = (target, attr) =>
      new Promise((resolve) => {
        const check = () =>
          zc.store.current?.source === target &&
          Number(document.body.getAttribute(attr)) === zc.store.current.id;
        if (check()) return resolve(undefined);
        const obs = new MutationObserver(() => {
          if (check()) {
            obs.disconnect();
            resolve(undefined);
          }
        });
        obs.observe(document.body, { attributes: true, attributeFilter: [attr] });
      });
    const totals = [];
    const withCases = [];
    const compile = [];
    const evaluate = [];
    for (let i = 0; i < n; i++) {
      const ch = i % 2 ? text[at] : text[at] === "3" ? "4" : "3";
      const t0 = performance.now();
      zc.editor.executeEdits("bench", [
        {
          range: new zc.monaco.Range(pos.lineNumber, pos.column, pos.lineNumber, pos.column + 1),
          text: ch,
        },
      ]);
      const target = zc.model.getValue();
      await applied(target, "data-analysis");
      totals.push(performance.now() - t0);
      await applied(target, "data-cases");
      withCases.push(performance.now() - t0);
      // A drafter pauses between edits; back-to-back edits would measure a queue instead.
      await new Promise((r) => setTimeout(r, 100));
      compile.push(zc.store.current.timings.compileMs);
      evaluate.push(zc.store.current.timings.evaluateMs);
    }
    return {
      totals,
      withCases,
      compile,
      evaluate,
      chars: text.length,
      compilerAvailable: zc.store.current.compilerAvailable,
    };
  }, runs);
  console.log(
    `\n按键到标记与结果更新（种子政策 ${result.chars} 字，${runs} 次，每次编辑后停顿 100 毫秒${result.compilerAvailable ? "" : "；编译器尚不可用"}）`,
  );
  console.log(
    `  标记与试算结果  中位数 ${ms(median(result.totals))}  p95 ${ms(p95(result.totals))}`,
  );
  console.log(
    `  含全部内嵌案例 中位数 ${ms(median(result.withCases))}  p95 ${ms(p95(result.withCases))}`,
  );
  console.log(`  其中编译 中位数 ${ms(median(result.compile))}  p95 ${ms(p95(result.compile))}`);
  console.log(`  其中试算 中位数 ${ms(median(result.evaluate))}  p95 ${ms(p95(result.evaluate))}`);
  await context.close();

  // The version-diff view's budget (100,000 synthetic applications, in the diff worker): from an
  // edit in the view's draft side to the new budget on screen (150 ms debounce included).
  const diffContext = await browser.newContext();
  const dp = await diffContext.newPage();
  await dp.goto(server.url);
  await dp.waitForFunction(
    () => performance.getEntriesByName("zhengce:first-analysis").length > 0,
    null,
    { timeout: 30_000 },
  );
  await dp.click('[data-tab="versions"]');
  await dp.fill("#version-name", "原版");
  await dp.click("#btn-save-version");
  await dp.waitForSelector('[data-version="原版"]');
  await dp.evaluate(() => {
    const zc = window.zhengce;
    const t = zc.model
      .getValue()
      .replace("比例 30% 基数 项目实际投资", "比例 25% 基数 项目实际投资");
    zc.editor.executeEdits("bench", [{ range: zc.model.getFullModelRange(), text: t }]);
  });
  await dp.locator('[data-version="原版"]').getByRole("button", { name: "与当前对比" }).click();
  const fresh = '#diff-report [data-section="budget"]:not([data-stale])';
  await dp.waitForSelector(fresh, { timeout: 60_000 });
  const budgetRuns = Math.min(runs, 10);
  const budgetTimes = await dp.evaluate(async (n) => {
    const zc = window.zhengce;
    const ed = zc.monaco.editor.getDiffEditors()[0].getModifiedEditor();
    const m = ed.getModel();
    const out = [];
    for (let i = 0; i < n; i++) {
      // The worker finishes the rest of the comparison before the next edit.
      await new Promise((r) => setTimeout(r, 1500));
      const at = m.getValue().indexOf("% 基数 项目实际投资") - 1;
      const p = m.getPositionAt(at);
      const ch = m.getValue()[at] === "0" ? "5" : "0";
      const t0 = performance.now();
      ed.executeEdits("bench", [
        {
          range: new zc.monaco.Range(p.lineNumber, p.column, p.lineNumber, p.column + 1),
          text: ch,
        },
      ]);
      await new Promise((resolve) => {
        const done = () => {
          const s = document.querySelector('#diff-report [data-section="budget"]');
          return s && !s.hasAttribute("data-stale");
        };
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve(undefined);
          }
        });
        obs.observe(document.getElementById("diff-report"), {
          subtree: true,
          childList: true,
          attributes: true,
        });
      });
      out.push(performance.now() - t0);
    }
    return out;
  }, budgetRuns);
  console.log(
    `\n对比视图：按键到预算更新（100,000 份合成申报，${budgetRuns} 次，含 150 毫秒防抖）`,
  );
  console.log(
    `  预算影响  中位数 ${ms(median(budgetTimes))}  p95 ${ms(p95(budgetTimes))}（目标 < 1000 ms）`,
  );
  await diffContext.close();
} finally {
  await browser.close();
  await server.close();
}
