/**
 * Implausible values in the editor (issue 14): 资助 比例 130% gets a Chinese warning marker on the
 * figure and a line in the problems list; correcting it to 30% clears it.
 */
import { expect } from "vitest";
import { markers, setSource, source, usePlayground } from "./harness.js";

const pg = usePlayground();

const WARNING = 4; // monaco.MarkerSeverity.Warning

pg.test(
  "a ratio above 100% is a warning marker on the figure, and the problems list says so",
  async ({ page }) => {
    const seed = await source(page);
    const line = seed.split("\n").findIndex((l) => /^\s*资助 比例 30% 基数 项目实际投资/.test(l));
    expect(line).toBeGreaterThanOrEqual(0);
    const lines = seed.split("\n");
    lines[line] = lines[line]!.replace("30%", "130%");
    await setSource(page, lines.join("\n"));
    const warned = (await markers(page)).filter((m) => m.code === "W430");
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({
      severity: WARNING,
      startLineNumber: line + 1,
      startColumn: lines[line]!.indexOf("130%") + 1,
      endColumn: lines[line]!.indexOf("130%") + 5,
    });
    expect(warned[0]!.message).toContain("超过 100%");
    const problem = page.locator("#problems .problem.warning", { hasText: "130%" });
    expect(await problem.innerText()).toContain(`第${line + 1}行`);
    // Still a policy that runs: it is a warning, not an error.
    expect((await markers(page)).filter((m) => m.severity === 8)).toEqual([]);

    lines[line] = lines[line]!.replace("130%", "30%");
    await setSource(page, lines.join("\n"));
    expect((await markers(page)).filter((m) => m.code === "W430")).toEqual([]);
  },
);
