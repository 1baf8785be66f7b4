/**
 * 新建申报指南: the text of a new guideline draft built on a policy. The header names the policy
 * (基于), the year and a window inside the policy's validity; an 开放 line lists every clause for
 * the drafter to prune; parameters the policy leaves 待定 are listed for the guideline to set.
 */
import { itemsOf, typeText, type Policy } from "../../../grammar/index.js";

const zhDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

const quote = (s: string) => `“${s.replace(/[“”"\n]/g, "")}”`;

/** The year a new guideline covers: this year, kept inside the policy's validity. */
export function guidelineYear(policy: Policy, today: string): number {
  const h = policy.header;
  let year = Number(today.slice(0, 4));
  if (h?.validTo) year = Math.min(year, Number(h.validTo.slice(0, 4)));
  if (h?.validFrom) year = Math.max(year, Number(h.validFrom.slice(0, 4)));
  return year;
}

/** A window of 3月1日 to 4月30日 of `year`, cut to the policy's validity. */
function window(policy: Policy, year: number): { from: string; to: string } {
  const h = policy.header;
  const lo = h?.validFrom ?? `${year}-01-01`;
  const hi = h?.validTo ?? `${year}-12-31`;
  const max = (a: string, b: string) => (a > b ? a : b);
  const min = (a: string, b: string) => (a < b ? a : b);
  const from = max(`${year}-03-01`, lo);
  let to = min(`${year}-04-30`, hi);
  if (to < from) to = min(`${year}-12-31`, hi);
  return { from, to };
}

/** The guideline draft's text; `ref` is what its 基于 names. */
export function newGuidelineText(policy: Policy, ref: string, today: string): string {
  const h = policy.header;
  const title = h?.title ?? "政策";
  const year = guidelineYear(policy, today);
  const w = window(policy, year);
  const unset = itemsOf(policy, "Params")
    .flatMap((s) => s.decls)
    .filter((d) => !d.value && !d.byDate?.length);
  const clauses = itemsOf(policy, "Clause").map((c) => c.label);
  const lines = [
    `# ${year}年度申报指南（草稿）：依据《${title}》${h?.docNo ? `（${h.docNo}）` : ""}编写。`,
    "# 可以：设定政策留待指南确定的参数，设定年度和申报期，只开放部分条款，增加条件，",
    "# 降低比例和上限（提高须写 例外 及理由），增加类别，写本年度的案例。",
    `申报指南 ${year}年度${title.replace(/[\n]/g, "")}申报指南`,
    `  基于 ${quote(ref)}`,
    `  # 发布时填写：文号 “…〔${year}〕…号”、发布日期 ${year}年…月…日`,
    ...(h?.issuer ? [`  发布机关 ${quote(h.issuer)}`] : []),
    `  年度 ${year}`,
    `  申报期 ${zhDate(w.from)} 至 ${zhDate(w.to)}`,
    "",
  ];
  if (unset.length) {
    lines.push("参数");
    for (const d of unset) {
      lines.push(
        `  # 请填写：政策未定，由本指南设定。写作 ${d.name} ${typeText(d.type)} = 数值`,
        `  ${d.name} ${typeText(d.type)} 待定${d.description ? ` ${quote(d.description)}` : ""}`,
      );
    }
    lines.push("");
  }
  if (clauses.length) {
    lines.push("# 本年度受理的条款：删去本年度不受理的条款。", `开放 ${clauses.join("、")}`, "");
  }
  lines.push(
    "# 调整某一条时写出条号和调整的内容，例如：",
    "# 第1条",
    "#   上限 150万",
    "",
    "# ---------------------------------------------------------------- 案例",
    "",
  );
  return lines.join("\n");
}
