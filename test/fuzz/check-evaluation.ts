/**
 * What every evaluation of untrusted input must satisfy: either field-by-field errors (each naming a
 * field, in Chinese) or a result whose amounts are exact decimal strings, never NaN, never negative.
 */
import type { Evaluation } from "../../runtime/types.js";

const AMOUNT = /^\d+(\.\d{1,2})?$/;
const HAN = /[\u4e00-\u9fff]/;

/** Problems with a result's form (empty when well-formed). */
export function resultProblems(ev: Evaluation): string[] {
  if (!ev.ok) return [];
  const out: string[] = [];
  const r = ev.result;
  if (!AMOUNT.test(r.total)) out.push(`总额不是金额：${r.total}`);
  for (const c of r.clauses) {
    if (c.amount !== null && !AMOUNT.test(c.amount))
      out.push(`${c.clause} 金额不是非负金额：${c.amount}`);
    if (c.maximum !== undefined && !AMOUNT.test(c.maximum))
      out.push(`${c.clause} 最高额不是金额：${c.maximum}`);
    for (const s of c.steps)
      if (/NaN|Infinity|undefined/.test(s.text)) out.push(`${c.clause} 说明含 ${s.text}`);
  }
  return out;
}

/** Problems with the errors reported for an application broken in the given fields. */
export function errorProblems(
  ev: Evaluation,
  broken: ReadonlySet<string>,
  defects: readonly string[],
): string[] {
  if (ev.ok) return [`未报错（${defects.join("；")}）`];
  const out: string[] = [];
  const fields = new Set(ev.errors.map((e) => e.field));
  for (const f of broken)
    if (!fields.has(f)) out.push(`字段 ${JSON.stringify(f)} 未报错（${defects.join("；")}）`);
  for (const e of ev.errors) {
    if (!broken.has(e.field)) out.push(`多报了字段 ${JSON.stringify(e.field)}：${e.message}`);
    if (!HAN.test(e.message)) out.push(`错误说明不是中文：${e.message}`);
    if (e.message.length > 400) out.push(`错误说明过长（${e.message.length} 字）`);
  }
  return out;
}
