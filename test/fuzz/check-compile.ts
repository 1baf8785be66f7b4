/**
 * What every compile of untrusted policy text must satisfy: no exception, no internal error, every
 * diagnostic in range with a Chinese message and help, within the time limit; and, when it compiles,
 * a module that loads and evaluates applications without throwing or running injected code.
 */
import { compile } from "../../compiler/compile.js";
import { LineMap } from "../../grammar/diagnostics.js";
import { loadPolicy } from "../../runtime/define.js";
import type { InputMeta } from "../../runtime/types.js";
import { resultProblems } from "./check-evaluation.js";
import { pwned } from "./hostile.js";

export interface CompileCheck {
  readonly ok: boolean;
  readonly ms: number;
  readonly problems: string[];
}

const HAN = /[\u4e00-\u9fff]/;

/** A plausible value for an input, so that evaluation gets past validation. */
function sample(meta: InputMeta, k: number): unknown {
  switch (meta.type) {
    case "money":
      return ["0", "100万", "1234567.89", "1亿"][k % 4];
    case "ratio":
      return ["0%", "30%", "1"][k % 3];
    case "count":
      return k % 3;
    case "date":
      return "2024-03-01";
    case "bool":
      return k % 2 === 0;
    case "enum":
      return meta.values?.[k % Math.max(1, meta.values.length)];
    case "moneyBy":
      return Object.fromEntries((meta.values ?? []).map((v) => [v, "10万"]));
    case "moneyByYear":
      return { "2023": "10万", "2024": "20万" };
    default:
      return "文字";
  }
}

/** Compile a source and check everything that must hold. */
export function checkCompile(src: string, limitMs = 1000): CompileCheck {
  const problems: string[] = [];
  // CPU time of this process, not wall time: on a busy machine (other test files, other jobs) a
  // linear compile waits for a core; only work that this input causes counts against the limit.
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = cpuMs();
  let result;
  try {
    result = compile(src);
  } catch (e) {
    return { ok: false, ms: cpuMs() - t0, problems: [`compile 抛出异常：${String(e)}`] };
  }
  let ms = cpuMs() - t0;
  // A slow compile is timed again: only a text that is slow every time counts as a hang, not a
  // garbage collection or a busy machine.
  for (let k = 0; k < 2 && ms > limitMs; k++) {
    const t1 = cpuMs();
    compile(src);
    ms = Math.min(ms, cpuMs() - t1);
  }
  if (ms > limitMs) problems.push(`编译用时 ${ms.toFixed(0)} ms，超过 ${limitMs} ms`);
  const map = new LineMap(src);
  for (const d of result.diagnostics) {
    if (d.code === "E999") problems.push(`编译器内部错误：${d.message}`);
    if (!HAN.test(d.message)) problems.push(`诊断不是中文：${d.message}`);
    if (d.severity === "error" && !d.help) problems.push(`错误 ${d.code} 没有提示`);
    const { start, end, line, col } = d.span;
    if (!(start >= 0 && end >= start && end <= src.length))
      problems.push(`诊断 ${d.code} 范围越界：${start}-${end}/${src.length}`);
    else {
      const p = map.position(start);
      if (p.line !== line || p.col !== col)
        problems.push(`诊断 ${d.code} 行列不符：${line}:${col} ≠ ${p.line}:${p.col}`);
    }
  }
  if (result.ok && result.js) {
    try {
      const policy = loadPolicy(result.js);
      for (let k = 0; k < 3; k++) {
        const app = Object.fromEntries(policy.meta.inputs.map((m) => [m.name, sample(m, k)]));
        const ev = policy.evaluate(app, { date: "2024-03-01" });
        problems.push(...resultProblems(ev));
        const empty = policy.evaluate({}, { date: "2024-03-01", explain: k === 0 });
        if (!empty.ok && empty.errors.some((e) => !HAN.test(e.message)))
          problems.push("输入错误说明不是中文");
      }
    } catch (e) {
      problems.push(
        `生成的模块加载或计算时抛出异常：${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  if (pwned()) problems.push("注入的代码被执行了");
  return { ok: result.ok, ms, problems };
}
