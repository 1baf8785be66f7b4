/**
 * The 申报指南 panel: which policy the guideline builds on (a select when the drafter wants another
 * version, or when several match its 基于), the year and window, the clauses open and closed this
 * year, and where each effective value comes from (guideline or policy). Also 新建申报指南.
 */
import "../guideline.css";
import { clauseKeyText, type ClauseKey } from "../../../grammar/index.js";
import type { Analysis, GuidelineInfo, ProvenanceInfo } from "../protocol.js";
import { byId, h, replaceChildren } from "./dom.js";

/** What the panel needs from the page. */
export interface GuidelineActions {
  /** The drafter chose a base ("" = follow the 基于 line). */
  chooseBase(id: string): void;
  /** Try the form on this date (a day inside the window). */
  setDate(iso: string): void;
  /** Move the editor to a line of the guideline. */
  revealLine(line: number): void;
}

const zhDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

const clauses = (ns: readonly ClauseKey[]) => ns.map(clauseKeyText).join("、");

/** The base as the note names it: 内置示例政策《标题》（文号）, never a file name. */
export function baseName(b: NonNullable<GuidelineInfo["base"]>): string {
  const title = b.title ? `《${b.title}》` : "";
  const extra = [b.docNo, b.savedAt ? `保存于 ${b.savedAt}` : ""].filter(Boolean).join("，");
  return `${b.label}${title}${extra ? `（${extra}）` : ""}`;
}

function baseSelect(g: GuidelineInfo, actions: GuidelineActions): HTMLElement {
  // Short option texts: a select cannot wrap, and the panel is narrow (the note below says more).
  const select = h("select", { attrs: { id: "guideline-base", "aria-label": "所依据的政策" } });
  select.append(h("option", { attrs: { value: "" } }, "按“基于”自动选择"));
  for (const c of g.choices) {
    const label = c.matches ? `✓ ${c.label}` : c.label;
    select.append(h("option", { attrs: { value: c.id } }, label));
  }
  select.value = g.explicit && g.base ? g.base.id : "";
  select.addEventListener("change", () => actions.chooseBase(select.value));
  return select;
}

function baseNote(g: GuidelineInfo): HTMLElement | null {
  const matching = g.choices.filter((c) => c.matches).length;
  if (!g.base)
    return h(
      "p",
      { class: "bad", attrs: { "data-base-missing": "true" } },
      g.basedOn
        ? `找不到“${g.basedOn}”：内置示例政策和本浏览器保存的版本中，没有这个文件名、版本名称、标题或文号。请在上方选择政策版本，或先把政策保存为版本。`
        : "申报指南没有写“基于”：请在标题下写 基于 “政策文件.zc”，或在上方选择政策版本。",
    );
  const name = baseName(g.base);
  if (g.explicit) return h("p", { class: "muted" }, `已手动选择：${name}`);
  if (matching > 1)
    return h(
      "p",
      { class: "note", attrs: { "data-ambiguous": String(matching) } },
      `有 ${matching} 个政策版本与“基于”相符（✓），当前使用：${name}。如需改用其他版本，请在上方选择。`,
    );
  return h("p", { class: "muted" }, `当前使用：${name}`);
}

function provenanceItem(p: ProvenanceInfo, actions: GuidelineActions): HTMLElement {
  const fromGuideline = p.origin === "guideline";
  const li = h(
    "li",
    {
      class: `prov prov-${p.origin}`,
      attrs: { "data-origin": p.origin, "data-subject": p.subject },
    },
    h("span", { class: "prov-tag" }, fromGuideline ? "指南" : "政策"),
    ` ${p.subject} `,
    h("strong", {}, p.value),
    fromGuideline ? ` （第${p.line}行）` : ` （政策第${p.line}行）`,
    p.replaced !== undefined ? h("span", { class: "muted" }, ` 政策原为 ${p.replaced}`) : null,
    p.exception ? h("span", { class: "muted" }, ` 例外：${p.exception}`) : null,
  );
  li.title = p.text;
  if (fromGuideline) {
    li.classList.add("clickable");
    li.addEventListener("click", () => actions.revealLine(p.line));
  }
  return li;
}

/** Shows the panel for a guideline and hides it for a policy. */
export class GuidelinePanel {
  private readonly el = byId("guideline-panel");

  constructor(private readonly actions: GuidelineActions) {}

  render(a: Analysis): void {
    const g = a.guideline;
    this.el.hidden = !g;
    if (!g) return replaceChildren(this.el);
    const fromGuideline = g.provenance.filter((p) => p.origin === "guideline");
    const w = g.window;
    const dateBtn = w
      ? h("button", { attrs: { type: "button", id: "btn-window-date" } }, "按申报期首日试算")
      : null;
    dateBtn?.addEventListener("click", () => w && this.actions.setDate(w.from));
    replaceChildren(
      this.el,
      h("h2", {}, "申报指南"),
      h("label", { class: "field-label", attrs: { for: "guideline-base" } }, "所依据的政策"),
      baseSelect(g, this.actions),
      baseNote(g),
      h(
        "div",
        { class: "guideline-when" },
        g.year !== undefined ? `年度：${g.year}　` : "",
        w ? `申报期：${zhDate(w.from)} 至 ${zhDate(w.to)}　` : "未写申报期　",
        dateBtn,
      ),
      g.open.length || g.closed.length
        ? h(
            "div",
            { class: "guideline-open" },
            h(
              "div",
              { attrs: { "data-open": g.open.join(",") } },
              `本年度受理：${clauses(g.open) || "无"}`,
            ),
            g.closed.length
              ? h(
                  "div",
                  { class: "bad", attrs: { "data-closed": g.closed.join(",") } },
                  `本年度不受理：${clauses(g.closed)}`,
                )
              : null,
          )
        : null,
      g.provenance.length
        ? h(
            "details",
            { class: "provenance", attrs: { id: "provenance" } },
            h(
              "summary",
              {},
              `数值来源：${fromGuideline.length} 项来自申报指南，${g.provenance.length - fromGuideline.length} 项沿用政策`,
            ),
            h("ul", {}, ...g.provenance.map((p) => provenanceItem(p, this.actions))),
          )
        : null,
    );
  }
}
