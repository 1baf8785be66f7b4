/**
 * AST → layout units: one unit per printed line (or block head with its indented lines), each with
 * the source position comments are placed against. Keywords are printed in their canonical spelling;
 * words the AST keeps (奖励, 超过, 第五条, 200万) are printed as the drafter wrote them.
 */
import { builders } from "prettier/doc";
import { canonical, isPayerWord, type KeywordName } from "../../grammar/keywords.js";
import { fmtDate } from "../../runtime/format.js";
import type * as A from "../../grammar/ast.js";
import { assertNever } from "../../grammar/ast.js";
import { clauseKeyText } from "../../grammar/clause-ids.js";
import type { Comment } from "../../grammar/ast.js";
import { exprToText, nameText, typeText } from "../../grammar/expr-to-text.js";
import { roundingWords, STEP_KEYWORD } from "../../grammar/words.js";
import { assertStatementText } from "../../grammar/assert-to-text.js";
import { exprToDoc, strText } from "./expr-to-doc.js";
import type { TokenIndex } from "./token-index.js";

type Doc = builders.Doc;
const { fill, softline, group, line, align, hardline } = builders;
const indent = (d: Doc) => align(2, d);

/** One printed line or block, with where it came from and the comments placed on it. */
export interface Unit {
  readonly start: number;
  readonly end: number;
  /** Line where the head (a block's first line, or the whole leaf) ends. */
  readonly headEndLine: number;
  readonly endLine: number;
  readonly doc: Doc;
  readonly children?: Unit[];
  /** One-line top-level items (定义, 分类) that may stand together without a blank line. */
  readonly compact?: boolean;
  readonly leading: Comment[];
  readonly trailing: Comment[];
  readonly dangling: Comment[];
}

const kw = canonical;
/** A payer as written: a payer keyword bare (区级财政), a fund's name in quotes. */
const payerText = (who: string): string => (isPayerWord(who) ? who : strText(who));

function leaf(span: { start: number; end: number; endLine: number }, doc: Doc): Unit {
  return {
    start: span.start,
    end: span.end,
    headEndLine: span.endLine,
    endLine: span.endLine,
    doc,
    leading: [],
    trailing: [],
    dangling: [],
  };
}

function block(span: A.Span, headEndLine: number, doc: Doc, children: Unit[]): Unit {
  return {
    start: span.start,
    end: span.end,
    headEndLine,
    endLine: span.endLine,
    doc,
    children,
    leading: [],
    trailing: [],
    dangling: [],
  };
}

/** Header fields as [keyword name, printed line]; they print in the order the source has them. */
function headerFields(h: A.Header): [KeywordName, string][] {
  const out: [KeywordName, string][] = [];
  if (h.basedOn !== undefined) out.push(["BasedOn", `${kw("BasedOn")} ${strText(h.basedOn)}`]);
  if (h.docNo !== undefined) out.push(["DocNo", `${kw("DocNo")} ${strText(h.docNo)}`]);
  if (h.issuer !== undefined) out.push(["Issuer", `${kw("Issuer")} ${strText(h.issuer)}`]);
  if (h.payer !== undefined) out.push(["Payer", `${kw("Payer")} ${payerText(h.payer)}`]);
  if (h.published) out.push(["Published", `${kw("Published")} ${fmtDate(h.published)}`]);
  if (h.validFrom && h.validTo)
    out.push([
      "Validity",
      `${kw("Validity")} ${fmtDate(h.validFrom)} ${kw("To")} ${fmtDate(h.validTo)}${h.validFor ? ` ${kw("AppliesTo")} ${h.validFor.name}` : ""}`,
    ]);
  if (h.year !== undefined) out.push(["GuidelineYear", `${kw("GuidelineYear")} ${h.year}`]);
  if (h.window)
    out.push([
      "Window",
      `${kw("Window")} ${fmtDate(h.window.from)} ${kw("To")} ${fmtDate(h.window.to)}`,
    ]);
  if (h.rounding)
    out.push([
      "Rounding",
      `${kw("Rounding")} ${roundingWords(h.rounding).unit} ${roundingWords(h.rounding).mode}`,
    ]);
  if (h.repeal) {
    const basis = h.repeal.basis !== undefined ? ` ${kw("Basis")} ${strText(h.repeal.basis)}` : "";
    out.push(["Repeal", `${kw("Repeal")} ${fmtDate(h.repeal.date)}${basis}`]);
  }
  return out;
}

function headerUnit(h: A.Header, ix: TokenIndex): Unit {
  const fields = headerFields(h).map(([name, text]) => {
    const tok = ix.keyword(name, h.span.start, h.span.end);
    return { start: tok?.startOffset ?? h.span.start, text };
  });
  fields.sort((a, b) => a.start - b.start);
  const starts = fields.map((f) => f.start);
  const children = fields.map((f) => {
    const next = starts.find((s) => s > f.start) ?? h.span.end;
    const last = ix.lastEnd(f.start, next);
    return leaf({ start: f.start, end: last.end, endLine: last.line }, f.text);
  });
  const head = `${kw(h.form === "guideline" ? "Guideline" : "Policy")} ${h.title}`;
  return block(h.span, h.span.line, head, children);
}

/** A clause item (also used by 支持对象) as one line. */
export function clauseItemDoc(it: A.ClauseItem): Doc {
  const d = exprToDoc;
  switch (it.kind) {
    case "Source":
      return `${kw("Source")} ${strText(it.text)}`;
    case "Condition":
      return [
        kw("Condition"),
        " ",
        d(it.expr),
        it.unless ? [" ", kw("Unless"), " ", d(it.unless)] : "",
      ];
    case "Exclude":
      return [
        kw("Exclude"),
        " ",
        d(it.expr),
        it.reason !== undefined ? ` ${strText(it.reason)}` : "",
      ];
    case "Award":
      return [it.word, " ", awardDoc(it.form)];
    case "Step": {
      // `就高（甲，乙）` reads back as the step 就高 of the call 就高（甲，乙）: print the call alone.
      const v = it.value;
      const bare =
        v.kind === "Call" &&
        v.args.length > 1 &&
        ((it.step === "max" && v.fn === "max") || (it.step === "min" && v.fn === "min"));
      return group([
        bare ? "" : [kw(STEP_KEYWORD[it.step]), " "],
        d(it.value),
        it.including ? indent([line, kw("Including"), " ", d(it.including)]) : "",
        it.when ? indent([line, kw("When"), " ", d(it.when)]) : "",
      ]);
    }
    case "AnnualCap":
      return [scopeDoc(it.scope), kw("AnnualCap"), " ", d(it.value)];
    case "TotalCap":
      return [scopeDoc(it.scope), kw("TotalCap"), " ", d(it.value)];
    case "Once":
      return scopeDoc(it.scope) + kw("Once");
    case "PerYearLimit":
      return `${scopeDoc(it.scope)}${kw("PerYearLimit")} ${it.count} 项`;
    case "Quota":
      return `${scopeDoc(it.scope)}${kw("Quota")} ${kw("Yearly")} ${it.count}`;
    case "YearsLimit":
      return it.consecutive
        ? `${kw("ConsecutiveYears")} ${it.years} 年`
        : `${kw("YearsSinceFirst")} ${it.years} 年内`;
    case "Stackable":
      return `${kw("Stackable")} ${strText(it.with)}`;
    case "Beneficiary":
      return `${kw("Beneficiary")} ${strText(it.who)}`;
    case "Payer":
      return `${kw("Payer")} ${payerText(it.who)}`;
    case "Benefit":
      return `${kw("Benefit")} ${strText(it.text)}`;
    case "Payment":
      return [kw("Payment"), " ", d(it.table)];
    case "Paid":
      return [kw("Paid"), " ", d(it.value)];
    case "Window":
      return `${kw("Window")} ${fmtDate(it.from)} ${kw("To")} ${fmtDate(it.to)}`;
    default:
      return assertNever(it);
  }
}

/** A limit's scope word and a space (同一项目 …), or nothing for the default scope. */
function scopeDoc(scope: A.LimitScope | undefined): string {
  if (!scope) return "";
  const name = (
    { project: "ScopeProject", applicant: "ScopeApplicant", policy: "ScopePolicy" } as const
  )[scope];
  return `${kw(name)} `;
}

function awardDoc(f: A.AwardForm): Doc {
  switch (f.kind) {
    case "Ratio":
      // After a bracket table of ratios, 基数 starts its own line.
      return [
        kw("Ratio"),
        " ",
        exprToDoc(f.ratio),
        f.ratio.kind === "Brackets" ? hardline : " ",
        kw("Base"),
        " ",
        exprToDoc(f.base),
      ];
    case "Fixed":
      return [kw("Fixed"), " ", exprToDoc(f.amount)];
    case "UpTo":
      return [kw("UpTo"), " ", exprToDoc(f.amount)];
    case "Compute":
      return [kw("Compute"), " ", exprToDoc(f.amount)];
    case "CaseByCase":
      return kw("CaseByCase");
    default:
      return assertNever(f);
  }
}

function declDoc(d: A.InputDecl | A.ParamDecl): Doc {
  return group(declParts(d));
}

function declParts(d: A.InputDecl | A.ParamDecl): Doc[] {
  const parts: Doc[] = [nameText(d.name), " ", typeText(d.type)];
  if (d.kind === "Input" && d.default) parts.push(" ", kw("Default"), " ", exprToDoc(d.default));
  if (d.kind === "Param") {
    parts.push(d.value ? [" = ", exprToDoc(d.value)] : [" ", kw("Unset")]);
    for (const v of d.byDate ?? [])
      parts.push(indent([line, kw("From"), " ", fmtDate(v.from), " ", exprToDoc(v.value)]));
  }
  if (d.description !== undefined) parts.push(" ", strText(d.description));
  return parts;
}

const clauseNo = clauseKeyText;

function expectDoc(e: A.Expect): Doc {
  const target =
    e.payer !== undefined
      ? `${kw("Payer")} ${payerText(e.payer)}`
      : e.target === "total"
        ? kw("Total")
        : e.target === "policy"
          ? kw("Eligibility")
          : clauseNo(e.target);
  return [kw("Expect"), " ", target, " ", outcomeDoc(e.outcome)];
}

function outcomeDoc(o: A.Expectation): Doc {
  switch (o.kind) {
    case "ineligible":
      return (
        kw("Ineligible") + (o.reason !== undefined ? ` ${kw("Reason")} ${strText(o.reason)}` : "")
      );
    case "needsDecision":
      return kw("NeedsDecision");
    case "notPaid":
      return (
        kw("NotPaid") + (o.reason !== undefined ? ` ${kw("Reason")} ${strText(o.reason)}` : "")
      );
    case "payable":
      return [kw("Payment"), " ", exprToDoc(o.value)];
    case "amount":
      return exprToDoc(o.value);
    default:
      return assertNever(o);
  }
}

function caseUnit(c: A.CaseDecl, ix: TokenIndex): Unit {
  // Lines in canonical order: 日期, 参数, 输入, 已获, 核定, 期望 (stable within each kind).
  const lines: Unit[][] = [[], [], [], [], [], []];
  if (c.date) {
    const inPrior = (o: number) => c.prior.some((p) => p.span.start <= o && o < p.span.end);
    const tok = ix.keywords("Date", c.span.start, c.span.end).find((t) => !inPrior(t.startOffset));
    const start = tok?.startOffset ?? c.span.start;
    const line = tok?.startLine ?? c.span.line;
    lines[0]!.push(
      leaf({ start, end: start + 1, endLine: line }, `${kw("Date")} ${fmtDate(c.date)}`),
    );
  }
  for (const p of c.params)
    lines[1]!.push(
      leaf(p.span, [kw("Params"), " ", nameText(p.name.name), " ", exprToDoc(p.value)]),
    );
  if (c.inputs.length) {
    const first = c.inputs[0]!.span;
    const last = c.inputs[c.inputs.length - 1]!.span;
    const given = ix.keywords("Given", c.span.start, first.start).pop();
    const parts: Doc[] = [];
    c.inputs.forEach((i, n) => {
      if (n) parts.push(softline);
      parts.push([
        nameText(i.name.name),
        " ",
        exprToDoc(i.value),
        n < c.inputs.length - 1 ? "，" : "",
      ]);
    });
    const span = { start: given?.startOffset ?? first.start, end: last.end, endLine: last.endLine };
    lines[2]!.push(leaf(span, [kw("Given"), " ", builders.align(4, fill(parts))]));
  }
  for (const p of c.prior)
    lines[3]!.push(
      leaf(
        p.span,
        `${kw("Prior")} ${clauseNo(p.clause)} ${exprToText(p.amount)} ${kw("Date")} ${fmtDate(p.date)}` +
          (p.project !== undefined ? ` ${kw("OfProject")} ${strText(p.project)}` : "") +
          (p.base ? ` ${kw("Base")} ${exprToText(p.base)}` : ""),
      ),
    );
  for (const a of c.approved)
    lines[4]!.push(leaf(a.span, `${kw("Approved")} ${clauseNo(a.clause)} ${exprToText(a.amount)}`));
  for (const e of c.expects) lines[5]!.push(leaf(e.span, expectDoc(e)));
  const based = c.basedOn !== undefined ? ` ${kw("BasedOn")} ${strText(c.basedOn)}` : "";
  return block(c.span, c.span.line, `${kw("Case")} ${strText(c.title)}${based}`, lines.flat());
}

/** A top-level item as a unit. */
function topUnit(item: A.TopItem, ix: TokenIndex): Unit {
  const items = (xs: readonly { span: A.Span }[], doc: (x: never) => Doc) =>
    xs.map((x) => leaf(x.span, doc(x as never)));
  switch (item.kind) {
    case "Inputs":
      return block(item.span, item.span.line, kw("Inputs"), items(item.decls, declDoc));
    case "Params":
      return block(item.span, item.span.line, kw("Params"), items(item.decls, declDoc));
    case "Define":
      return {
        ...leaf(item.span, [
          kw("Define"),
          " ",
          nameText(item.name),
          " = ",
          exprToDoc(item.expr),
          item.description === undefined
            ? ""
            : item.expr.kind === "Brackets"
              ? // after the rows of a multi-line 分档, the description gets a line of its own
                align(2, [hardline, strText(item.description)])
              : ` ${strText(item.description)}`,
        ]),
        compact: true,
      };
    case "Category":
      return {
        ...leaf(
          item.span,
          `${kw("Category")} ${nameText(item.name)}：${item.values.map((v) => nameText(v.name)).join("、")}`,
        ),
        compact: true,
      };
    case "Eligibility":
      return block(item.span, item.span.line, kw("Eligibility"), items(item.items, clauseItemDoc));
    case "Stacking":
      return block(
        item.span,
        item.span.line,
        kw("Stacking"),
        items(item.items, (s: A.StackingItem) =>
          s.kind === "HighestOnly"
            ? kw("HighestOnly")
            : s.kind === "Limit"
              ? clauseItemDoc(s.limit)
              : [kw("Deduct"), " ", exprToDoc(s.value)],
        ),
      );
    case "Clause":
      return block(
        item.span,
        item.labelSpan.line,
        item.title ? `${item.label} ${item.title}` : item.label,
        items(item.items, clauseItemDoc),
      );
    case "Case":
      return caseUnit(item, ix);
    case "Open":
      return {
        ...leaf(item.span, `${kw("Open")} ${item.clauses.map((c) => c.label).join("、")}`),
        compact: true,
      };
    case "Exception":
      return {
        ...leaf(item.span, `${kw("Exception")} ${item.label} ${strText(item.reason)}`),
        compact: true,
      };
    case "Assert":
      return {
        ...leaf(
          item.span,
          `${kw("Assert")} ${assertStatementText(item)}${item.description === undefined ? "" : ` ${strText(item.description)}`}`,
        ),
        compact: true,
      };
    default:
      return assertNever(item);
  }
}

/** The whole file as a list of top-level units (header first). */
export function policyToUnits(p: A.Policy, ix: TokenIndex): Unit[] {
  return [...(p.header ? [headerUnit(p.header, ix)] : []), ...p.items.map((i) => topUnit(i, ix))];
}
