/**
 * clause → the sentence a policy text would write for it: conditions first (对……的), then the
 * award (按不超过……的30%予以资助), then its limits (资助金额不超过200万元), then other rules.
 */
import { fmtDate } from "../../runtime/format.js";
import {
  assertNever,
  type AwardForm,
  type Clause,
  type ClauseItem,
  type Expr,
  type LimitScope,
} from "../../grammar/ast.js";
import { exprToProse, type ProseContext } from "./expr-to-prose.js";
import { amountProse, higherProse, limitHasCases, limitProse } from "./limit-prose.js";

/** Conditions of a clause or of 支持对象, as phrases (without the surrounding 对……的). */
export function conditionPhrases(items: readonly ClauseItem[], cx: ProseContext): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind !== "Condition") continue;
    const base = exprToProse(it.expr, cx);
    out.push(it.unless ? `${base}（${exprToProse(it.unless, cx)}的除外）` : base);
  }
  return out;
}

/** Exclusions as sentences: `……的，不予支持。` */
export function exclusionSentences(items: readonly ClauseItem[], cx: ProseContext): string[] {
  return items
    .filter((i) => i.kind === "Exclude")
    .map((i) => `${exprToProse(i.expr, cx)}的，不予支持。`);
}

/** Whether a ratio reads as several cases (a table, brackets, 如果), not one figure. */
const ratioHasCases = (e: Expr) => e.kind === "Brackets" || e.kind === "Table" || e.kind === "If";

function awardProse(form: AwardForm, word: string, once: boolean, cx: ProseContext): string {
  const p = (e: Expr) => amountProse(e, cx);
  const one = once ? "一次性" : "";
  switch (form.kind) {
    case "Ratio":
      return ratioHasCases(form.ratio)
        ? `${one}按${exprToProse(form.base, cx)}的一定比例予以${word}，比例${p(form.ratio)}`
        : `${one}按不超过${exprToProse(form.base, cx)}的${p(form.ratio)}予以${word}`;
    case "Fixed":
      if (form.amount.kind === "Table" || form.amount.kind === "Brackets")
        return `给予${one}${word}，金额${p(form.amount)}`;
      return form.amount.kind === "Call" || form.amount.kind === "If"
        ? `给予${one}${word}，金额${form.amount.kind === "If" ? "：" : "为"}${p(form.amount)}`
        : `给予${one}${word}${p(form.amount)}`;
    case "UpTo":
      return `${one}给予最高${p(form.amount)}的${word}（具体金额经评审核定）`;
    case "Compute":
      return `${one}给予${word}，金额${form.amount.kind === "If" ? "：" : "为"}${p(form.amount)}`;
    case "CaseByCase":
      return `支持比例和${word}额度不受上述标准限制，以“一事一议”方式给予重点支持（金额经区政府批准核定）`;
  }
}

/** One limit or rule of a clause as a phrase; undefined for items said elsewhere. */
function itemProse(it: ClauseItem, word: string, cx: ProseContext): string | undefined {
  const p = (e: Expr) => exprToProse(e, cx);
  const a = (e: Expr) => amountProse(e, cx);
  const when = (w: Expr | undefined, s: string) => (w ? `${p(w)}的，${s}` : s);
  switch (it.kind) {
    case "Step": {
      if (it.step === "cap") {
        const cap = limitProse(it.value, cx);
        const s = it.including
          ? `${p(it.including)}与本条${word}资金合计${limitHasCases(it.value) ? `，${cap}` : cap}`
          : `${word}资金${cap}`;
        return when(it.when, s);
      }
      if (it.step === "max") return when(it.when, `就高执行：${higherProse(it.value, cx)}`);
      if (it.step === "min") return when(it.when, `${word}资金不超过${a(it.value)}（就低）`);
      return when(it.when, `扣除${a(it.value)}后补足差额`);
    }
    case "AnnualCap":
      return `${scopeProse(it.scope, "同一申报单位")}本条${word}年度累计${limitHasCases(it.value) ? "，" : ""}${limitProse(it.value, cx)}`;
    case "TotalCap":
      return `${scopeProse(it.scope, "同一申报单位")}本条${word}累计${limitHasCases(it.value) ? "，" : ""}${limitProse(it.value, cx)}`;
    case "Quota":
      return `${it.scope && it.scope !== "policy" ? scopeProse(it.scope, "") : ""}每年认定不超过${it.count}个`;
    case "PerYearLimit":
      return `${scopeProse(it.scope, "每个申报单位")}每年限申报${it.count}项`;
    case "YearsLimit":
      return it.consecutive
        ? `同一项目连续支持不超过${it.years}年，中间有一年未获支持的不再支持`
        : `同一项目自首次获得支持起${it.years}年内可获支持`;
    case "Stackable":
      return `可在${it.with}的基础上另行享受`;
    case "Beneficiary":
      return `资金拨付给${it.who}`;
    case "Payer":
      return `所需资金由${it.who}承担`;
    case "Benefit":
      return it.text;
    case "Payment":
      return `资金分期拨付，累计拨付比例${p(it.table)}`;
    case "Paid":
      return `结算时扣除已拨付的${p(it.value)}，多拨部分予以追回`;
    case "Window":
      return `本条申报期为${fmtDate(it.from)}至${fmtDate(it.to)}`;
    case "Exclude":
      return `${p(it.expr)}的，不予支持`;
    case "Once":
      return it.scope ? `${scopeProse(it.scope, "")}限享受一次` : undefined;
    case "Source":
    case "Condition":
    case "Award":
      return undefined;
    default:
      return assertNever(it);
  }
}

/** Whose awards a limit counts, in the document's words (the default when none is written). */
export function scopeProse(scope: LimitScope | undefined, fallback: string): string {
  if (scope === "project") return "同一申报单位的同一项目";
  if (scope === "applicant") return "同一申报单位";
  if (scope === "policy") return "本政策全部申报单位合计";
  return fallback;
}

/** The clause as one paragraph of prose (without its number and title). */
export function clauseToProse(c: Clause, cx: ProseContext): string {
  const award = c.items.find((i) => i.kind === "Award");
  const word = award?.kind === "Award" ? award.word : "资助";
  const once = c.items.some((i) => i.kind === "Once" && !i.scope);
  const conds = conditionPhrases(c.items, cx);
  const parts: string[] = [];
  if (award?.kind === "Award") parts.push(awardProse(award.form, word, once, cx));
  else if (once) parts.push("限享受一次");
  for (const it of c.items) {
    const s = itemProse(it, word, cx);
    if (s) parts.push(s);
  }
  const lead = conds.length ? `对${conds.join("，且")}的，` : "";
  return `${lead}${parts.join("；")}。`;
}
