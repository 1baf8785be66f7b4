/**
 * A reviewer's properties across two versions, proven or refuted with a witness both compiled
 * versions evaluate: 无人减少 (no application's total falls), 无人增加, 合计增加不超过 X,
 * 合计减少不超过 X, 只影响 第5条 (every other clause's own amount unchanged for every valid
 * application). Written in Chinese, several separated by ；. What the diff's proof already shows
 * is reused; a bound beyond the largest gain found is asked of the solver on its own.
 */
import { Dec, readAmountText } from "../../runtime/index.js";
import { MONEY, type Outcome } from "./clause-to-term.js";
import { direction, type Extreme } from "./extremes.js";
import type { VersionTerms } from "./policy-to-term.js";
import type { Ctx, ProvedTarget } from "./prove-diff.js";
import { money } from "./prove-diff.js";
import type { Witness } from "./regions.js";
import { late } from "./targets.js";
import type { ZBool } from "./z3.js";

export type ReviewProperty =
  | { readonly kind: "noLoss" }
  | { readonly kind: "noGain" }
  /** The total rises (falls) by at most `amount` 元 for any one application. */
  | { readonly kind: "gainAtMost" | "lossAtMost"; readonly amount: string }
  /** Only these clauses (as written: 第5条, 第3条之一) change their own amounts. */
  | { readonly kind: "onlyAffects"; readonly clauses: readonly string[] };

export type PropertyStatus = "proven" | "refuted" | "timeout" | "untranslated" | "mismatch";

export interface PropertyResult {
  /** The property in words: 无人减少, 合计增加不超过 300万元 … */
  readonly property: string;
  readonly status: PropertyStatus;
  /** One line in Chinese: 已证明：… / 不成立：… / 未能证明：… */
  readonly text: string;
  readonly witness?: Witness;
}

const CLAUSE =
  /第[0-9零〇一二两三四五六七八九十百]+条(?:之[一二三四五六七八九十]+|（[一二三四五六七八九十]+）)?/gu;

/** Properties from text (separated by ；, ; or new lines), or the errors in Chinese. */
export function parseProperties(text: string): { properties: ReviewProperty[]; errors: string[] } {
  const properties: ReviewProperty[] = [];
  const errors: string[] = [];
  for (const raw of text.split(/[；;\n]/u)) {
    const s = raw.replace(/\s+/gu, "");
    if (!s) continue;
    if (/^(无人|没有申报|没有人|不会有人)(的合计)?减少$/u.test(s))
      properties.push({ kind: "noLoss" });
    else if (/^(无人|没有申报|没有人|不会有人)(的合计)?增加$/u.test(s))
      properties.push({ kind: "noGain" });
    else if (/^(合计)?(增加|减少)(不超过|至多|最多)/u.test(s)) {
      const m = /^(?:合计)?(增加|减少)(?:不超过|至多|最多)(.+)$/u.exec(s)!;
      const a = readAmountText(m[2]!);
      const value = a && new Dec(a.digits).times(new Dec(10).pow(a.power));
      if (!value || value.isNeg() || value.decimalPlaces() > 2)
        errors.push(`“${raw.trim()}”中的金额“${m[2]}”应为不小于 0、精确到分的金额（如 300万）`);
      else
        properties.push({
          kind: m[1] === "增加" ? "gainAtMost" : "lossAtMost",
          amount: value.toFixed(),
        });
    } else if (/^只影响/u.test(s)) {
      const rest = s.slice(3);
      const clauses = rest.match(CLAUSE) ?? [];
      if (!clauses.length || rest.replace(CLAUSE, "").replace(/[、，,和与及]/gu, "") !== "")
        errors.push(`“${raw.trim()}”应写作 只影响 第5条（多条用“、”分开）`);
      else properties.push({ kind: "onlyAffects", clauses });
    } else
      errors.push(
        `无法理解的性质“${raw.trim()}”（可用：无人减少、无人增加、合计增加不超过 金额、合计减少不超过 金额、只影响 第N条）`,
      );
  }
  return { properties, errors };
}

/** A property in words. */
export function propertyText(p: ReviewProperty): string {
  switch (p.kind) {
    case "noLoss":
      return "无人减少";
    case "noGain":
      return "无人增加";
    case "gainAtMost":
      return `合计增加不超过 ${money(p.amount)}`;
    case "lossAtMost":
      return `合计减少不超过 ${money(p.amount)}`;
    case "onlyAffects":
      return `只影响 ${p.clauses.join("、")}`;
  }
}

/** What the properties are checked against: the diff's targets and the total's terms. */
export interface PropertyFacts {
  readonly targets: readonly ProvedTarget[];
  readonly identical: readonly string[];
  /** Each clause pair: its key (第5条, or 原第7条 for a removed one) and its target's label. */
  readonly clauses: readonly { readonly key: string; readonly label: string }[];
  readonly ta: VersionTerms;
  readonly tb: VersionTerms;
  readonly lemmas: readonly ZBool[];
}

/** Check each property; what the proof already settled costs no query. */
export async function checkProperties(
  cx: Ctx,
  properties: readonly ReviewProperty[],
  f: PropertyFacts,
): Promise<PropertyResult[]> {
  const out: PropertyResult[] = [];
  for (const p of properties) {
    const property = propertyText(p);
    const r = p.kind === "onlyAffects" ? onlyAffects(p.clauses, f) : await bounded(cx, p, f);
    out.push({ property, ...r });
  }
  return out;
}

type Verdict = Omit<PropertyResult, "property">;

const UNKNOWN: Verdict = { status: "timeout", text: "未能在时限内证明或否定" };

function onlyAffects(clauses: readonly string[], f: PropertyFacts): Verdict {
  const listed = new Set(clauses);
  const others = f.clauses.filter((c) => !listed.has(c.key) && !listed.has(c.label));
  const unknown = clauses.filter((c) => !f.clauses.some((x) => x.key === c || x.label === c));
  if (unknown.length) return { status: "untranslated", text: `两版都没有${unknown.join("、")}` };
  const open: string[] = [];
  for (const c of others) {
    if (f.identical.includes(c.label)) continue;
    const t = f.targets.find((x) => x.target === c.label);
    if (!t || t.status === "proven") continue;
    const w = t.regions[0]?.witness;
    if (t.status === "differs" && w)
      return {
        status: "refuted",
        text: `不成立：${c.label}本身的金额也会变（例中原版 ${w.before.text} → 新版 ${w.after.text}）`,
        witness: w,
      };
    open.push(c.label);
  }
  if (open.length)
    return { status: "timeout", text: `未能证明：${open.join("、")}只做了抽样（${UNKNOWN.text}）` };
  return {
    status: "proven",
    text: `已证明：除${clauses.join("、")}外，各条本身的金额（叠加规则之前）对任何申报都不变`,
  };
}

const refutedBy = (e: Extreme, word: string): Verdict => ({
  status: "refuted",
  text: `不成立：有申报的合计${word} ${money(e.delta.replace(/^-/, ""))}（原版 ${e.witness.before.text} → 新版 ${e.witness.after.text}）`,
  witness: e.witness,
});

/** 无人减少/无人增加 and the bounds on the total's move. */
async function bounded(
  cx: Ctx,
  p: Exclude<ReviewProperty, { kind: "onlyAffects" }>,
  f: PropertyFacts,
): Promise<Verdict> {
  const total = f.targets.find((t) => t.target === "合计");
  const up = p.kind === "noGain" || p.kind === "gainAtMost";
  const word = up ? "增加" : "减少";
  const bound = p.kind === "gainAtMost" || p.kind === "lossAtMost" ? p.amount : "0";
  const limitText = bound === "0" ? `已证明：没有申报的合计${word}` : "";
  if (!total || total.status === "untranslated" || total.status === "mismatch")
    return {
      status: total?.status === "mismatch" ? "mismatch" : "untranslated",
      text: `未作证明：${total?.text ?? "合计未翻译为求解器约束"}`,
    };
  const none = up ? total.noGain : total.noLoss;
  const proven: Verdict = {
    status: "proven",
    text: limitText || `已证明：任何申报的合计${word}都不超过 ${money(bound)}`,
  };
  if (none) return proven;
  const found = up ? total.gain : total.loss;
  const delta = found && new Dec(found.delta).abs();
  if (found && delta!.gt(bound)) return refutedBy(found, word);
  if (found?.largest) return proven;
  // not settled by the proof: one query of its own (the total's terms are in the context)
  if (!f.ta.total || !f.tb.total || late(cx)) return UNKNOWN;
  const t = cx.d.terms;
  const o: Outcome = { status: t.int(MONEY), amount: f.ta.total };
  const n: Outcome = { status: t.int(MONEY), amount: f.tb.total };
  const r = await direction(cx, o, n, up ? "gain" : "loss", f.lemmas, false, bound);
  if (r === "none") return proven;
  if (r === "unknown") return UNKNOWN;
  if ("mismatch" in r) return { status: "mismatch", text: `未作证明：${r.mismatch}` };
  return refutedBy(r, word);
}
