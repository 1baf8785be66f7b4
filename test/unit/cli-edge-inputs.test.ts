/**
 * Small edges of hostile input: `compile --out` naming a file, `FILE@A..B` as a revision, and dates
 * with years below 100 (which Date.UTC silently moves to the 1900s) each get a Chinese message.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCli as cli } from "../support/cli.js";
import { compile } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/define.js";
import { parseDate } from "../../runtime/validate.js";

const SEED = "policies/jiading-2021-industrial-internet.zc";
const tmp = mkdtempSync(join(tmpdir(), "zc-edge-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("compile --out an existing file is a Chinese error, and the file is untouched", async () => {
  const file = join(tmp, "out.txt");
  writeFileSync(file, "keep");
  const r = await cli("compile", SEED, "--out", file);
  expect(r.code).toBe(2);
  expect(r.out).toContain("是一个文件");
  expect(r.out).not.toContain("内部错误");
  expect(readFileSync(file, "utf8")).toBe("keep");
});

it("FILE@A..B is refused as a revision", async () => {
  for (const rev of ["HEAD~1..HEAD", "HEAD...HEAD~1", "HEAD:other.zc"]) {
    const r = await cli("diff", `${SEED}@${rev}`, SEED);
    expect(r.code, rev).toBe(2);
    expect(r.out, rev).toContain("不能是范围或路径");
  }
});

it("years below 1900 are refused, not moved to the 1900s", () => {
  for (const d of ["0050-01-01", "0099年1月1日", "0001-1-1", "1899-12-31"]) {
    const r = parseDate(d);
    expect(r.ok, d).toBe(false);
  }
  expect(parseDate("0050年3月1日")).toMatchObject({
    ok: false,
    message: expect.stringContaining("年份"),
  });
  expect(parseDate("1900-01-01")).toEqual({ ok: true, value: "1900-01-01" });
  const policy = loadPolicy(compile(readFileSync(SEED, "utf8"), { emit: ["js"] }).js!);
  const ev = policy.evaluate({ 申报日期: "0050-03-01" });
  expect(ev.ok).toBe(false);
  if (!ev.ok) expect(ev.errors.map((e) => e.field)).toContain("申报日期");
});
