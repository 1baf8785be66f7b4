/**
 * Import and export of policy files (.zc, UTF-8 text).
 */

/** Files larger than this are refused on import. */
const MAX_FILE_BYTES = 4_000_000;

/** A safe file name for a policy title. */
export function fileNameFor(title: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "")
    .trim()
    .slice(0, 80);
  return `${base || "政策"}.zc`;
}

/** Offer `source` as a download. */
export function exportFile(source: string, title: string): void {
  const url = URL.createObjectURL(new Blob([source], { type: "text/plain;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileNameFor(title);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Read an imported file as UTF-8 text, or a Chinese error. */
export async function importFile(file: File): Promise<{ source: string } | { error: string }> {
  if (file.size > MAX_FILE_BYTES) return { error: `文件“${file.name}”过大。` };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    return { source: text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n") };
  } catch {
    return { error: `文件“${file.name}”不是 UTF-8 编码的文本。` };
  }
}
