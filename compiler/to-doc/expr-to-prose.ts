/**
 * expression → Chinese prose for documents: names read as the application form describes them,
 * figures as a policy text writes them (200万元, 30%, 2025年12月31日), parameters by their value.
 * Figures come from the same AST values the evaluator computes with.
 */
import { fmtCount, fmtDate, fmtMoney, fmtRate, fmtRatio, RANK_UNIT } from "../../runtime/format.js";
import { Dec } from "../../runtime/money.js";
import type { BracketRow, Expr, HistoryQuery, Policy, TableRow } from "../../grammar/ast.js";
import { assertNever, itemsOf } from "../../grammar/ast.js";
import { clauseKeyText } from "../../grammar/clause-ids.js";
import { children } from "../walk.js";

/** What prose needs to know about the names a policy declares. */
export class ProseContext {
  private readonly phrases = new Map<string, string>();
  private readonly params = new Map<string, Expr | undefined>();
  private readonly dated = new Map<string, readonly { from: string; value: Expr }[]>();
  private readonly bools = new Set<string>();
  private readonly defines = new Map<string, Expr>();
  /** Whether a definition with figures reads with them (set in amount positions). */
  private withFigures = false;

  constructor(policy: Policy) {
    for (const d of itemsOf(policy, "Inputs").flatMap((s) => s.decls)) {
      if (d.description) this.phrases.set(d.name, plain(d.description));
      if (d.type.kind === "bool") this.bools.add(d.name);
    }
    for (const d of itemsOf(policy, "Define")) {
      this.defines.set(d.name, d.expr);
      if (d.description) this.phrases.set(d.name, plain(d.description));
    }
    for (const d of itemsOf(policy, "Params").flatMap((s) => s.decls)) {
      this.params.set(d.name, d.value);
      if (d.byDate?.length) this.dated.set(d.name, d.byDate);
      if (d.description) this.phrases.set(d.name, plain(d.description));
    }
  }

  /**
   * The same context for an amount or a cap: a definition whose value has figures reads with
   * them, `累计支持额度（首次获得认定的为300万元，否则为200万元）`, so no figure hides behind a name.
   */
  amounts(): ProseContext {
    const cx = Object.create(this) as ProseContext;
    cx.withFigures = true;
    return cx;
  }

  /** How a name reads in prose: its description without a leading `第N条：`, else the name. */
  phrase(name: string): string {
    const def = this.withFigures ? this.defines.get(name) : undefined;
    if (def && hasFigure(def))
      return `${this.phrases.get(name) ?? name}（${exprToProse(def, this)}）`;
    const p = this.params.get(name);
    const dated = (this.dated.get(name) ?? [])
      .map((d) => `自${fmtDate(d.from)}起为${exprToProse(d.value, this)}`)
      .join("，");
    if (p) return dated ? `${exprToProse(p, this)}（${dated}）` : exprToProse(p, this);
    if (dated) return `${this.phrases.get(name) ?? name}（${dated}）`;
    if (this.params.has(name)) return `${this.phrases.get(name) ?? name}（待定，由申报指南确定）`;
    return this.phrases.get(name) ?? name;
  }

  /** Whether a name is a yes/no fact (it reads as a condition by itself). */
  isBool(name: string): boolean {
    return this.bools.has(name);
  }
}

/** Whether an expression writes a figure (an amount, a ratio, a count or a rate) itself. */
function hasFigure(e: Expr): boolean {
  if (e.kind === "Money" || e.kind === "Percent" || e.kind === "Number" || e.kind === "Rate")
    return true;
  return children(e).some(hasFigure);
}

/** A description as prose: without the `第7条：` that ties it to a clause. */
function plain(s: string): string {
  return s.replace(/^第[0-9一二三四五六七八九十百]+条[：:]\s*/, "");
}

/** A figure as the text writes it. */
export function figure(e: Expr): string | undefined {
  switch (e.kind) {
    case "Money":
      return fmtMoney(new Dec(e.value));
    case "Percent":
      return fmtRatio(new Dec(e.value));
    case "Number":
      // a place reads as the text writes it: 第10名, 前十名
      return e.unit === RANK_UNIT ? e.text : fmtCount(new Dec(e.value), e.unit ?? "");
    case "Rate":
      return fmtRate(new Dec(e.value), e.unit);
    case "DateLit":
      return fmtDate(e.value);
    default:
      return undefined;
  }
}

/** History queries in the document's words (the same project's awards under this clause). */
const HISTORY_PROSE = {
  yearsPaid: "同一项目此前获得本条资助的年数",
  paidLastYear: "同一项目上一年度获得本条资助",
  received: "同一项目此前累计获得的本条资助",
  baseUsed: "同一项目此前各笔本条资助已用的计算基数",
  supportYear: "同一项目获本条支持的年度序号",
} as const satisfies Readonly<Record<HistoryQuery, string>>;

const BIND: Partial<Record<Expr["kind"], number>> = { Logic: 1, If: 0, Not: 3 };

/** An expression in Chinese prose. */
export function exprToProse(e: Expr, cx: ProseContext): string {
  const p = (x: Expr) => exprToProse(x, cx);
  const wrap = (x: Expr) => ((BIND[x.kind] ?? 9) < 2 ? `（${p(x)}）` : p(x));
  switch (e.kind) {
    case "Money":
    case "Percent":
    case "Number":
    case "Rate":
    case "DateLit":
      return figure(e)!;
    case "Bool":
      return e.value ? "是" : "否";
    case "Str":
      return `“${e.value}”`;
    case "Name":
      return cx.phrase(e.name);
    case "ClauseAmount":
      return `本政策${clauseKeyText(e.clause)}支持金额`;
    case "AppDate":
      return "申报日期";
    case "Binary": {
      // `设备投资 × 10%` reads as a share: 设备投资的10%.
      if (e.op === "*" && e.right.kind === "Percent") return `${wrap(e.left)}的${p(e.right)}`;
      const op = { "+": "加", "-": "减去", "*": "乘以", "/": "除以" }[e.op];
      return `${wrap(e.left)}${op}${wrap(e.right)}`;
    }
    case "Neg":
      return `负${wrap(e.operand)}`;
    case "Compare":
      return `${p(e.left)}${/^[<>=!≥≤≠]/.test(e.word) ? compareWord(e.op) : e.word}${p(e.right)}`;
    case "InSet":
      return `${p(e.subject)}${e.negated ? "不属于" : "为"}${e.values.map((v) => v.name).join(e.negated ? "、" : "或")}`;
    case "Logic":
      return e.op === "and"
        ? `${wrap(e.left)}，且${wrap(e.right)}`
        : `${wrap(e.left)}或${wrap(e.right)}`;
    case "Not":
      return `并非${wrap(e.operand)}`;
    case "If":
      return `${p(e.cond)}的为${p(e.then)}，否则为${p(e.else)}`;
    case "Call": {
      const args = e.args.map(p);
      if (e.fn === "max" || e.fn === "min") return choiceProse(e.fn, e.args, args);
      if (e.fn === "year") return `${args[0]}所在年份`;
      return `${args[0]}至${args[1]}的天数`;
    }
    case "Sum": {
      const only = e.only ? `（限${e.only.map((n) => n.name).join("、")}）` : "";
      const years = e.from && e.to ? `${p(e.from)}至${p(e.to)}` : "";
      return `${years}${cx.phrase(e.target.name)}${only}合计`;
    }
    case "Table":
      return tableProse(e.keys, e.rows, e.otherwise, cx, "");
    case "Brackets":
      return `按${p(e.subject)}分档：${e.rows.map((r) => `${bracketProse(r, cx)}的，${p(r.value)}`).join("；")}`;
    case "Record":
      return e.entries.map((x) => `${x.key}${p(x.value)}`).join("、");
    case "History":
      return HISTORY_PROSE[e.query];
    default:
      return assertNever(e);
  }
}

/**
 * 就高/就低 of several figures: `甲与乙中的较高者`; when an argument reads as several cases (a table,
 * brackets, 如果), the arguments are listed after a colon and separated by ；.
 */
function choiceProse(fn: "max" | "min", args: readonly Expr[], prose: readonly string[]): string {
  const which = fn === "max" ? "较高者" : "较低者";
  const cases = args.some((a) => a.kind === "Table" || a.kind === "Brackets" || a.kind === "If");
  if (!cases) return `${prose.join("与")}中的${which}`;
  return `下列${prose.length === 2 ? "两项" : "各项"}中的${which}：${prose.join("；")}`;
}

/** `按项目级别：区级不超过200万元，市级不超过500万元`; `lead` goes before each row's value. */
export function tableProse(
  keys: readonly Expr[],
  rows: readonly TableRow[],
  otherwise: Expr | undefined,
  cx: ProseContext,
  lead: string,
): string {
  const cells = rows.map(
    (r) => `${r.keys.map((k) => k.name).join("")}${lead}${exprToProse(r.value, cx)}`,
  );
  if (otherwise) cells.push(`其他${lead}${exprToProse(otherwise, cx)}`);
  return `按${keys.map((k) => exprToProse(k, cx)).join("、")}：${cells.join("，")}`;
}

/** A bracket's range in words: `1亿元以上不满5亿元`. */
function bracketProse(r: BracketRow, cx: ProseContext): string {
  if (r.otherwise) return "其他情形";
  if (r.range && r.lower && r.upper)
    return `${exprToProse(r.lower.value, cx)}至${exprToProse(r.upper.value, cx)}`;
  const parts: string[] = [];
  for (const b of [r.lower, r.upper]) {
    if (!b) continue;
    const v = exprToProse(b.value, cx);
    const prefix =
      /^(超过|大于|高于|多于|不低于|不少于|达到|不小于|低于|少于|小于|不满|不足|不超过|不高于|不多于|不大于)$/;
    parts.push(prefix.test(b.word) ? `${b.word}${v}` : `${v}${b.word}`);
  }
  return parts.join("、");
}

function compareWord(op: string): string {
  return (
    {
      gt: "超过",
      ge: "不低于",
      lt: "低于",
      le: "不超过",
      eq: "等于",
      ne: "不等于",
    }[op] ?? op
  );
}
