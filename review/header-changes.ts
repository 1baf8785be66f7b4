/**
 * Changes of the policy header: validity (有效期 延长至 …), effective date, rounding, repeal,
 * application window, and the document's title, number, issuer and dates.
 */
import type { Header } from "../grammar/ast.js";
import { fmtDate } from "../runtime/format.js";
import { roundingWords } from "../grammar/words.js";
import { change, type Change } from "./change.js";

const HERE = {};
const span = (h: Header | undefined, key: "oldSpan" | "newSpan") => (h ? { [key]: h.span } : {});
const range = (from?: string, to?: string) =>
  `${from ? fmtDate(from) : "发布之日"} 至 ${to ? fmtDate(to) : "长期"}`;

function validityChanges(a: Header | undefined, b: Header | undefined): Change[] {
  const out: Change[] = [];
  const spans = { ...span(a, "oldSpan"), ...span(b, "newSpan") };
  const before = range(a?.validFrom, a?.validTo);
  const after = range(b?.validFrom, b?.validTo);
  const ta = a?.validTo;
  const tb = b?.validTo;
  if (ta !== tb) {
    const text = !tb
      ? `有效期 取消截止日期（原至${fmtDate(ta!)}）`
      : !ta
        ? `有效期 截止于 ${fmtDate(tb)}（原未设截止日期）`
        : `有效期 ${tb > ta ? "延长" : "缩短"}至 ${fmtDate(tb)}`;
    out.push(
      change(HERE, "validity", "rule", { subject: "有效期", before, after, text, ...spans }),
    );
  }
  const va = a?.validFor?.name;
  const vb = b?.validFor?.name;
  if (va !== vb) {
    const text = !vb
      ? `有效期 改为约束申报日期（原适用于${va}）`
      : !va
        ? `有效期 改为适用于${vb}（原约束申报日期）`
        : `有效期 改为适用于${vb}（原适用于${va}）`;
    out.push(
      change(HERE, "validity", "rule", {
        subject: "有效期适用于",
        before: va ?? "申报日期",
        after: vb ?? "申报日期",
        text,
        ...spans,
      }),
    );
  }
  const fa = a?.validFrom;
  const fb = b?.validFrom;
  if (fa !== fb) {
    const text = !fb
      ? `生效日期 取消（原自${fmtDate(fa!)}起）`
      : !fa
        ? `生效日期 定为 ${fmtDate(fb)}`
        : `生效日期 ${fb > fa ? "推迟" : "提前"}至 ${fmtDate(fb)}`;
    out.push(
      change(HERE, "validity", "rule", { subject: "生效日期", before, after, text, ...spans }),
    );
  }
  return out;
}

/** Changes between two policy headers. */
export function headerChanges(a: Header | undefined, b: Header | undefined): Change[] {
  const out = validityChanges(a, b);
  const spans = { ...span(a, "oldSpan"), ...span(b, "newSpan") };
  const text = (subject: string, x?: string, y?: string) => {
    if ((x ?? "") === (y ?? "")) return;
    out.push(
      change(HERE, "header", "text", {
        subject,
        before: x ? x : "（无）",
        after: y ? y : "（无）",
        ...spans,
      }),
    );
  };
  text("标题", a?.title, b?.title);
  text("文号", a?.docNo, b?.docNo);
  text("发布机关", a?.issuer, b?.issuer);
  text("发布日期", a?.published && fmtDate(a.published), b?.published && fmtDate(b.published));
  text("依据政策", a?.basedOn, b?.basedOn);
  text("资金来源（各条默认）", a?.payer, b?.payer);
  if ((a?.form ?? "policy") !== (b?.form ?? "policy"))
    text(
      "文件类型",
      a?.form === "guideline" ? "申报指南" : "政策",
      b?.form === "guideline" ? "申报指南" : "政策",
    );
  const rounding = (h?: Header) => Object.values(roundingWords(h?.rounding)).join("");
  const ra = rounding(a);
  const rb = rounding(b);
  if (ra !== rb)
    out.push(
      change(HERE, "rounding", "rule", { subject: "舍入", before: ra, after: rb, ...spans }),
    );
  const rp = (h?: Header) =>
    h?.repeal
      ? `自${fmtDate(h.repeal.date)}起废止${h.repeal.basis ? `（依据${h.repeal.basis}）` : ""}`
      : "";
  if (rp(a) !== rp(b)) {
    const t = !rp(a) ? `新增废止：${rp(b)}` : !rp(b) ? `取消废止（原${rp(a)}）` : undefined;
    out.push(
      change(HERE, "repeal", "rule", {
        subject: "废止",
        before: rp(a) || "（无）",
        after: rp(b) || "（无）",
        ...(t ? { text: t } : {}),
        ...spans,
      }),
    );
  }
  const win = (h?: Header) => (h?.window ? range(h.window.from, h.window.to) : "");
  if (win(a) !== win(b))
    out.push(
      change(HERE, "window", "rule", {
        subject: "申报期",
        before: win(a) || "（不限）",
        after: win(b) || "（不限）",
        ...spans,
      }),
    );
  return out;
}
