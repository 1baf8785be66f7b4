/**
 * outline → a print-ready HTML page: A4 pages through @page, the fonts of official documents
 * (仿宋 body, 黑体 headings, 小标宋 title) with open fallbacks, a page break before each section.
 * Every piece of policy text is HTML-escaped.
 */
import type { Outline } from "./policy-to-outline.js";

/** Escape text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const CSS = `
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
:root {
  --body: "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋", "Noto Serif CJK SC",
    "Source Han Serif SC", "Songti SC", "SimSun", serif;
  --head: "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
    "Microsoft YaHei", sans-serif;
  --title: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "STZhongsong", "华文中宋", "Noto Serif CJK SC",
    "Source Han Serif SC", "SimSun", serif;
}
html { font-family: var(--body); font-size: 16pt; line-height: 28pt; color: #000; }
body { margin: 0 auto; max-width: 15.6cm; padding: 1cm 0; }
.issuer { text-align: center; font-family: var(--title); font-size: 22pt; line-height: 1.6; color: #c00; }
.docno { text-align: center; margin: 1em 0; }
hr.red { border: 0; border-top: 2px solid #c00; margin: 0 0 2em; }
h1 { font-family: var(--title); font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 1em 0; }
.note { text-align: center; }
h2 { font-family: var(--head); font-size: 16pt; font-weight: normal; margin: 1em 0 0.5em; }
p { text-indent: 2em; margin: 0; text-align: justify; }
p b { font-family: var(--head); font-weight: normal; }
.sign { text-align: right; margin-top: 2em; text-indent: 0; }
section { break-inside: auto; }
section + section { break-before: page; page-break-before: always; }
p { break-inside: avoid; orphans: 2; widows: 2; }
@media screen { body { padding: 2cm; background: #fff; } }
`.trim();

/** Render an outline as a standalone HTML document. */
export function outlineToHtml(o: Outline): string {
  const e = escapeHtml;
  const out: string[] = [];
  out.push("<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">');
  out.push(`<title>${e(o.title)}</title>`, `<style>\n${CSS}\n</style>`, "</head>", "<body>");
  out.push("<header>");
  if (o.issuer) out.push(`<div class="issuer">${e(o.issuer)}</div>`);
  if (o.docNo) out.push(`<div class="docno">${e(o.docNo)}</div>`);
  if (o.issuer || o.docNo) out.push('<hr class="red">');
  out.push(`<h1>${e(o.title)}</h1>`);
  for (const n of o.notes) out.push(`<p class="note">${e(n)}</p>`);
  out.push("</header>");
  for (const s of o.sections) {
    out.push("<section>", `<h2>${e(s.heading)}</h2>`);
    for (const p of s.paragraphs)
      out.push(`<p>${p.lead ? `<b>${e(p.lead)}</b>` : ""}${e(p.text)}</p>`);
    out.push("</section>");
  }
  if (o.issuer || o.date) {
    out.push('<footer class="sign">');
    if (o.issuer) out.push(`<p class="sign">${e(o.issuer)}</p>`);
    if (o.date) out.push(`<p class="sign">${e(o.date)}</p>`);
    out.push("</footer>");
  }
  out.push("</body>", "</html>");
  return out.join("\n") + "\n";
}
