/**
 * Random policies for formatter tests: valid syntax, messy layout (indentation, blank lines,
 * half-width punctuation, alternative keyword spellings) and comments in every kind of place.
 */

import { rng } from "../support/random.js";

const MONEY = ["项目投资", "服务金额", "审计费用", "设备投入"];
const BOOLS = ["认定企业", "首次申报", "已经备案"];
const COUNT = "服务家数";
const LEVEL = "项目层级";
const LEVELS = ["区级", "市级", "国家级"];

/** One random policy source, with the comments it contains. */
export function randomPolicy(seed: number): { source: string; comments: string[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const comments: string[] = [];
  const comment = () => {
    const c = `# 注释${comments.length + 1}${pick(["", "：解读", " 原文未说清"])}`;
    comments.push(c);
    return c;
  };
  const ws = () => pick(["", " ", "  ", "    ", "\t"]);
  const sp = () => pick([" ", "  ", " "]);
  const colon = () => pick(["：", ":"]);
  const comma = () => pick(["，", ","]);
  const money = () => pick(["20万", "100万", "1.5亿", "3000元", "200万元", "1,000,000元"]);
  const lines: string[] = [];
  const push = (line: string) => {
    if (chance(0.15)) lines.push(`${ws()}${comment()}`);
    if (chance(0.1)) lines.push("");
    lines.push(chance(0.15) ? `${line}${sp()}${comment()}` : line);
  };

  const cmp = (): string => {
    switch (Math.floor(r() * 5)) {
      case 0:
        return `${pick(MONEY)} ${pick(["超过", "不低于", "大于", "不超过", ">="])} ${money()}`;
      case 1:
        return `${LEVEL} ${pick(["属于", "不属于"])} ${pick(LEVELS)}、${pick(LEVELS)}`;
      case 2:
        return `${COUNT} ${pick(["不少于", "达到"])} ${Math.floor(r() * 30)}家`;
      case 3:
        return `${pick(["并非 ", ""])}${pick(BOOLS)}`;
      default:
        return `（${pick(BOOLS)} ${pick(["或者", "或"])} ${pick(BOOLS)}）`;
    }
  };
  const cond = (): string => {
    let e = cmp();
    const n = Math.floor(r() * 4);
    for (let i = 0; i < n; i++) e += ` ${pick(["并且", "且", "或者"])} ${cmp()}`;
    return e;
  };
  const table = () =>
    `按 ${LEVEL}${colon()}${LEVELS.map((l) => `${l} ${money()}`).join(comma())}${chance(0.3) ? `${comma()}其他 ${money()}` : ""}`;
  const brackets = () =>
    `分档 ${pick(MONEY)}${colon()}${money()}以上 不满${money()}${colon()}${money()}；${money()}以上${colon()}${money()}`;
  const amount = (): string =>
    pick([
      money(),
      table(),
      brackets(),
      `${pick(MONEY)} × 30%`,
      `如果 ${cmp()} 则 ${money()} 否则 ${money()}`,
      `就低（${pick(MONEY)}，${money()}）`,
    ]);

  if (chance(0.5)) push(comment());
  push(`政策 随机政策${seed}`);
  push(`${ws()}文号 “随机〔2024〕${seed}号”`);
  if (chance(0.7)) push(`${ws()}发布日期 2024年${1 + Math.floor(r() * 12)}月1日`);
  if (chance(0.7)) push(`${ws()}有效期 2024-01-01 至 2026年12月31日`);
  if (chance(0.3)) push(`${ws()}年度 2024`);
  if (chance(0.3)) push(`${ws()}申报期 2024年3月1日 至 2024-04-30`);
  if (chance(0.5)) push(`${ws()}舍入 ${pick(["到分", "到元"])} ${pick(["四舍五入", "向下取整"])}`);
  push("");
  push("申报信息");
  for (const m of MONEY) push(`${ws()}${m} 金额 默认 0${chance(0.5) ? ` “${m}的说明”` : ""}`);
  for (const b of BOOLS) push(`${ws()}${b} 是否 默认 否`);
  push(`${ws()}${COUNT} 数量（家） 默认 0`);
  push(`${ws()}${LEVEL} 枚举 ${LEVELS.join("、")} 默认 区级`);
  push("参数");
  const dated = chance(0.4)
    ? ` 自 2024年7月1日 12家${chance(0.5) ? " 自 2025-01-01 15家" : ""}`
    : "";
  push(`${ws()}家数要求 数量（家） ${chance(0.5) ? "待定" : "= 10家"}${dated}`);
  if (chance(0.3)) push(`开放 第1条${chance(0.5) ? `${comma()}第2条` : ""}`);
  if (chance(0.2)) push(`例外 第1条 “经区政府批准”`);
  if (chance(0.6)) push(`定义 合计投入 = ${pick(MONEY)} + ${pick(MONEY)} - ${money()}`);
  if (chance(0.6)) push(`支持对象\n${ws()}条件 ${cond()}\n${ws()}排除 ${pick(BOOLS)} “排除原因”`);
  const clauses = 1 + Math.floor(r() * 5);
  for (let n = 1; n <= clauses; n++) {
    push(`第${n}条 随机条款${n}`);
    if (chance(0.5)) push(`${ws()}原文 “按不超过项目投资的30%予以资助，“引号”不超过200万元。”`);
    for (let i = Math.floor(r() * 3); i > 0; i--) push(`${ws()}条件 ${cond()}`);
    const kind = Math.floor(r() * 5);
    const word = pick(["资助", "奖励", "补贴", "补助"]);
    const fixed = amount();
    if (kind === 0)
      push(`${ws()}${word} 比例 ${pick(["30%", "50%", "12.5%"])} 基数 ${pick(MONEY)}`);
    else if (kind === 1) push(`${ws()}${word} 定额 ${fixed}`);
    else if (kind === 2) push(`${ws()}${word} 最高 ${money()}`);
    else if (kind === 3) push(`${ws()}${word} 计算 ${pick(MONEY)} × 10% + ${money()}`);
    else push(`${ws()}${word} 一事一议`);
    if (kind !== 4) {
      if (chance(0.5)) push(`${ws()}上限 ${pick([money(), table()])}`);
      if (chance(0.3))
        push(`${ws()}上限 ${table()} 含 ${pick(MONEY)} 当 ${pick(["并非 ", ""])}${pick(BOOLS)}`);
      // 就高 right after a bracket table would read as another row (就高（…）): the grammar's choice.
      if (chance(0.3) && !(kind === 1 && fixed.startsWith("分档")))
        push(`${ws()}就高 ${pick(MONEY)} 当 ${pick(BOOLS)}`);
      if (chance(0.3)) push(`${ws()}年度累计上限 ${money()}`);
    }
    if (chance(0.3)) push(`${ws()}一次性`);
    if (chance(0.2)) push(`${ws()}名额 每年 ${5 + Math.floor(r() * 20)}`);
  }
  if (chance(0.5)) push(`叠加规则\n${ws()}从高不重复\n${ws()}扣除 ${pick(MONEY)}`);
  for (let k = Math.floor(r() * 3); k > 0; k--) {
    push(`案例 “随机案例${k}”${k > 1 && chance(0.5) ? ` 基于 “随机案例${k - 1}”` : ""}`);
    if (chance(0.5)) push(`${ws()}日期 2024年3月${1 + k}日`);
    push(
      `${ws()}输入 ${MONEY.slice(0, 1 + Math.floor(r() * 4))
        .map((m) => `${m} ${money()}`)
        .join(comma())}`,
    );
    if (chance(0.3)) push(`${ws()}参数 家数要求 12家`);
    if (chance(0.3)) push(`${ws()}已获 第1条 20万 日期 2024年1月${k}日`);
    push(`${ws()}期望 第1条 ${pick([money(), "不符合 原因 “条件”", "需决定"])}`);
  }
  if (chance(0.5)) push(comment());
  return { source: lines.join("\n") + (chance(0.5) ? "\n" : ""), comments };
}
