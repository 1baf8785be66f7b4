/**
 * Exact-diff benchmark: the seed against 20 mutated versions (one edit each: a cap, a ratio, a
 * table row, a condition, a fixed amount, validity, stacking), each diffed with `proveDiff`.
 * Prints the time per diff (median, maximum; target median < 2 s, none over 10 s) and what each
 * proof concluded; then the time to prove the seed's assertions (断言). Run alone with
 * `node dist/bench/prove.js`, or `ZC_BENCH=prove npm run bench`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { prepare } from "../review/diff-policies.js";
import { closeSolver, proveAssertions, proveDiff } from "../review/node/index.js";

const SEED = "policies/jiading-2021-industrial-internet.zc";

/** One edit per mutation: [name, from, to] (the first occurrence is replaced). */
export const MUTATIONS: readonly (readonly [string, string, string])[] = [
  ["第5条 市级上限 500万→800万（第一张表）", "市级 500万", "市级 800万"],
  ["第1条 比例 30%→25%", "资助 比例 30% 基数 项目实际投资", "资助 比例 25% 基数 项目实际投资"],
  ["第1条 上限 200万→150万", "  上限 200万\n\n第2条", "  上限 150万\n\n第2条"],
  ["第2条 定额 20万→30万", "奖励 定额 20万\n\n第3条", "奖励 定额 30万\n\n第3条"],
  ["第3条 定额 200万→250万", "补贴 定额 200万", "补贴 定额 250万"],
  ["第5条 比例 30%→35%", "资助 比例 30% 基数 项目已投入金额", "资助 比例 35% 基数 项目已投入金额"],
  ["第5条 国家级上限 1000万→1200万（两张表）", "国家级 1000万", "国家级 1200万"],
  ["第6条 定额 200万→180万", "资助 定额 200万", "资助 定额 180万"],
  ["第7条 上限 100万→120万", "  上限 100万\n  # 解读", "  上限 120万\n  # 解读"],
  [
    "第7条 年度累计上限 100万→80万",
    "  年度累计上限 100万\n\n第8条",
    "  年度累计上限 80万\n\n第8条",
  ],
  [
    "第8条 比例 30%→40%",
    "资助 比例 30% 基数 平台建设投入不含土建",
    "资助 比例 40% 基数 平台建设投入不含土建",
  ],
  ["第8条 上限 500万→600万", "  上限 500万\n\n第9条", "  上限 600万\n\n第9条"],
  [
    "第9条 比例 50%→40%",
    "资助 比例 50% 基数 专项审计确认费用",
    "资助 比例 40% 基数 专项审计确认费用",
  ],
  ["第9条 加入地区性活动", "活动级别 属于 国际性、全国性", "活动级别 属于 国际性、全国性、地区性"],
  ["第10条 最高 100万→120万", "补助 最高 100万", "补助 最高 120万"],
  [
    "第4条 去掉“并非此前曾纳入规上统计”",
    "本年度纳入规上统计 并且 并非 此前曾纳入规上统计",
    "本年度纳入规上统计",
  ],
  [
    "支持对象 条件交换次序（等价）",
    "条件 经营状态正常 并且 信用记录良好",
    "条件 信用记录良好 并且 经营状态正常",
  ],
  [
    "有效期 延至 2027年",
    "有效期 2021年6月18日 至 2025年12月31日",
    "有效期 2021年6月18日 至 2027年12月31日",
  ],
  [
    "第5条 就高 去掉“已获上级补助金额大于0”",
    "当 上级补助要求配套 并且 已获上级补助金额 大于 0",
    "当 上级补助要求配套",
  ],
  ["叠加规则 去掉从高不重复", "  从高不重复\n", ""],
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Diff the seed against each mutation and print the figures. */
export async function benchProve(): Promise<void> {
  console.log("## 精确差异（Z3 证明）：种子政策对 20 个单处修改的版本");
  const seed = readFileSync(SEED, "utf8");
  const times: number[] = [];
  const cpus: number[] = [];
  const phases = new Map<string, { ms: number; count: number }>();
  for (const [name, from, to] of MUTATIONS) {
    if (!seed.includes(from)) throw new Error(`mutation “${name}” does not apply`);
    const other = seed.replace(from, to);
    const p = prepare(seed, other);
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    const proof = await proveDiff(p);
    const s = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const c = (cpu.user + cpu.system) / 1e6;
    times.push(s);
    cpus.push(c);
    for (const [k, f] of Object.entries(proof.profile ?? {})) {
      const sum = phases.get(k) ?? { ms: 0, count: 0 };
      sum.ms += f.ms;
      sum.count += f.count;
      phases.set(k, sum);
    }
    const word = (t: (typeof proof.targets)[number]): string => {
      if (t.status !== "differs")
        return { proven: "不变", timeout: "超时", untranslated: "未翻译", mismatch: "不符" }[
          t.status
        ];
      if (t.target !== "合计")
        return `不同×${t.regions.length}${t.complete ? "（已全部列出）" : ""}`;
      const side = (e: typeof t.gain, w: string) =>
        e ? `${w}${e.largest ? "（最大值已求出）" : "（例）"}` : `无${w}`;
      return `会变：${side(t.gain, "增加")}、${side(t.loss, "减少")}`;
    };
    const summary = proof.targets.map((t) => `${t.target}${word(t)}`).join("，");
    const total = proof.targets.find((t) => t.target === "合计")?.seconds ?? 0;
    console.log(
      `${s.toFixed(2)} 秒（CPU ${c.toFixed(2)} 秒；合计 ${total.toFixed(2)} 秒）  ${name}：${summary}`,
    );
  }
  // the seed's own assertions (断言), proven one by one on one solver
  const a0 = performance.now();
  const asserted = await proveAssertions(seed);
  const as = (performance.now() - a0) / 1000;
  const counts = new Map<string, number>();
  for (const r of asserted.results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  console.log(
    `种子政策的 ${asserted.results.length} 条断言：${as.toFixed(2)} 秒（${[...counts].map(([k, n]) => `${{ proven: "已证明", refuted: "不成立", timeout: "超时", untranslated: "未翻译", mismatch: "不符" }[k] ?? k} ${n}`).join("，")}；最慢一条 ${Math.max(...asserted.results.map((r) => r.seconds)).toFixed(2)} 秒）`,
  );
  await closeSolver();
  const PHASE: Record<string, string> = {
    load: "载入求解器",
    terms: "翻译为约束",
    assert: "加入约束",
    search: "求解（找差异/证明）",
    cut: "求解（区域化简）",
    optimum: "求解（最大增减）",
    witness: "示例由两版计算确认",
  };
  console.log(
    `各阶段（20 次差异合计，墙钟）：${[...phases].map(([k, f]) => `${PHASE[k] ?? k} ${(f.ms / 1000).toFixed(2)} 秒/${f.count} 次`).join("，")}`,
  );
  console.log(
    `每次差异：中位数 ${median(times).toFixed(2)} 秒（目标 < 2 秒），最长 ${Math.max(...times).toFixed(2)} 秒（目标 ≤ 10 秒）；CPU 中位数 ${median(cpus).toFixed(2)} 秒，最长 ${Math.max(...cpus).toFixed(2)} 秒；负载 ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchProve();
