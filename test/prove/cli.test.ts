/**
 * `zhengce diff --prove` on the command line, and the default diff saying it proved nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { cosmeticSource, edit, seedSource } from "../diff/variants.js";

const dir = mkdtempSync(join(tmpdir(), "zhengce-prove-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli("diff", ...args);

describe("zhengce diff --prove", () => {
  const a = join(dir, "a.zc");
  const b = join(dir, "b.zc");
  writeFileSync(a, seedSource());
  writeFileSync(
    b,
    edit(
      cosmeticSource(),
      "条件 经营状态正常 并且 信用记录良好",
      "条件 信用记录良好 并且 经营状态正常",
    ),
  );

  it("without --prove says that nothing was proven", async () => {
    const { code, out: text } = await cli(a, b);
    expect(code).toBe(0);
    expect(text).toContain("未作证明；用 --prove 求证");
    expect(text).not.toContain("证明（Z3");
  });

  it("with --prove proves every clause and the total unchanged, in text and JSON", async () => {
    const { code, out: text } = await cli(a, b, "--prove");
    expect(code).toBe(0);
    expect(text).toContain("证明（Z3 求解器");
    expect(text).toContain("第5条：已证明：任何申报金额不变");
    expect(text).toContain("合计：已证明：任何申报金额不变");
    const json = await cli(a, b, "--prove", "--json");
    const proof = JSON.parse(json.out).proof;
    expect(proof.ok).toBe(true);
    expect(proof.targets.every((t: { status: string }) => t.status === "proven")).toBe(true);
  });
});
