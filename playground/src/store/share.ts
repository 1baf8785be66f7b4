/**
 * Share links carry the source in the URL hash, deflated with the platform's CompressionStream and
 * base64url-encoded. A link is untrusted input: decoding only ever yields a string for the editor,
 * with a size limit so that a crafted link cannot exhaust memory.
 */

const PREFIX_DEFLATE = "#s=";
const PREFIX_PLAIN = "#t=";
/** Decoded sources larger than this are refused. */
export const MAX_SHARED_CHARS = 1_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error("too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The URL hash that carries `source`. */
export async function encodeShare(source: string): Promise<string> {
  const bytes = new TextEncoder().encode(source);
  if (typeof CompressionStream === "undefined") return PREFIX_PLAIN + encodeURIComponent(source);
  const packed = await pipe(bytes, new CompressionStream("deflate-raw"), Infinity);
  return PREFIX_DEFLATE + toBase64Url(packed);
}

/** Whether a hash looks like a share link. */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(PREFIX_DEFLATE) || hash.startsWith(PREFIX_PLAIN);
}

/** The source carried by a share hash, or a Chinese error. */
export async function decodeShare(hash: string): Promise<{ source: string } | { error: string }> {
  try {
    if (hash.startsWith(PREFIX_PLAIN)) {
      const source = decodeURIComponent(hash.slice(PREFIX_PLAIN.length));
      return source.length > MAX_SHARED_CHARS ? { error: "分享链接中的政策过长。" } : { source };
    }
    const bytes = fromBase64Url(hash.slice(PREFIX_DEFLATE.length));
    const raw = await pipe(bytes, new DecompressionStream("deflate-raw"), MAX_SHARED_CHARS * 4);
    const source = new TextDecoder("utf-8", { fatal: true }).decode(raw);
    return source.length > MAX_SHARED_CHARS ? { error: "分享链接中的政策过长。" } : { source };
  } catch {
    return { error: "分享链接已损坏，无法读取其中的政策。" };
  }
}
