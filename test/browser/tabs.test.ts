/**
 * Two tabs editing the same draft: each warns in Chinese, and neither text is lost (the other
 * tab's text is kept as a version).
 */
import { expect, inject } from "vitest";
import { type OpenPage, openPlayground, placeCursor, source, usePlayground } from "./harness.js";

const pg = usePlayground();

interface Stored {
  draft: string | null;
  versions: { name: string; source: string }[];
}

pg.test(
  "a second tab on the same draft is warned about, and both texts are kept",
  async (first) => {
    const second = await openPlayground(first.context, inject("baseUrl"));
    const warning = (p: OpenPage) => p.page.locator("#tab-warning");
    await warning(first).waitFor();
    await warning(second).waitFor();
    expect(await warning(first).innerText()).toContain("另一个标签页中打开");

    await placeCursor(second.page, 1, 1);
    await second.page.keyboard.insertText("# 第二个标签页的修改\n");
    await first.page.waitForFunction(() =>
      document.getElementById("tab-warning-text")?.textContent?.includes("修改了同一份草稿"),
    );
    await placeCursor(first.page, 1, 1);
    await first.page.keyboard.insertText("# 第一个标签页的修改\n");
    const mine = await source(first.page);
    const theirs = await source(second.page);
    expect(mine).not.toBe(theirs);
    const stored = await first.page.evaluate((): Stored => ({
      draft: localStorage.getItem("zhengce.draft"),
      versions: JSON.parse(localStorage.getItem("zhengce.versions") ?? "[]") as Stored["versions"],
    }));
    // The last tab to type owns the draft; the other's text is a version.
    expect(stored.draft).toBe(mine);
    // (Both tabs keep the other's text; the one holding the second tab's text is checked.)
    const backup = stored.versions.find(
      (v) => v.name.startsWith("另一标签页的草稿") && v.source === theirs,
    );
    expect(backup?.source).toBe(theirs);
    // Backups are named for the tab they came from (by when it was opened).
    expect(backup?.name).toMatch(/^另一标签页的草稿（\d{1,2}:\d{2}:\d{2} 打开的标签页，自动备份 /);
    // The second tab can take the first tab's text; its own is kept as a version first.
    await second.page.waitForFunction(() => !document.getElementById("btn-take-other")?.hidden);
    await second.page.click("#btn-take-other");
    expect(await source(second.page)).toBe(mine);
    const after = await second.page.evaluate(
      () => JSON.parse(localStorage.getItem("zhengce.versions") ?? "[]") as Stored["versions"],
    );
    expect(
      after.some(
        (v) =>
          /^本标签页的草稿（\d{1,2}:\d{2}:\d{2} 打开的标签页，/.test(v.name) && v.source === theirs,
      ),
    ).toBe(true);
    expect(second.errors).toEqual([]);
  },
);
