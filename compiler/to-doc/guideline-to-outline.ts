/**
 * guideline → document outline of a 申报指南: 申报时间, 申报条件, 支持内容及标准 (the clauses open
 * this year, in prose from the effective rules), 其他事项, and a table of what the guideline
 * changed against the policy.
 */
import { fmtDate } from "../../runtime/format.js";
import type { Policy } from "../../grammar/ast.js";
import { itemsOf } from "../../grammar/ast.js";
import { clauseKeyText, type ClauseKey } from "../../grammar/clause-ids.js";
import type { Provenance } from "../guideline/provenance.js";
import { clauseToProse, conditionPhrases, exclusionSentences } from "./clause-to-prose.js";
import { ProseContext } from "./expr-to-prose.js";
import {
  clauseLead,
  closingParagraphs,
  numeral,
  type Outline,
  type Paragraph,
} from "./policy-to-outline.js";

/** What a guideline document is made from (a compiled guideline's parts). */
export interface GuidelineParts {
  /** The effective policy (policy + guideline). */
  readonly effective: Policy;
  readonly guideline: Policy;
  readonly policy: Policy;
  readonly provenance: readonly Provenance[];
  readonly open: readonly ClauseKey[];
  readonly closed: readonly ClauseKey[];
}

const label = (ns: readonly ClauseKey[]) => ns.map(clauseKeyText).join("、");

/** The outline of a guideline document. */
export function guidelineToOutline(parts: GuidelineParts): Outline {
  const { effective, guideline, policy } = parts;
  const cx = new ProseContext(effective);
  const g = guideline.header!;
  const h = effective.header!;
  const p = policy.header;
  const time: Paragraph[] = [];
  if (g.year !== undefined) time.push({ text: `本指南适用于${g.year}年度的申报。` });
  if (h.window)
    time.push({
      text: `申报期为${fmtDate(h.window.from)}至${fmtDate(h.window.to)}（含起止日），申报日期不在申报期内的不予受理。`,
    });
  const elig = itemsOf(effective, "Eligibility")
    .flatMap((e) => e.items)
    .filter((i) => !(i.kind === "Exclude" && i.reason?.startsWith("申报日期不在申报指南")));
  const conds = conditionPhrases(elig, cx);
  const conditions: Paragraph[] = [
    { text: `申报单位应同时符合下列条件：${conds.join("；")}。` },
    ...exclusionSentences(elig, cx).map((text) => ({ text })),
  ];
  const open = itemsOf(effective, "Clause").filter((c) => parts.open.includes(c.number));
  const clauses: Paragraph[] = open.map((c) => ({
    lead: clauseLead(c),
    text: clauseToProse(c, cx),
  }));
  if (parts.closed.length) clauses.push({ text: `本年度不受理${label(parts.closed)}的申报。` });
  const changes: Paragraph[] = parts.provenance
    .filter((x) => x.origin === "guideline" && !x.subject.endsWith(" 原文"))
    .map((x) => ({
      text: `${x.subject}：${x.value}${x.replaced !== undefined ? `（政策为 ${x.replaced}）` : "（本指南新增）"}${x.exception ? `；例外依据：${x.exception}` : ""}。`,
    }));
  const sections = [
    { heading: "申报时间", paragraphs: time },
    { heading: "申报条件", paragraphs: conditions },
    { heading: "支持内容及标准", paragraphs: clauses },
    { heading: "其他事项", paragraphs: closingParagraphs(effective, cx) },
    ...(changes.length ? [{ heading: "本指南对政策标准的调整", paragraphs: changes }] : []),
  ].filter((s) => s.paragraphs.length);
  const basis = `依据《${p?.title ?? g.basedOn ?? ""}》${p?.docNo ? `（${p.docNo}）` : ""}制定`;
  return {
    kind: "guideline",
    title: g.title,
    ...(g.docNo ? { docNo: g.docNo } : {}),
    ...(g.issuer ? { issuer: g.issuer } : {}),
    ...(g.published ? { date: fmtDate(g.published) } : {}),
    notes: [basis],
    sections: sections.map((s, i) => ({ ...s, heading: `${numeral(i + 1)}、${s.heading}` })),
  };
}
