/**
 * Everything that changed in one clause: its number and title, conditions, the award (比例, 基数,
 * 定额 …), the steps on the amount, per-year and cumulative caps, 一次性, 名额 and the rest; and a
 * clause added or removed as a whole.
 */
import { assertNever, type Clause, type ClauseItem } from "../grammar/ast.js";
import { exprToText } from "../grammar/expr-to-text.js";
import { change, type Change, type ChangeKind, type Place } from "./change.js";
import { conditionChanges } from "./condition-changes.js";
import { exprChanges } from "./expr-changes.js";
import type { ClausePair } from "./match-clauses.js";
import { nodeKey } from "./normalize.js";
import { stepChanges } from "./step-changes.js";
import { awardText, quote, valueText } from "./words.js";

type Item<K extends ClauseItem["kind"]> = Extract<ClauseItem, { kind: K }>;
const one = <K extends ClauseItem["kind"]>(items: readonly ClauseItem[], kind: K) =>
  items.find((i): i is Item<K> => i.kind === kind);

/** The words of a singleton item, for lines saying it was added or removed. */
function itemText(it: ClauseItem): string {
  switch (it.kind) {
    case "AnnualCap":
      return `年度累计上限 ${valueText(it.value)}`;
    case "TotalCap":
      return `累计上限 ${valueText(it.value)}`;
    case "Once":
      return "一次性支持";
    case "Quota":
      return `名额 每年${it.count}个`;
    case "PerYearLimit":
      return `每年限申报${it.count}项`;
    case "YearsLimit":
      return it.consecutive ? `连续支持${it.years}年` : `自首次获得支持起${it.years}年内`;
    case "Stackable":
      return `可与${quote(it.with, 40)}叠加`;
    case "Beneficiary":
      return `资金拨付对象 ${quote(it.who, 40)}`;
    case "Payer":
      return `资金来源 ${quote(it.who, 40)}`;
    case "Benefit":
      return `非资金支持 ${quote(it.text)}`;
    case "Payment":
      return `分期拨付 ${exprToText(it.table)}`;
    case "Paid":
      return `已拨付 ${exprToText(it.value)}`;
    case "Window":
      return `本条申报期 ${it.from} 至 ${it.to}`;
    case "Award":
      return awardText(it);
    case "Source":
      return `原文 ${quote(it.text)}`;
    case "Condition":
      return `条件 ${exprToText(it.expr)}`;
    case "Exclude":
      return `排除 ${exprToText(it.expr)}`;
    case "Step":
      return exprToText(it.value);
    default:
      return assertNever(it);
  }
}

/**
 * How the diff compares each kind of clause item: a kind with its own comparison (原文, conditions
 * and exclusions, the award, the steps), or a singleton compared as a whole with its change kind
 * and subject. A record over every kind, so a new kind of item fails to compile until the diff
 * says how it changes.
 */
const ITEM_DIFF = {
  Source: "source",
  Condition: "conditions",
  Exclude: "conditions",
  Award: "award",
  Step: "steps",
  AnnualCap: ["annual-cap", "年度累计上限"],
  TotalCap: ["total-cap", "累计上限"],
  Once: ["once", "一次性"],
  Quota: ["quota", "名额"],
  PerYearLimit: ["per-year-limit", "每年限申报"],
  YearsLimit: ["years-limit", "支持年限"],
  Stackable: ["stackable", "可叠加"],
  Beneficiary: ["beneficiary", "资金拨付对象"],
  Payer: ["payer", "资金来源"],
  Benefit: ["benefit", "非资金支持"],
  Payment: ["payment", "分期拨付"],
  Paid: ["payment", "已拨付"],
  Window: ["clause-window", "本条申报期"],
} as const satisfies Record<
  ClauseItem["kind"],
  "source" | "conditions" | "award" | "steps" | readonly [ChangeKind, string]
>;

const SINGLETONS = (Object.entries(ITEM_DIFF) as [ClauseItem["kind"], unknown][]).flatMap(
  ([kind, how]) => (Array.isArray(how) ? [[kind, ...(how as [ChangeKind, string])] as const] : []),
);

/** The words of a limit's scope in a change line (未写范围 is the limit's default). */
function scopeWords(it: ClauseItem): string {
  const scope = "scope" in it ? it.scope : undefined;
  if (scope === "project") return "同一项目";
  if (scope === "applicant") return "单个企业";
  if (scope === "policy") return "全部企业";
  return it.kind === "Quota" ? "全部企业（默认）" : "单个企业（默认）";
}

/** A limit whose scope changed (同一项目 ↔ 单个企业 …), when that is the only change. */
function scopeChange(
  place: Place,
  kind: ChangeKind,
  subject: string,
  a: ClauseItem,
  b: ClauseItem,
): Change | undefined {
  const sa = "scope" in a ? a.scope : undefined;
  const sb = "scope" in b ? b.scope : undefined;
  if (sa === sb || nodeKey({ ...a, scope: undefined }) !== nodeKey({ ...b, scope: undefined }))
    return undefined;
  return change(place, kind, "rule", {
    subject: `${subject}范围`,
    text: `${subject}范围 ${scopeWords(a)} → ${scopeWords(b)}`,
    before: scopeWords(a),
    after: scopeWords(b),
    oldSpan: a.span,
    newSpan: b.span,
  });
}

function singletonChange(
  place: Place,
  kind: ChangeKind,
  subject: string,
  a: ClauseItem | undefined,
  b: ClauseItem | undefined,
): Change[] {
  if (!a && !b) return [];
  if (a && b && nodeKey(a) === nodeKey(b)) return [];
  const scopeMoved = a && b ? scopeChange(place, kind, subject, a, b) : undefined;
  if (scopeMoved) return [scopeMoved];
  if (!a)
    return [
      change(place, kind, "rule", {
        subject,
        text: b!.kind === "Once" ? "改为一次性支持" : `新增${itemText(b!)}`,
        after: itemText(b!),
        newSpan: b!.span,
      }),
    ];
  if (!b)
    return [
      change(place, kind, "rule", {
        subject,
        text: a.kind === "Once" ? "取消一次性限制" : `取消${itemText(a)}`,
        before: itemText(a),
        oldSpan: a.span,
      }),
    ];
  const value = (it: ClauseItem) =>
    it.kind === "AnnualCap" || it.kind === "TotalCap" || it.kind === "Paid"
      ? it.value
      : it.kind === "Payment"
        ? it.table
        : undefined;
  const va = value(a);
  const vb = value(b);
  if (va && vb)
    return exprChanges(place, kind, subject, va, vb, { oldSpan: a.span, newSpan: b.span });
  const strip = (s: string) => (s.startsWith(subject) ? s.slice(subject.length).trim() : s);
  return [
    change(place, kind, "rule", {
      subject,
      before: strip(itemText(a)),
      after: strip(itemText(b)),
      oldSpan: a.span,
      newSpan: b.span,
    }),
  ];
}

function awardChanges(place: Place, a?: Item<"Award">, b?: Item<"Award">): Change[] {
  if (!a || !b) return singletonChange(place, "award-form", "资助方式", a, b);
  const out: Change[] = [];
  if (a.word !== b.word)
    out.push(
      change(place, "wording", "text", {
        subject: "用语",
        before: a.word,
        after: b.word,
        oldSpan: a.span,
        newSpan: b.span,
      }),
    );
  const fa = a.form;
  const fb = b.form;
  const spans = { oldSpan: a.span, newSpan: b.span };
  if (fa.kind === "Ratio" && fb.kind === "Ratio")
    out.push(
      ...exprChanges(place, "ratio", "比例", fa.ratio, fb.ratio),
      ...exprChanges(place, "base", "基数", fa.base, fb.base),
    );
  else if (fa.kind === "Fixed" && fb.kind === "Fixed")
    out.push(...exprChanges(place, "amount", "定额", fa.amount, fb.amount, spans));
  else if (fa.kind === "UpTo" && fb.kind === "UpTo")
    out.push(...exprChanges(place, "amount", "最高金额", fa.amount, fb.amount, spans));
  else if (fa.kind === "Compute" && fb.kind === "Compute")
    out.push(...exprChanges(place, "amount", "计算公式", fa.amount, fb.amount, spans));
  else if (fa.kind !== fb.kind)
    out.push(
      change(place, "award-form", "rule", {
        subject: "资助方式",
        before: awardText(a),
        after: awardText(b),
        ...spans,
      }),
    );
  return out;
}

/** Changes among the items of two clauses (or of two 支持对象 sections). */
export function itemChanges(
  place: Place,
  olds: readonly ClauseItem[],
  news: readonly ClauseItem[],
): Change[] {
  const out: Change[] = [];
  const sa = one(olds, "Source");
  const sb = one(news, "Source");
  if ((sa?.text ?? "") !== (sb?.text ?? ""))
    out.push(
      change(place, "source-text", "text", {
        subject: "原文",
        before: sa ? quote(sa.text) : "（无）",
        after: sb ? quote(sb.text) : "（无）",
        ...(sa ? { oldSpan: sa.span } : {}),
        ...(sb ? { newSpan: sb.span } : {}),
      }),
    );
  out.push(...conditionChanges(place, olds, news));
  out.push(...awardChanges(place, one(olds, "Award"), one(news, "Award")));
  out.push(...stepChanges(place, olds, news));
  for (const [kind, ck, subject] of SINGLETONS)
    out.push(...singletonChange(place, ck, subject, one(olds, kind), one(news, kind)));
  return out;
}

const summary = (c: Clause) => {
  const award = one(c.items, "Award");
  return award ? `（${awardText(award)}）` : "";
};

/** Changes of one pair of clauses, including its being added, removed, renumbered or retitled. */
export function clauseChanges(pair: ClausePair): Change[] {
  const { old: a, new: b, place } = pair;
  if (!a && b)
    return [
      {
        ...change({ newClause: b.number }, "clause-added", "rule", {
          subject: `新增${b.label}`,
          text: `新增${b.label} ${b.title}${summary(b)}`,
          after: b.title,
          newSpan: b.labelSpan,
        }),
        clause: b.label,
      },
    ];
  if (a && !b)
    return [
      {
        ...change({ oldClause: a.number }, "clause-removed", "rule", {
          subject: `删除${a.label}`,
          text: `删除${a.label} ${a.title}${summary(a)}`,
          before: a.title,
          oldSpan: a.labelSpan,
        }),
        clause: a.label,
      },
    ];
  if (!a || !b) return [];
  const out: Change[] = [];
  if (pair.moved)
    out.push(
      change({ oldClause: a.number, newClause: b.number }, "clause-moved", "text", {
        subject: "条款编号",
        text: `${a.label} ${a.title} 重新编号为 ${b.label}`,
        before: a.label,
        after: b.label,
        oldSpan: a.labelSpan,
        newSpan: b.labelSpan,
      }),
    );
  if (pair.retitled)
    out.push(
      change(place, "clause-retitled", "text", {
        subject: "标题",
        before: quote(a.title),
        after: quote(b.title),
        oldSpan: a.labelSpan,
        newSpan: b.labelSpan,
      }),
    );
  out.push(...itemChanges(place, a.items, b.items));
  return out;
}
