/**
 * Issue 12: the 分档 overlap check compared every pair of rows (20,000 rows took over 100 s to
 * compile). It now sorts the rows once and sweeps. The sweep must find an overlap exactly when
 * some number belongs to two rows: checked here against brute force over random small tables, and
 * at scale with one overlap and one gap planted among 20,000 rows.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { int, pick, rng } from "../support/random.js";

const HEAD = "政策 分档\n申报信息\n  营业收入 数量\n第1条 规模奖励\n  奖励 计算 分档 营业收入：\n";

interface Row {
  lo?: { v: number; inc: boolean };
  hi?: { v: number; inc: boolean };
}

const text = (r: Row, k: number) => {
  const lo = r.lo ? `${r.lo.inc ? "不低于" : "超过"} ${r.lo.v}` : "";
  const hi = r.hi ? `${r.hi.inc ? "不超过" : "不满"} ${r.hi.v}` : "";
  return `    ${lo ? `${lo} ${hi}` : hi}：${k + 1}`;
};

const contains = (r: Row, x: number) =>
  (!r.lo || (r.lo.inc ? x >= r.lo.v : x > r.lo.v)) &&
  (!r.hi || (r.hi.inc ? x <= r.hi.v : x < r.hi.v));

const empty = (r: Row) => !!r.lo && !!r.hi && ![...points()].some((x) => contains(r, x));

/** Integers and halves from -2 to 12: every region of bounds in 0..10 has one of them. */
function* points(): Generator<number> {
  for (let x = -4; x <= 24; x++) yield x / 2;
}

describe("分档 overlaps, sorted once", () => {
  it("random tables: E209 exactly when a number lies in two non-empty rows", () => {
    const r = rng(12);
    let overlapping = 0;
    for (let t = 0; t < 400; t++) {
      const rows: Row[] = [];
      for (let k = int(r, 1, 6); k > 0; k--) {
        const bound = () => ({ v: int(r, 0, 10), inc: r() < 0.5 });
        const shape = pick(r, ["both", "both", "lo", "hi"] as const);
        rows.push(
          shape === "both"
            ? { lo: bound(), hi: bound() }
            : shape === "lo"
              ? { lo: bound() }
              : { hi: bound() },
        );
      }
      const live = rows.filter((row) => !empty(row));
      const expected = [...points()].some((x) => live.filter((row) => contains(row, x)).length > 1);
      if (expected) overlapping++;
      const src = HEAD + rows.map(text).join("\n") + "\n";
      const codes = compile(src).diagnostics.map((d) => d.code);
      expect(codes.includes("E209"), src).toBe(expected);
    }
    expect(overlapping).toBeGreaterThan(50);
  });

  it("20,000 rows with one overlap and one gap planted: one E209, one E210, linear time", () => {
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const lo = `${i}万以上`;
      const hi =
        i === 7_000 ? `${i + 1}万以下` : i === 13_000 ? `不满 ${i + 0.5}万` : `不满 ${i + 1}万`;
      rows.push(`    ${lo} ${hi}：${(i % 90) + 1}万`);
    }
    const src = `${HEAD.replace("数量", "金额")}${rows.join("\n")}\n`;
    const t = process.cpuUsage();
    const r = compile(src, { emit: [] });
    const cpu = process.cpuUsage(t);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === "E209")).toHaveLength(1);
    expect(codes.filter((c) => c === "E210")).toHaveLength(1);
    const overlap = r.diagnostics.find((d) => d.code === "E209")!;
    expect(overlap.message).toContain("7001万元");
    expect(overlap.span.line).toBe(HEAD.split("\n").length + 7_001); // at the later row
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(3000);
  });
});
