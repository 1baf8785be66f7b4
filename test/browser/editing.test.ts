/**
 * Live diagnostics from the real compiler: typing an error shows a Chinese marker where the error
 * is, fixing it clears the marker, and a "did you mean" suggestion applies as a quick fix.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { keyword } from "../../grammar/keywords.js";
import {
  analysisId,
  launchBrowser,
  markers,
  openPlayground,
  placeCursor,
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

const ERROR = 8; // monaco.MarkerSeverity.Error
const hasHan = /[\u4e00-\u9fff]/;

async function typeAtEnd(page: Page, text: string): Promise<number> {
  const lines = await page.evaluate(() =>
    (
      window as unknown as { zhengce: { model: { getLineCount(): number } } }
    ).zhengce.model.getLineCount(),
  );
  const last = await page.evaluate(
    (n) =>
      (
        window as unknown as { zhengce: { model: { getLineMaxColumn(n: number): number } } }
      ).zhengce.model.getLineMaxColumn(n),
    lines,
  );
  await placeCursor(page, lines, last);
  const before = await analysisId(page);
  await page.keyboard.insertText(text);
  await waitForAnalysis(page, before);
  return lines;
}

async function boolInput(page: Page): Promise<string> {
  const names = await page.evaluate(() => {
    const zc = (
      window as unknown as {
        zhengce: {
          store: { current: { meta: { inputs: { name: string; type: string }[] } | null } };
        };
      }
    ).zhengce;
    return (zc.store.current?.meta?.inputs ?? [])
      .filter((i) => i.type === "bool")
      .map((i) => i.name);
  });
  const name = names.find((n) => n.length >= 4);
  if (!name) throw new Error("the seed policy should declare a yes/no input of 4+ characters");
  return name;
}

test("the seed compiles without errors", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  expect((await markers(page)).filter((m) => m.severity === ERROR)).toEqual([]);
  expect(await page.locator("#status").innerText()).toMatch(/编译 [\d.]+ 毫秒/);
  expect(errors).toEqual([]);
  await context.close();
});

test("typing an error shows a Chinese marker at the right place; fixing it clears the marker", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  const original = await source(page);
  const last = await typeAtEnd(
    page,
    "\n\n第99条 测试条款\n  条件 企业获得某某认定\n  资助 定额 20万\n",
  );
  const errs = (await markers(page)).filter((m) => m.severity === ERROR);
  expect(errs.length).toBeGreaterThan(0);
  const lines = (await source(page)).split("\n");
  const line = lines.findIndex((l) => l.includes("企业获得某某认定")) + 1;
  expect(line).toBeGreaterThan(last);
  const marker = errs.find((m) => m.startLineNumber === line);
  expect(marker, JSON.stringify(errs)).toBeDefined();
  expect(marker!.startColumn).toBe(lines[line - 1]!.indexOf("企业获得某某认定") + 1);
  expect(marker!.message).toMatch(hasHan);
  // The problems list shows it too, with line and column.
  expect(await page.locator("#problems .problem.error").first().innerText()).toContain(
    `第${line}行`,
  );

  // Fix: remove the offending clause again.
  const before = await analysisId(page);
  await page.evaluate((text) => {
    const zc = (
      window as unknown as {
        zhengce: {
          editor: { executeEdits(s: string, e: object[]): void };
          model: { getFullModelRange(): object };
        };
      }
    ).zhengce;
    zc.editor.executeEdits("test", [{ range: zc.model.getFullModelRange(), text }]);
  }, original);
  await waitForAnalysis(page, before);
  expect((await markers(page)).filter((m) => m.severity === ERROR)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test("a misspelt name gets a 'did you mean' quick fix", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  const name = await boolInput(page);
  const typo = name.slice(0, -1) + (name.endsWith("某") ? "甲" : "某");
  await typeAtEnd(page, `\n\n第99条 测试条款\n  条件 ${typo}\n  资助 定额 20万\n`);
  const lines = (await source(page)).split("\n");
  const line = lines.findIndex((l) => l.includes(typo)) + 1;
  const marker = (await markers(page)).find(
    (m) => m.startLineNumber === line && m.severity === ERROR,
  );
  expect(marker, "a marker on the misspelt name").toBeDefined();
  expect(marker!.message).toMatch(hasHan);
  await placeCursor(page, line, marker!.startColumn + 1);
  const before = await analysisId(page);
  await page.evaluate(() =>
    (
      window as unknown as {
        zhengce: { editor: { trigger(s: string, id: string, a: unknown): void } };
      }
    ).zhengce.editor.trigger("test", "editor.action.autoFix", null),
  );
  await waitForAnalysis(page, before);
  expect((await source(page)).split("\n")[line - 1]).toBe(`  条件 ${name}`);
  expect(
    (await markers(page)).filter((m) => m.startLineNumber === line && m.severity === ERROR),
  ).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test("hover explains keywords from the keyword table", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPlayground(context, inject("baseUrl"));
  // Point the mouse at the first 资助 that starts a clause line, as a drafter would.
  const [x, y] = await page.evaluate(async () => {
    type Pos = { lineNumber: number; column: number };
    const zc = (
      window as unknown as {
        zhengce: {
          model: { getValue(): string; getPositionAt(o: number): Pos };
          editor: {
            revealLineInCenter(n: number): void;
            getScrolledVisiblePosition(p: Pos): { left: number; top: number } | null;
            getDomNode(): HTMLElement;
          };
        };
      }
    ).zhengce;
    const text = zc.model.getValue();
    const line = text.search(/^\s+资助 /m);
    const pos = zc.model.getPositionAt(line + text.slice(line).indexOf("资助") + 1);
    zc.editor.revealLineInCenter(pos.lineNumber);
    await new Promise((r) => setTimeout(r, 200));
    const at = zc.editor.getScrolledVisiblePosition(pos)!;
    const box = zc.editor.getDomNode().getBoundingClientRect();
    return [box.left + at.left + 3, box.top + at.top + 8];
  });
  await page.mouse.move(x!, y!);
  const widget = page.locator(".monaco-hover-content").filter({ hasText: keyword("Award").doc });
  await widget.first().waitFor();
  expect(await widget.first().innerText()).toContain("例");
  expect(errors).toEqual([]);
  await context.close();
});
