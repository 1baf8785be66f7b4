/**
 * The compiler worker's watchdog (issue 12): a share link whose text compiles too slowly stops
 * the worker at the limit, the editor says so in Chinese (status line, E034 in the markers), a new
 * worker answers for the next text, and the link's text is not kept as the draft, so that a reload
 * opens the drafter's own draft instead of stalling again.
 *
 * Before: the link's text was saved as the draft at once and the worker compiled it as long as it
 * took (33 s for a 268-character link, and again on every reload).
 */
import { deflateRawSync } from "node:zlib";
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import {
  markers,
  openPlayground,
  setSource,
  source,
  usePlayground,
  waitForAnalysis,
  watch,
} from "./harness.js";

const pg = usePlayground();

const shareHash = (text: string) =>
  "#s=" + deflateRawSync(Buffer.from(text, "utf8")).toString("base64url");

/** A policy of one 分档 with `rows` rows: a second or more to compile, under 1,000,000 characters. */
function largeTable(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(`  ${i + 1}万以上 不满 ${i + 2}万：${(i % 90) + 1}万`);
  return `政策 大分档\n申报信息\n  营业收入 金额\n\n第1条 规模奖励\n  奖励 定额 分档 营业收入：\n${lines.join("\n")}\n`;
}

const draft = (page: Page) => page.evaluate(() => localStorage.getItem("zhengce.draft"));

pg.test(
  "a share link that stalls the compiler: the watchdog restarts it, and the draft stays the drafter's",
  async ({ page, context }) => {
    const base = inject("baseUrl");
    const mine = (await source(page)) + "\n# 我自己的草稿\n";
    await setSource(page, mine);
    expect(await draft(page)).toBe(mine);
    const slow = largeTable(40_000);
    expect(slow.length).toBeLessThan(1_000_000);

    const stalled = await context.newPage();
    const stalledErrors = watch(stalled);
    await stalled.goto(`${base}?compile-timeout=1500${shareHash(slow)}`);
    await stalled.waitForFunction(() => Number(document.body.dataset["watchdog"] ?? 0) >= 1, null, {
      timeout: 60_000,
    });
    expect(await source(stalled)).toBe(slow);
    const status = await stalled.textContent("#status");
    expect(status).toMatch(/编译超时（超过 1.5 秒），编译线程已重新启动/);
    const ms = await markers(stalled);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ code: "E034", startLineNumber: 1, startColumn: 1 });
    expect(ms[0]!.message).toMatch(/^编译超过 1.5 秒仍未完成，已停止：编译线程已重新启动/);
    // the link's text did not become the draft
    expect(await draft(stalled)).toBe(mine);
    // a reload opens the drafter's draft, not the link's text
    const again = await openPlayground(context, base);
    expect(await source(again.page)).toBe(mine);
    await again.page.close();
    // the new worker answers for the next text, which then becomes the draft
    const after = Number(await stalled.evaluate(() => document.body.dataset["analysis"] ?? 0));
    const small = "政策 小\n申报信息\n  营业收入 金额\n\n第1条 奖励\n  奖励 定额 1万\n";
    await setSource(stalled, small);
    await waitForAnalysis(stalled, after);
    expect((await markers(stalled)).map((m) => m.code)).not.toContain("E034");
    expect(await draft(stalled)).toBe(small);
    expect([...stalledErrors, ...again.errors]).toEqual([]);
    await stalled.close();
  },
);

const SHARED = "政策 分享的政策\n申报信息\n  营业收入 金额\n\n第1条 奖励\n  奖励 定额 2万\n";

pg.test(
  "a share link that compiles becomes the draft once it has compiled",
  { url: shareHash(SHARED) },
  async ({ page }) => {
    expect(await source(page)).toBe(SHARED);
    await page.waitForFunction((t) => localStorage.getItem("zhengce.draft") === t, SHARED);
    expect(await page.evaluate(() => document.body.dataset["watchdog"])).toBeUndefined();
  },
);
