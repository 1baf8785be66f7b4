/**
 * Large and deep policy texts for the compiler's work bound (issue 12): long declared names, long
 * free text, deep nesting, large 分档 tables and huge clause numbers. Each must compile (or fail
 * with diagnostics) within the fuzz time limit, linear or n log n in its size.
 */

const HEAD = "政策 规模测试政策\n  有效期 2023年1月1日 至 2025年12月31日\n\n申报信息\n";

/** Names of `len` characters that differ only at the end, used over and over in free text. */
export function longNames(len: number, count = 4): string {
  const base = "甲".repeat(len);
  const names = Array.from({ length: count }, (_, i) => `${base}${"乙丙丁戊己庚辛壬"[i % 8]}`);
  const uses = names.map(
    (n, i) => `第${i + 1}条 资助${i + 1}\n  条件 ${n} 超过 0\n  资助 定额 1万\n`,
  );
  return `${HEAD}${names.map((n) => `  ${n} 金额 默认 0`).join("\n")}\n\n${uses.join("\n")}`;
}

/** A declared long name and `chars` of free text made of its prefix (the worst case for matching). */
export function longFreeText(nameLen: number, chars: number): string {
  const name = "项".repeat(nameLen) + "额";
  const text = "项".repeat(chars);
  return `${HEAD}  ${name} 金额 默认 0\n\n第1条 资助\n  原文 “${text}”\n  条件 ${text} 超过 0\n  资助 定额 1万\n`;
}

/** `depth` nested brackets in a condition. */
export function deepNesting(depth: number, open = "（", close = "）"): string {
  const expr = `${open.repeat(depth)}投资${close.repeat(depth)}`;
  return `${HEAD}  投资 金额 默认 0\n\n第1条 资助\n  条件 ${expr} 超过 0\n  资助 定额 1万\n`;
}

/** A 分档 with `rows` rows (ascending, half-open). */
export function largeTable(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++)
    lines.push(`    ${i + 1}万以上 不满 ${i + 2}万：${(i % 90) + 1}万`);
  return `${HEAD}  营业收入 金额\n\n第1条 规模奖励\n  奖励 定额 分档 营业收入：\n${lines.join("\n")}\n`;
}

/** A clause whose number has `digits` digits. */
export function hugeClauseNumber(digits: number): string {
  return `${HEAD}  投资 金额 默认 0\n\n第1${"0".repeat(digits - 1)}条 资助\n  资助 定额 1万\n`;
}
