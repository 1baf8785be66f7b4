/**
 * The playground's result says which date it used when none was given, and that the result is
 * incomplete (待定) when a clause could not be computed (issue 11 §1).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { dateNote, incompleteNote } from "../../playground/src/ui/result-notes.js";
import { loadPolicy } from "../../runtime/index.js";

const seed = loadPolicy(
  compile(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).js!,
);
const OK = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };
const result = (app: Record<string, unknown>) => {
  const ev = seed.evaluate(app);
  if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
  return ev.result;
};

describe("result notes", () => {
  it("no date given: the note says today (China time) was used", () => {
    const r = result(OK);
    expect(r.dateFrom).toBe("today");
    expect(dateNote(r)).toBe(`申报日期：${r.date}（未填写申报日期，按今天（中国时间）计算）`);
  });

  it("a date in the application: no note", () => {
    expect(dateNote(result({ ...OK, 申报日期: "2022-03-01" }))).toBe("申报日期：2022-03-01");
  });

  it("a clause with a 待定 parameter makes the result incomplete, naming it", () => {
    const r = result({
      ...OK,
      申报日期: "2022-03-01",
      工业互联网服务商: true,
      服务区内企业数量: 10,
      实际发生服务金额: "100万",
    });
    const note = incompleteNote(r);
    expect(note).toMatch(/^结果不完整（待定）：第7条（.*服务企业数量要求.*）无法计算/);
    expect(incompleteNote(result({ ...OK, 申报日期: "2022-03-01" }))).toBeNull();
  });
});
