/**
 * F2 rename in the playground (issue 15): the shared language service's rename (the one
 * `zhengce lsp` serves) wired into Monaco. A declared name is renamed everywhere, cases included,
 * as one undoable edit; a keyword is refused with the service's Chinese reason.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { placeCursor, source, usePlayground, waitForAnalysis } from "./harness.js";

const pg = usePlayground();

/** The 1-based position of the first `needle` in the editor, `skip` characters in. */
const positionOf = async (page: Page, needle: string, skip = 0) =>
  page.evaluate(
    ([n, k]) => {
      const zc = (
        window as unknown as {
          zhengce: {
            model: {
              getValue(): string;
              getPositionAt(o: number): { lineNumber: number; column: number };
            };
          };
        }
      ).zhengce;
      return zc.model.getPositionAt(zc.model.getValue().indexOf(n as string) + (k as number));
    },
    [needle, skip] as const,
  );

const count = (text: string, s: string) => text.split(s).length - 1;

/** How many places the analysis knows a name at (declaration and uses), 0 when it is not declared. */
const places = (page: Page, name: string) =>
  page.evaluate((n) => {
    const info = (
      window as unknown as {
        zhengce: { store: { nameIndex: Map<string, { uses: unknown[] }> } };
      }
    ).zhengce.store.nameIndex.get(n);
    return info ? info.uses.length + 1 : 0;
  }, name);

pg.test(
  "F2 on an input renames it everywhere, cases included, and Ctrl+Z undoes it",
  async ({ page, errors }) => {
    const before = await source(page);
    const uses = await places(page, "项目实际投资");
    expect(uses).toBeGreaterThan(2);
    // The name also stands inside quoted text (“智能工厂项目实际投资”), which a rename leaves alone.
    const quoted = count(before, "项目实际投资") - uses;
    // The cursor on a use inside a clause (not the declaration), as a drafter reading it would be.
    const at = await positionOf(page, "基数 项目实际投资", 4);
    await placeCursor(page, at.lineNumber, at.column);
    await page.keyboard.press("F2");
    const box = page.locator(".rename-box input");
    await box.waitFor({ state: "visible", timeout: 10_000 });
    expect(await box.inputValue()).toBe("项目实际投资");
    await box.fill("智能工厂实际投资");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { zhengce: { model: { getValue(): string } } }).zhengce.model
          .getValue()
          .includes("智能工厂实际投资"),
      null,
      { timeout: 10_000 },
    );
    await waitForAnalysis(page);
    const after = await source(page);
    expect(count(after, "智能工厂实际投资")).toBe(uses);
    expect(count(after, "项目实际投资")).toBe(quoted);
    expect(await places(page, "智能工厂实际投资")).toBe(uses);
    expect(await places(page, "项目实际投资")).toBe(0);
    // Still a valid policy: no errors after the rename.
    const problems = await page.evaluate(() =>
      (
        window as unknown as {
          zhengce: { store: { current: { diagnostics: { severity: string }[] } } };
        }
      ).zhengce.store.current.diagnostics.filter((d) => d.severity === "error"),
    );
    expect(problems).toEqual([]);
    // One undoable edit.
    await placeCursor(page, 1, 1);
    await page.keyboard.press("Control+z");
    await page.waitForFunction(
      (t) =>
        (
          window as unknown as { zhengce: { model: { getValue(): string } } }
        ).zhengce.model.getValue() === t,
      before,
      { timeout: 10_000 },
    );
  },
);

pg.test(
  "F2 on a keyword is refused with the reason in Chinese, and the text is unchanged",
  async ({ page }) => {
    const before = await source(page);
    const at = await positionOf(page, "资助 比例 30%", 0);
    await placeCursor(page, at.lineNumber, at.column + 1);
    await page.keyboard.press("F2");
    const message = page.locator(".monaco-editor-overlaymessage, .monaco-editor .message");
    await message.first().waitFor({ state: "visible", timeout: 10_000 });
    expect(await message.first().innerText()).toContain("是关键字，不能改名");
    expect(await page.locator(".rename-box input").isVisible()).toBe(false);
    expect(await source(page)).toBe(before);
  },
);
