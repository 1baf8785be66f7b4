/**
 * policy → document outline in the official order: title, 文号, issuer and date, then
 * 一、支持对象, 二、支持范围及标准 (one paragraph per clause), 三、附则 (stacking, parameters,
 * rounding, validity). Markdown and HTML are rendered from the outline.
 */
import { fmtDate } from "../../runtime/format.js";
import type { Clause, LimitItem, Policy } from "../../grammar/ast.js";
import { itemsOf } from "../../grammar/ast.js";
import { clauseKeyText } from "../../grammar/clause-ids.js";
import { roundingWords } from "../../grammar/words.js";
import {
  clauseToProse,
  conditionPhrases,
  exclusionSentences,
  scopeProse,
} from "./clause-to-prose.js";
import { exprToProse, ProseContext } from "./expr-to-prose.js";
import { limitProse } from "./limit-prose.js";
import { clausePayer, policyPayers, UNNAMED_PAYER } from "../payers.js";

/** One paragraph: an optional lead in bold (`1、支持企业“两化”深度融合。`) and its text. */
export interface Paragraph {
  readonly lead?: string;
  readonly text: string;
}

export interface Section {
  /** `一、支持对象` */
  readonly heading: string;
  readonly paragraphs: readonly Paragraph[];
}

export interface Outline {
  readonly kind: "policy" | "guideline";
  readonly title: string;
  readonly docNo?: string;
  readonly issuer?: string;
  /** Date line in Chinese. */
  readonly date?: string;
  /** Lines under the title (e.g. what a guideline is based on). */
  readonly notes: readonly string[];
  readonly sections: readonly Section[];
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** Chinese section number: 1 → 一. */
export function numeral(n: number): string {
  return NUMERALS[n - 1] ?? String(n);
}

/** 支持对象 as paragraphs. */
export function eligibilityParagraphs(policy: Policy, cx: ProseContext): Paragraph[] {
  const items = itemsOf(policy, "Eligibility").flatMap((e) => e.items);
  const conds = conditionPhrases(items, cx);
  const out: Paragraph[] = [];
  out.push({
    text: conds.length
      ? `申报单位应同时符合下列条件：${conds.join("；")}。`
      : "本政策对申报单位无统一的资格条件，以各条款所列条件为准。",
  });
  const excl = exclusionSentences(items, cx);
  if (excl.length) out.push({ text: excl.join("") });
  return out;
}

/**
 * A clause paragraph's lead: `1、标题。` as the seed's document numbers its articles; a sub-clause
 * keeps its own id, `第3条之一 标题。` or `第3条（一） 标题。`, so it is never taken for 第3条.
 */
export function clauseLead(c: Clause): string {
  const title = c.title.replace(/[。.]$/, "");
  return typeof c.number === "number"
    ? `${c.number}、${title}。`
    : `${clauseKeyText(c.number)}${title ? ` ${title}` : ""}。`;
}

/** One paragraph per clause: `1、标题。` then the prose. */
export function clauseParagraphs(policy: Policy, cx: ProseContext): Paragraph[] {
  return itemsOf(policy, "Clause").map((c) => ({
    lead: clauseLead(c),
    text: clauseToProse(c, cx),
  }));
}

/** A limit of the policy as a whole, in the document's words. */
function policyLimitProse(l: LimitItem, cx: ProseContext): string {
  const who = scopeProse(l.scope, l.kind === "Quota" ? "本政策全部申报单位合计" : "同一申报单位");
  switch (l.kind) {
    case "PerYearLimit":
      return `${who}每年只能申报${l.count}个项目（本政策各条款合计）`;
    case "Quota":
      return `${who}每年支持不超过${l.count}个项目（本政策各条款合计）`;
    case "Once":
      return `${who}限享受本政策支持一次`;
    case "TotalCap":
      return `${who}享受本政策各条款资助累计${limitProse(l.value, cx)}`;
    case "AnnualCap":
      return `${who}每年享受本政策各条款资助累计${limitProse(l.value, cx)}`;
  }
}

/** 资金来源: which clauses each payer funds (`区级财政：第1条、第3条；市级财政：第2条`). */
function payerParagraph(policy: Policy): Paragraph | undefined {
  const payers = policyPayers(policy);
  if (!payers.length) return undefined;
  const clauses = itemsOf(policy, "Clause").filter((c) => c.items.some((i) => i.kind === "Award"));
  const groups = payers
    .map((p) => {
      const of = clauses.filter((c) => (clausePayer(policy, c) ?? UNNAMED_PAYER) === p);
      return of.length ? `${p}：${of.map((c) => clauseKeyText(c.number)).join("、")}` : "";
    })
    .filter((g) => g);
  return { text: `本政策资助资金按下列来源安排：${groups.join("；")}。` };
}

/** 附则: stacking, parameters left open, rounding, validity. */
export function closingParagraphs(policy: Policy, cx: ProseContext): Paragraph[] {
  const out: Paragraph[] = [];
  const stacking = itemsOf(policy, "Stacking").flatMap((s) => s.items);
  const stackable = itemsOf(policy, "Clause").filter((c) =>
    c.items.some((i) => i.kind === "Stackable"),
  );
  const except = stackable.length
    ? `（${stackable.map((c) => clauseKeyText(c.number)).join("、")}明确可叠加的除外）`
    : "";
  if (stacking.some((s) => s.kind === "HighestOnly"))
    out.push({
      text: `同一项目符合本政策多项条款的，按照“从高不重复”原则，只按金额最高的一项给予支持${except}。`,
    });
  for (const s of stacking)
    if (s.kind === "Limit") out.push({ text: `${policyLimitProse(s.limit, cx)}。` });
  for (const s of stacking)
    if (s.kind === "Deduct")
      out.push({
        text: `${exprToProse(s.value, cx)}从本政策资助金额中扣除，扣除后不低于零${except}。`,
      });
  const payers = payerParagraph(policy);
  if (payers) out.push(payers);
  const open = itemsOf(policy, "Params")
    .flatMap((p) => p.decls)
    .filter((d) => !d.value);
  if (open.length)
    out.push({
      text: `下列标准由年度申报指南确定：${open.map((d) => d.name + (d.description ? `（${d.description}）` : "")).join("；")}。`,
    });
  const { unit, mode } = roundingWords(policy.header?.rounding);
  out.push({ text: `资助金额以元为单位，计算${unit}，${mode}。` });
  const h = policy.header;
  if (h?.validFrom || h?.validTo) {
    const from = h.validFrom ? `自${fmtDate(h.validFrom)}起施行` : "自发布之日起施行";
    const to = h.validTo ? `，有效期至${fmtDate(h.validTo)}` : "";
    out.push({ text: `本政策${from}${to}。` });
    if (h.validFor)
      out.push({
        text: `有效期适用于${h.validFor.name}：${h.validFor.name}在有效期内的项目，有效期届满后以后年度的资助仍按本政策执行。`,
      });
  }
  if (h?.repeal)
    out.push({
      text: `本政策自${fmtDate(h.repeal.date)}起废止${h.repeal.basis ? `（依据${h.repeal.basis}）` : ""}。`,
    });
  return out;
}

/** The outline of a policy document. */
export function policyToOutline(policy: Policy): Outline {
  const cx = new ProseContext(policy);
  const h = policy.header;
  return {
    kind: "policy",
    title: h?.title ?? "（未命名政策）",
    ...(h?.docNo ? { docNo: h.docNo } : {}),
    ...(h?.issuer ? { issuer: h.issuer } : {}),
    ...(h?.published ? { date: fmtDate(h.published) } : {}),
    notes: [],
    sections: [
      { heading: `${numeral(1)}、支持对象`, paragraphs: eligibilityParagraphs(policy, cx) },
      { heading: `${numeral(2)}、支持范围及标准`, paragraphs: clauseParagraphs(policy, cx) },
      { heading: `${numeral(3)}、附则`, paragraphs: closingParagraphs(policy, cx) },
    ],
  };
}
