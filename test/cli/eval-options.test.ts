/**
 * `zhengce eval` manners (issue 11 §1, §4): options from files or an envelope, each checked; the
 * date used is stated; 待定 parameters give exit 3; invalid JSON is reported in Chinese with line
 * and column on standard error while --json output stays JSON; per-command --help.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli } from "../support/cli.js";
import { SEED_ELIGIBLE as OK, SEED_EVENT as EVENT, SEED_FILE as SEED } from "../support/seed.js";

const dir = mkdtempSync(join(tmpdir(), "zc-eval-"));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return path;
};

const LEDGER = [
  { applicant: "上海某科技有限公司", clause: "第9条", amount: "60万", date: "2024-01-15" },
];

describe("zhengce eval options", () => {
  it("--ledger, --approved and --params files are read and applied", async () => {
    const app = file("event.json", { ...EVENT, 申报日期: "2024-03-01" });
    const r = await cli(
      "eval",
      SEED,
      "--input",
      app,
      "--ledger",
      file("ledger.json", LEDGER),
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe("400000");
    const trained = file("trained.json", {
      ...OK,
      申报日期: "2023-01-01",
      获冠名人才实训基地: true,
    });
    const a = await cli(
      "eval",
      SEED,
      "--input",
      trained,
      "--approved",
      file("ap.json", { 第10条: "80万" }),
      "--json",
    );
    expect(JSON.parse(a.stdout).total).toBe("800000");
  });
  it("an envelope file carries the options, as the service accepts them", async () => {
    const env = file("envelope.json", { application: EVENT, date: "2024-03-01", ledger: LEDGER });
    const r = await cli("eval", SEED, "--input", env, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe("400000");
    const twice = await cli("eval", SEED, "--input", env, "--date", "2024-03-01");
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("--date 与输入文件中的“date”重复");
  });
  it("a bad ledger entry is refused with its field", async () => {
    const bad = [{ ...LEDGER[0], amount: "-60万", date: "2024/01/15" }];
    const app = file("event2.json", { ...EVENT, 申报日期: "2024-03-01" });
    const r = await cli("eval", SEED, "--input", app, "--ledger", file("bad-ledger.json", bad));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("ledger[0].amount");
    expect(r.stdout).toContain("ledger[0].date");
  });
  it("--date disagreeing with 申报日期 is an error", async () => {
    const app = file("dated.json", { ...OK, 申报日期: "2023-05-01" });
    const r = await cli("eval", SEED, "--input", app, "--date", "2023-06-01");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("不一致");
  });
  it("says which date was used, first when the result is 0 only because of it", async () => {
    const r = await cli(
      "eval",
      SEED,
      "--input",
      file("undated.json", { ...OK, 获智能工厂授牌: true, 项目实际投资: "100万" }),
    );
    expect(r.stdout).toContain("未给出申报日期，按今天·中国时间");
    // The seed expires on 2025-12-31, so today the policy is out of force: said before the rest.
    const lines = r.stdout.split("\n");
    const first = lines.findIndex((l) => l.includes("✗"));
    expect(lines[first]).toContain("未给出申报日期，按今天（中国时间）");
    expect(lines[first]).toContain("只因这一日期");
  });
  it("a clause with a 待定 parameter exits 3, the result still printed", async () => {
    const app = file("service.json", {
      ...OK,
      申报日期: "2023-01-01",
      工业互联网服务商: true,
      服务区内企业数量: 12,
      实际发生服务金额: "200万",
    });
    const r = await cli("eval", SEED, "--input", app);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("第7条 支持工业互联网服务商发展：无法计算");
    expect(r.stderr).toContain("1 条无法计算");
    const set = await cli(
      "eval",
      SEED,
      "--input",
      app,
      "--params",
      file("p.json", { 服务企业数量要求: 10 }),
    );
    expect(set.code).toBe(0);
  });
  it("invalid JSON: Chinese, line and column, on standard error; --json output stays JSON", async () => {
    const broken = file("broken.json", '{\n  "注册地在本区": true,\n  "法人企业": true,\n}\n');
    const r = await cli("eval", SEED, "--input", broken);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("不是有效的 JSON：第 4 行第 1 列：最后一项后面多了逗号");
    expect(r.stderr).not.toMatch(/Unexpected|Expected|position/);
    const j = await cli("eval", SEED, "--input", broken, "--json");
    const body = JSON.parse(j.stdout);
    expect(body.ok).toBe(false);
    expect(body.errors[0].message).toContain("第 4 行第 1 列");
    expect(j.stderr).toContain("第 4 行第 1 列");
  });
  it("every command answers --help with its own usage, without running", async () => {
    for (const cmd of [
      "test",
      "eval",
      "check",
      "compile",
      "diff",
      "doc",
      "schema",
      "serve",
      "fmt",
    ]) {
      const r = await cli(cmd, "--help");
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(new RegExp(`^用法：zhengce ${cmd}`));
    }
    expect((await cli("eval", "--help")).stdout).toContain("--ledger");
  });
});
