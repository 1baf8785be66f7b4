/**
 * Live diagnostics from the real compiler: typing an error shows a Chinese marker where the error
 * is, fixing it clears the marker, and a "did you mean" suggestion applies as a quick fix.
 */
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { KEYWORDS, keyword } from "../../grammar/keywords.js";
import {
  analysisId,
  markers,
  openPlayground,
  placeCursor,
  setSource,
  source,
  usePlayground,
  waitForAnalysis,
} from "./harness.js";

const pg = usePlayground();

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

pg.test("the seed compiles without errors", async ({ page, context }) => {
  expect((await markers(page)).filter((m) => m.severity === ERROR)).toEqual([]);
  // A drafter reads words; the timings are for the developer view (?dev) and the tooltip.
  const status = await page.locator("#status").innerText();
  expect(status).toMatch(/^没有错误/);
  expect(status).not.toContain("毫秒");
  expect(await page.locator("#status").getAttribute("title")).toMatch(/编译 [\d.]+ 毫秒/);
  const dev = await openPlayground(context, `${inject("baseUrl")}?dev`);
  expect(await dev.page.locator("#status").innerText()).toMatch(/编译 [\d.]+ 毫秒/);
  expect(dev.errors).toEqual([]);
});

pg.test(
  "typing an error shows a Chinese marker at the right place; fixing it clears the marker",
  async ({ page }) => {
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
    await setSource(page, original);
    expect((await markers(page)).filter((m) => m.severity === ERROR)).toEqual([]);
  },
);

pg.test("a misspelt name gets a 'did you mean' quick fix", async ({ page }) => {
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
});

type Pos = { lineNumber: number; column: number };
interface EditorHandle {
  model: { getValue(): string; getPositionAt(o: number): Pos; getLineCount(): number };
  editor: {
    revealLineInCenter(n: number): void;
    getScrolledVisiblePosition(p: Pos): { left: number; top: number } | null;
    getDomNode(): HTMLElement;
    setPosition(p: Pos): void;
    getPosition(): Pos;
    focus(): void;
    trigger(source: string, id: string, args: unknown): void;
  };
}

/** Move the mouse over the first match of `pattern` (its group 1, or the whole match). */
async function hoverOver(page: Page, pattern: RegExp): Promise<void> {
  const [x, y] = await page.evaluate(
    async ([src, flags]) => {
      const zc = (window as unknown as { zhengce: EditorHandle }).zhengce;
      const text = zc.model.getValue();
      const m = new RegExp(src, flags).exec(text)!;
      const offset = m.index + (m[1] ? m[0].indexOf(m[1]) : 0) + 1;
      const pos = zc.model.getPositionAt(offset);
      zc.editor.revealLineInCenter(pos.lineNumber);
      await new Promise((r) => setTimeout(r, 200));
      const at = zc.editor.getScrolledVisiblePosition(pos)!;
      const box = zc.editor.getDomNode().getBoundingClientRect();
      return [box.left + at.left + 3, box.top + at.top + 8];
    },
    [pattern.source, pattern.flags] as const,
  );
  await page.mouse.move(0, 0);
  await page.mouse.move(x!, y!);
}

pg.test("hover explains keywords from the keyword table", async ({ page }) => {
  await hoverOver(page, /^\s+(资助) /m);
  const widget = page.locator(".monaco-hover-content").filter({ hasText: keyword("Award").doc });
  await widget.first().waitFor();
  expect(await widget.first().innerText()).toContain("例");
});

pg.test("hover on a name shows its kind, type, description and uses", async ({ page }) => {
  await hoverOver(page, /基数 (项目实际投资)/);
  const widget = page.locator(".monaco-hover-content").filter({ hasText: "项目实际投资" });
  await widget.first().waitFor();
  const text = await widget.first().innerText();
  expect(text).toContain("申报信息");
  expect(text).toContain("金额");
  expect(text).toMatch(/定义于第\d+行/);
  expect(text).toMatch(/使用 \d+ 处/);
});

pg.test(
  "go to definition jumps to the declaration; the outline jumps to a clause",
  async ({ page }) => {
    const [declLine, line] = await page.evaluate(() => {
      const zc = (window as unknown as { zhengce: EditorHandle }).zhengce;
      const text = zc.model.getValue();
      const decl = zc.model.getPositionAt(text.search(/^\s+项目实际投资 金额/m)).lineNumber;
      const use = text.indexOf("基数 项目实际投资") + 4;
      zc.editor.setPosition(zc.model.getPositionAt(use));
      zc.editor.focus();
      zc.editor.trigger("test", "editor.action.revealDefinition", null);
      return [decl, zc.model.getPositionAt(use).lineNumber];
    });
    expect(line).toBeGreaterThan(declLine);
    await page.waitForFunction(
      (l) =>
        (window as unknown as { zhengce: EditorHandle }).zhengce.editor.getPosition().lineNumber ===
        l,
      declLine,
    );
    await page.click('[data-outline="5"]');
    const at = await page.evaluate(
      () =>
        (window as unknown as { zhengce: EditorHandle }).zhengce.editor.getPosition().lineNumber,
    );
    expect((await source(page)).split("\n")[at - 1]).toMatch(/^第5条/);
  },
);

pg.test("completion offers declared names, keywords and clause templates", async ({ page }) => {
  await typeAtEnd(page, "\n\n第99条 测试\n  条件 获智");
  await page.evaluate(() =>
    (window as unknown as { zhengce: EditorHandle }).zhengce.editor.trigger(
      "test",
      "editor.action.triggerSuggest",
      null,
    ),
  );
  const widget = page.locator(".suggest-widget.visible");
  await widget.waitFor();
  await widget.getByText("获智能工厂授牌").first().waitFor();
  await page.keyboard.press("Enter");
  expect((await source(page)).split("\n").at(-1)).toBe("  条件 获智能工厂授牌");
  await page.keyboard.insertText("\n条款");
  await page.evaluate(() =>
    (window as unknown as { zhengce: EditorHandle }).zhengce.editor.trigger(
      "test",
      "editor.action.triggerSuggest",
      null,
    ),
  );
  await widget.getByText("条款：比例资助并设上限").first().waitFor();
});

pg.test("the language reference lists every keyword of the table", async ({ page }) => {
  await page.click('[data-tab="reference"]');
  await page.locator("#reference dt").first().waitFor();
  expect(await page.locator("#reference dt").count()).toBe(KEYWORDS.length);
  const award = page.locator('#reference dt[data-keyword="Award"]');
  expect(await award.innerText()).toContain(keyword("Award").spellings[0]);
});
