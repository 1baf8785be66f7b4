/** The budget's exact integer-分 sums (review/fen.ts): parsing, printing, overflow, finer amounts. */
import { describe, expect, it } from "vitest";
import { fenOf, fenText, FenSum } from "../../review/fen.js";
import { Dec } from "../../runtime/index.js";

describe("integer 分", () => {
  it("reads plain decimal strings of 元 as 分, and refuses anything it cannot hold exactly", () => {
    expect([fenOf("0"), fenOf("12"), fenOf("12.3"), fenOf("12.34"), fenOf("-0.05")]).toEqual([
      0, 1200, 1230, 1234, -5,
    ]);
    for (const bad of ["12.345", "1e5", "", ".5", "5.", "1.2.3", "abc", "99999999999999.99"])
      expect(fenOf(bad), bad).toBeNaN();
    expect(fenOf("9999999999999.99")).toBe(999999999999999);
  });

  it("prints 分 as decimal.js prints 元", () => {
    for (const x of ["0", "1", "0.5", "0.05", "-0.05", "123456789.1", "-70", "90071992547409.93"])
      expect(fenText(BigInt(new Dec(x).mul(100).toFixed()))).toBe(new Dec(x).toString());
  });

  it("sums past 2^53 分 without losing a digit, and keeps amounts finer than the 分", () => {
    const s = new FenSum();
    let ref = new Dec(0);
    for (let i = 0; i < 40; i++) {
      s.add(Number.MAX_SAFE_INTEGER - i);
      ref = ref.plus(new Dec(Number.MAX_SAFE_INTEGER - i).div(100));
    }
    s.add(-3);
    s.addText("0.001");
    s.addText("12.5");
    ref = ref.minus("0.03").plus("0.001").plus("12.5");
    expect(s.text()).toBe(ref.toString());
    expect(new FenSum().text()).toBe("0");
  });
});
