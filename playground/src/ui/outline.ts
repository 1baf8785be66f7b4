/**
 * The outline of clauses beside the editor, and the list of problems below it. Clicking an entry
 * moves the editor there.
 */
import type { ClauseInfo, Diagnostic, Span } from "../protocol.js";
import { byId, h, replaceChildren } from "./dom.js";

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;

/** Show the clauses; `reveal` moves the editor to a span. */
export function renderOutline(clauses: readonly ClauseInfo[], reveal: (s: Span) => void): void {
  const el = byId("outline-list");
  if (!clauses.length) {
    replaceChildren(el, h("li", { class: "muted" }, "暂无条款"));
    return;
  }
  replaceChildren(
    el,
    ...clauses.map((c) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            attrs: {
              type: "button",
              "data-outline": String(c.number),
              ...(c.broken ? { "data-broken": "" } : {}),
            },
            on: { click: () => reveal(c.labelSpan) },
          },
          h("span", { class: "clause-label" }, c.label),
          " ",
          c.title,
          // Kept in the list while it is being fixed; not compiled until then.
          c.broken ? h("span", { class: "clause-broken" }, "（有语法错误，暂不计算）") : null,
        ),
      ),
    ),
  );
}

/** Show the diagnostics as a clickable list with line and column. */
export function renderProblems(ds: readonly Diagnostic[], reveal: (s: Span) => void): void {
  const el = byId("problems");
  const errors = ds.filter((d) => d.severity === "error").length;
  byId("problems-count").textContent = ds.length
    ? `${errors} 个错误，${ds.length - errors} 个警告/提示`
    : "没有问题";
  replaceChildren(
    el,
    ...ds.map((d) =>
      h(
        "li",
        { class: `problem ${d.severity}`, attrs: { "data-code": d.code } },
        h(
          "button",
          { attrs: { type: "button" }, on: { click: () => reveal(d.span) } },
          h("span", { class: "where" }, `第${d.span.line}行第${d.span.col}列`),
          h("span", { class: "sev" }, `${SEVERITY_ZH[d.severity]} ${d.code}`),
          h("span", { class: "msg" }, d.message),
          d.help ? h("span", { class: "help" }, `提示：${d.help}`) : null,
        ),
      ),
    ),
  );
}
