/**
 * The playground's navigation comes from the shared language services (language/navigation.ts),
 * as in `zhengce lsp`: 期望 第1条 in a case leads to 第1条.
 */
import { placeCursor, usePlayground } from "./harness.js";

const pg = usePlayground();

interface Handle {
  zhengce: {
    editor: {
      getPosition(): { lineNumber: number };
      trigger(s: string, id: string, a: unknown): void;
    };
    model: { getValue(): string; getPositionAt(o: number): { lineNumber: number; column: number } };
  };
}

const positionOf = async (page: import("playwright-core").Page, needle: string, skip = 0) =>
  page.evaluate(
    ([n, k]) => {
      const zc = (window as unknown as Handle).zhengce;
      const text = zc.model.getValue();
      return zc.model.getPositionAt(text.indexOf(n as string) + (k as number));
    },
    [needle, skip] as const,
  );

pg.test("go to definition on 期望 第1条 in a case jumps to the clause", async ({ page }) => {
  const at = await positionOf(page, "期望 第1条", 4);
  await placeCursor(page, at.lineNumber, at.column);
  await page.evaluate(() =>
    (window as unknown as Handle).zhengce.editor.trigger(
      "t",
      "editor.action.revealDefinition",
      null,
    ),
  );
  const clause = await positionOf(page, "第1条 支持企业");
  await page.waitForFunction(
    (l) => (window as unknown as Handle).zhengce.editor.getPosition().lineNumber === l,
    clause.lineNumber,
  );
});
