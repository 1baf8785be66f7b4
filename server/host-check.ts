/**
 * The Host header check that stops DNS rebinding: a web page on another site can make a browser
 * send requests to 127.0.0.1 under the attacker's host name, so only configured names are answered.
 * By default those are localhost, the loopback addresses and the address the service is bound to.
 */
import type { IncomingMessage } from "node:http";

const WILDCARDS = new Set(["", "0.0.0.0", "::", "[::]"]);

/** The host names a service answers to: the configured ones, or the defaults for its bind address. */
export function allowedHosts(
  bindHost: string,
  configured?: readonly string[],
): ReadonlySet<string> {
  const names = configured?.length
    ? configured
    : ["localhost", "127.0.0.1", "::1", ...(WILDCARDS.has(bindHost) ? [] : [bindHost])];
  return new Set(names.map((n) => bare(n.trim().toLowerCase())));
}

/** `[::1]` → `::1`; names compare without brackets and without a trailing dot. */
function bare(name: string): string {
  const unbracketed = name.startsWith("[") && name.endsWith("]") ? name.slice(1, -1) : name;
  return unbracketed.endsWith(".") ? unbracketed.slice(0, -1) : unbracketed;
}

/** The host name of a request's Host header without its port, or undefined when absent/garbled. */
export function requestHost(req: IncomingMessage): string | undefined {
  const raw = req.headers.host;
  if (raw === undefined) return undefined;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]*)(?::\d{1,5})?$/.exec(raw.trim());
  return m ? bare(m[1]!.toLowerCase()) : undefined;
}
