/**
 * The language reference tab, generated from the keyword table: every keyword by category with
 * its meaning, other spellings and an example. A drafter new to the language starts here.
 */
import { KEYWORDS, type KeywordCategory } from "../../../grammar/index.js";
import { CATEGORY_ZH } from "../../../language/index.js";
import { byId, h, replaceChildren } from "./dom.js";

const ORDER: readonly KeywordCategory[] = [
  "section",
  "header",
  "type",
  "statement",
  "award",
  "step",
  "operator",
  "bound",
  "function",
  "literal",
];

/** Fill #reference once; the table does not change while the page runs. */
export function renderReference(): void {
  const sections = ORDER.map((cat) => {
    const kws = KEYWORDS.filter((k) => k.category === cat);
    if (!kws.length) return null;
    return h(
      "section",
      { class: "ref-section" },
      h("h3", {}, CATEGORY_ZH[cat]),
      h(
        "dl",
        {},
        ...kws.flatMap((k) => [
          h(
            "dt",
            { attrs: { "data-keyword": k.name } },
            k.spellings[0],
            k.spellings.length > 1
              ? h("span", { class: "muted" }, `（也作 ${k.spellings.slice(1).join("、")}）`)
              : null,
          ),
          h("dd", {}, k.doc, h("pre", { class: "example" }, k.example)),
        ]),
      ),
    );
  });
  replaceChildren(byId("reference"), ...sections);
}
