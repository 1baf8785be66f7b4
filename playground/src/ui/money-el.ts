/**
 * Money on the page through the runtime's one display formatter (`moneyText`): 5341.15万元 or
 * 约166.67万元, with the exact value in the element's title (shown on hover, read by screen
 * readers as its description) and in `data-exact`.
 */
import { moneyText } from "../../../runtime/index.js";
export { moneyPlain } from "../../../runtime/index.js";
import { h } from "./dom.js";

/** A span with the display figure; `attrs` go on the span (data-total …). */
export function moneyEl(
  yuan: string,
  attrs: Readonly<Record<string, string>> = {},
  tag: "span" | "strong" = "span",
): HTMLElement {
  const m = moneyText(yuan);
  return h(
    tag,
    { class: "money", title: `精确值：${m.exact}`, attrs: { "data-exact": m.exact, ...attrs } },
    m.text,
  );
}
