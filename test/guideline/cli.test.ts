import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli } from "../support/cli.js";

/** Run the CLI and collect what it prints. */
const GUIDE = "policies/jiading-2024-guideline.zc";

describe("the CLI on a guideline (its policy found relative to it)", () => {
  it("test runs the guideline's cases", async () => {
    const r = await cli("test", GUIDE);
    expect(r.out).toContain("14/14 个案例通过");
    expect(r.code).toBe(0);
  });
  it("check reports no problems", async () => {
    const r = await cli("check", "policies");
    expect(r.out).toContain("检查了 2 个文件：0 个错误");
  });
  it("eval honours the window", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-"));
    const app = join(dir, "app.json");
    writeFileSync(
      app,
      JSON.stringify({
        注册地在本区: true,
        法人企业: true,
        经营状态正常: true,
        信用记录良好: true,
      }),
    );
    const r = await cli("eval", GUIDE, "--input", app, "--date", "2024-05-02");
    expect(r.out).toContain("不在申报期内：申报期为2024年3月15日至2024年4月30日");
  });
  it("doc renders the 申报指南 and fmt --check passes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-"));
    const out = join(dir, "guide.html");
    expect((await cli("doc", GUIDE, "--format", "html", "--out", out)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("一、申报时间");
    const fmt = await cli("fmt", "--check", "policies");
    expect(fmt.out).toContain("0 个需要格式化，0 个无法格式化");
    expect(fmt.code).toBe(0);
  });
  it("a guideline that raises a cap fails check with the guideline's line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-"));
    writeFileSync(join(dir, "p.zc"), readFileSync("policies/jiading-2021-industrial-internet.zc"));
    const g = join(dir, "g.zc");
    writeFileSync(g, "申报指南 测试\n  基于 “p.zc”\n\n第1条\n  上限 300万\n");
    const r = await cli("check", g);
    expect(r.out).toContain(
      "g.zc:5:3: 错误[E402] 申报指南不得提高第1条的上限：政策为 200万，指南为 300万",
    );
    expect(r.code).toBe(1);
    writeFileSync(g, "申报指南 测试\n  基于 “不存在的政策”\n");
    expect((await cli("check", g)).out).toContain("找不到所依据的政策“不存在的政策”");
  });
});
