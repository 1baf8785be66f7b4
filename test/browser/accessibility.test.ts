/**
 * Keyboard and screen-reader use (issue 14's blocker): the editor is no keyboard trap (Ctrl+M,
 * Escape then Tab, F6), every change of mode is announced, the side tabs follow the ARIA tabs
 * pattern, form controls are labelled with their help linked, and axe-core finds no serious or
 * critical violation on any tab.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { andWait, placeCursor, source, usePlayground } from "./harness.js";

const pg = usePlayground();

/** Where the focus is: inside the editor, or the id / data-tab / data-field of the element. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    if (el.closest(".monaco-editor")) return "editor";
    return (
      (el.dataset["tab"] ? `tab:${el.dataset["tab"]}` : "") ||
      (el.dataset["field"] ? `field:${el.dataset["field"]}` : "") ||
      el.id ||
      el.tagName.toLowerCase()
    );
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

pg.test(
  "Tab inserts spaces in the editor, but Escape then Tab leaves it, both ways",
  async ({ page }) => {
    const before = await source(page);
    await placeCursor(page, 1, 1);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("editor");
    expect(await source(page)).not.toBe(before);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() =>
      document.getElementById("kbd-announce")?.textContent?.includes("按 Tab 离开编辑器"),
    );
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("kbd-mode");
    // Back in, and out the other way: Shift+Tab reaches the control before the editor.
    await placeCursor(page, 1, 1);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).not.toBe("editor");
    expect(await focused(page)).not.toBe("body");
  },
);

pg.test("Ctrl+M switches Tab to moving focus, and says so", async ({ page }) => {
  const before = await source(page);
  await placeCursor(page, 1, 1);
  await page.keyboard.press("Control+m");
  await page.waitForFunction(() =>
    document.getElementById("kbd-announce")?.textContent?.includes("Tab 键现在移动焦点"),
  );
  expect(await page.locator("#kbd-mode").innerText()).toContain("移动焦点");
  await page.keyboard.press("Tab");
  expect(await focused(page)).toBe("kbd-mode");
  expect(await source(page)).toBe(before);
  // The visible switch turns it back.
  await page.keyboard.press("Enter");
  expect(await page.locator("#kbd-mode").innerText()).toContain("插入空格");
  await placeCursor(page, 1, 1);
  await page.keyboard.press("Tab");
  expect(await focused(page)).toBe("editor");
});

pg.test(
  "F6 moves between the toolbar, the outline, the editor and the side panel",
  { context: { viewport: { width: 1440, height: 900 } } },
  async ({ page }) => {
    await placeCursor(page, 1, 1);
    await page.keyboard.press("F6");
    expect(await focused(page)).toBe("tab:try");
    await page.keyboard.press("F6");
    expect(await focused(page)).toBe("btn-import");
    await page.keyboard.press("F6");
    expect(await page.evaluate(() => !!document.activeElement?.closest("#outline"))).toBe(true);
    await page.keyboard.press("F6");
    expect(await focused(page)).toBe("editor");
    await page.keyboard.press("Shift+F6");
    expect(await page.evaluate(() => !!document.activeElement?.closest("#outline"))).toBe(true);
  },
);

pg.test("the side tabs follow the ARIA tabs pattern", async ({ page }) => {
  const tabs = page.locator('[role="tablist"] [role="tab"]');
  // One tab stop: only the selected tab is in the Tab order.
  expect(await tabs.evaluateAll((els) => els.map((e) => (e as HTMLElement).tabIndex))).toEqual([
    0, -1, -1, -1,
  ]);
  await page.locator('[data-tab="try"]').focus();
  await page.keyboard.press("ArrowRight");
  expect(await focused(page)).toBe("tab:cases");
  expect(await page.locator('[data-tab="cases"]').getAttribute("aria-selected")).toBe("true");
  expect(await page.locator("#tab-cases").isVisible()).toBe(true);
  expect(await page.locator("#tab-try").isHidden()).toBe(true);
  await page.keyboard.press("End");
  expect(await focused(page)).toBe("tab:reference");
  await page.keyboard.press("ArrowRight");
  expect(await focused(page)).toBe("tab:try");
  await page.keyboard.press("ArrowLeft");
  expect(await focused(page)).toBe("tab:reference");
  await page.keyboard.press("Home");
  expect(await focused(page)).toBe("tab:try");
  // Each tab names the panel it controls, and the panel is labelled by its tab.
  const pairs = await tabs.evaluateAll((els) =>
    els.map((e) => {
      const panel = document.getElementById(e.getAttribute("aria-controls") ?? "");
      return panel?.getAttribute("aria-labelledby") === e.id && panel.getAttribute("role");
    }),
  );
  expect(pairs).toEqual(["tabpanel", "tabpanel", "tabpanel", "tabpanel"]);
});

pg.test(
  "form controls have labels, and their help text is linked with aria-describedby",
  async ({ page }) => {
    const controls = await page.locator("#tab-try input, #tab-try select").evaluateAll((els) =>
      els.map((e) => {
        const el = e as HTMLInputElement;
        const described = (el.getAttribute("aria-describedby") ?? "")
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => document.getElementById(id));
        return {
          name: el.dataset["field"] ?? el.id,
          labelled: el.labels?.length ? true : !!el.getAttribute("aria-label"),
          help: described.every((d) => d !== null),
          hasHelp: described.some((d) => d?.classList.contains("field-desc")),
        };
      }),
    );
    expect(controls.length).toBeGreaterThan(5);
    expect(controls.filter((c) => !c.labelled)).toEqual([]);
    expect(controls.filter((c) => !c.help)).toEqual([]);
    // The seed's inputs carry descriptions: the field with one names it for screen readers.
    expect(controls.filter((c) => c.hasHelp).length).toBeGreaterThan(0);
  },
);

pg.test(
  "axe-core finds no serious or critical violation on any tab",
  { context: { viewport: { width: 1440, height: 900 } } },
  async ({ page }) => {
    const found: Record<string, string[]> = { try: await seriousViolations(page) };
    for (const tab of ["cases", "versions", "reference"]) {
      await page.click(`[data-tab="${tab}"]`);
      found[tab] = await seriousViolations(page);
    }
    expect(found).toEqual({ try: [], cases: [], versions: [], reference: [] });
  },
);

pg.test(
  "a keyboard-only drafter gets from the first control to the total",
  { context: { viewport: { width: 1440, height: 900 } } },
  async ({ page }) => {
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("btn-import");
    // Through the toolbar and the outline by F6, into the side panel, then Tab into the form.
    // Each press waits until focus has moved (Monaco takes focus asynchronously), as a person would.
    for (let i = 0; i < 6 && (await focused(page)) !== "tab:try"; i++) {
      const before = await focused(page);
      await page.keyboard.press("F6");
      for (let t = 0; t < 20 && (await focused(page)) === before; t++)
        await page.waitForTimeout(50);
    }
    expect(await focused(page)).toBe("tab:try");
    let field = "";
    for (let i = 0; i < 40 && !field.includes("投资"); i++) {
      await page.keyboard.press("Tab");
      field = await focused(page);
    }
    expect(field).toMatch(/^field:.*投资/);
    await andWait(page, () => page.keyboard.type("100万"));
    const total = page.locator("#results [data-total]");
    expect(await total.getAttribute("data-total")).toMatch(/^\d+(\.\d+)?$/);
  },
);
