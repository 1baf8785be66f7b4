import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { draftSource, seedSource } from "./variants.js";

const dir = mkdtempSync(join(tmpdir(), "zhengce-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli("diff", ...args);

describe("zhengce diff", () => {
  it("compares a file with its git revision (FILE@REV) and prints the change list, cases, ranges and budget", async () => {
    const file = join(dir, "policy.zc");
    const git = (...a: string[]) =>
      execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", ...a]);
    git("init", "-q");
    writeFileSync(file, seedSource());
    git("add", "policy.zc");
    git("commit", "-q", "-m", "seed");
    writeFileSync(file, draftSource());
    const { code, out: text } = await cli(
      `${file}@HEAD`,
      file,
      "--population",
      "300",
      "--seed",
      "3",
    );
    expect(code).toBe(0);
    for (const line of [
      "第5条 市级上限 500万元 → 800万元",
      "第1条 比例 30% → 25%",
      "第7条 新增条件：实际发生服务金额 不少于 50万",
      "新增第13条 支持工业互联网安全防护（定额 50万元）",
      "有效期 延长至 2027年12月31日",
      "案例“第1条 未达上限”：合计 150万元 → 125万元（-25万元）",
      "项目已投入金额 约1666.67万元（16,666,666.69元） 及以上：新版更高",
      "预算影响：合成申报 300 份（种子 3）",
    ])
      expect(text).toContain(line);
    expect(text).not.toContain("验证不符");
  });

  it("prints JSON for CI: one entry per change with clause, kind, before, after and spans", async () => {
    const a = join(dir, "a.zc");
    const b = join(dir, "b.zc");
    const apps = join(dir, "apps.json");
    writeFileSync(a, seedSource());
    writeFileSync(b, draftSource());
    writeFileSync(
      apps,
      JSON.stringify([
        {
          注册地在本区: true,
          法人企业: true,
          经营状态正常: true,
          信用记录良好: true,
          认定为标杆示范项目: true,
          项目级别: "市级",
          项目已投入金额: "3000万",
          申报日期: "2022-03-01",
        },
      ]),
    );
    const { code, out: text } = await cli(a, b, "--json", "--cases", apps, "--slices", "0");
    expect(code).toBe(0);
    const report = JSON.parse(text);
    const cap = report.changes.find((c: { kind: string }) => c.kind === "cap");
    expect(cap).toMatchObject({ clause: "第5条", before: "500万元", after: "800万元" });
    expect(cap.oldSpan.line).toBeGreaterThan(0);
    expect(cap.newSpan.line).toBeGreaterThan(0);
    const app = report.impact.changed.find((c: { label: string }) => c.label === "申报 1");
    expect(app).toMatchObject({ totalBefore: "5000000", totalAfter: "8000000" });
  });

  it("explains bad arguments and unknown revisions in Chinese", async () => {
    expect((await cli()).out).toContain("用法：zhengce diff");
    const r = await cli(`${join(dir, "policy.zc")}@no-such-rev`, join(dir, "policy.zc"));
    expect(r.code).toBe(2);
    expect(r.out).toContain("无法读取");
  });

  it("--exit-code gives 1 when a rule changed and 0 when only comments did", async () => {
    const a = join(dir, "a.zc");
    const b = join(dir, "b.zc");
    const c = join(dir, "c.zc");
    writeFileSync(a, seedSource());
    writeFileSync(b, draftSource());
    writeFileSync(c, seedSource().replace("# 每条注明原文", "# 每一条都注明原文"));
    expect((await cli(a, b, "--exit-code")).code).toBe(1);
    expect((await cli(a, c, "--exit-code")).code).toBe(0);
    expect((await cli(a, b)).code).toBe(0);
  });
});
