/**
 * Where each effective value of a guideline comes from: the policy's clause or the guideline's
 * item, with what the guideline replaced.
 */

export interface Provenance {
  /** What the value is: `第5条 上限`, `参数 服务企业数量要求`, `申报期`. */
  readonly subject: string;
  /** The effective value, in the language's own text. */
  readonly value: string;
  /** 政策 or 申报指南. */
  readonly origin: "policy" | "guideline";
  /** 1-based line of the value in its file. */
  readonly line: number;
  /** The policy's value the guideline replaced, when it replaced one. */
  readonly replaced?: string;
  /** 例外: the reason the guideline may go beyond the policy here. */
  readonly exception?: string;
}

/** One provenance entry as a Chinese line: `第5条 上限 150万（申报指南第12行；政策原为 200万）`. */
export function provenanceText(p: Provenance): string {
  const from = p.origin === "guideline" ? `申报指南第${p.line}行` : `政策第${p.line}行`;
  const was = p.replaced !== undefined ? `；政策原为 ${p.replaced}` : "";
  const exc = p.exception ? `；例外：${p.exception}` : "";
  return `${p.subject} ${p.value}（${from}${was}${exc}）`;
}
