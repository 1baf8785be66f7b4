/**
 * Malformed evaluation options for fuzzing (issue 11): one broken ledger entry, approved amount,
 * parameter or date, with the option field the error must name.
 */
import { int, pick } from "../support/random.js";
import type { EvaluateOptions } from "../../runtime/index.js";

type R = () => number;

const BAD_MONEY = [
  "-60万",
  "-1",
  -5,
  "abc",
  "",
  null,
  true,
  {},
  [],
  "1e400",
  "60万万",
  NaN,
  "１２ab",
];
const BAD_DATES = [
  "2024/01/15",
  "2024-13-01",
  "2024-02-30",
  "15/01/2024",
  "",
  null,
  20240115,
  "明天",
];
const BAD_CLAUSES = ["第99条", 99, "9条款", "", null, 9.5, "第九条", {}, -1];
const GOOD_ENTRY = { applicant: "甲公司", clause: 9, amount: "10万", date: "2022-01-02" };

/** Options with exactly one broken part, and the field prefix its errors must carry. */
export function malformedOptions(
  r: R,
  base: EvaluateOptions,
): { options: EvaluateOptions; field: string } {
  const what = int(r, 0, 5);
  const options: Record<string, unknown> = { ...base };
  if (what === 0) {
    const i = int(r, 0, 3);
    const entry: Record<string, unknown> = { ...GOOD_ENTRY };
    const key = pick(r, ["amount", "date", "clause", "applicant", "missing", "extra"]);
    if (key === "amount") entry.amount = pick(r, BAD_MONEY);
    else if (key === "date") entry.date = pick(r, BAD_DATES);
    else if (key === "clause") entry.clause = pick(r, BAD_CLAUSES);
    else if (key === "applicant") entry.applicant = pick(r, ["", 5, null, " ", "x".repeat(300)]);
    else if (key === "missing") delete entry[pick(r, ["amount", "date", "clause", "applicant"])];
    else entry[pick(r, ["金额", "amout", "__proto__x"])] = 1;
    const ledger = Array.from({ length: i }, () => GOOD_ENTRY);
    ledger.push(entry as typeof GOOD_ENTRY);
    options.ledger = ledger;
    return { options, field: `ledger[${i}]` };
  }
  if (what === 1) {
    options.ledger = pick(r, ["x", 5, {}, null, true]);
    return { options, field: "ledger" };
  }
  if (what === 2) {
    const bad = r() < 0.5;
    options.approved = bad
      ? { [pick(r, ["第10条", "10", "12"])]: pick(r, BAD_MONEY) }
      : { [pick(r, ["第99条", "十", "10a", "", "第10.5条"])]: "10万" };
    return { options, field: "approved" };
  }
  if (what === 3) {
    options.params = pick(r, [
      { 服务企业数量要求: pick(r, ["abc", -1, "10.5家", null, {}, "10个"]) },
      { 不存在的参数: 1 },
    ]);
    return { options, field: "参数" };
  }
  if (what === 4) {
    options.date = pick(r, BAD_DATES);
    return { options, field: "date" };
  }
  options.approved = pick(r, [[], "80万", 5, null]);
  return { options, field: "approved" };
}
