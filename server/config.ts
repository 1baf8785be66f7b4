/**
 * The service's settings and their defaults. Limits bound every request: body size, JSON depth,
 * batch size, ledger size, and how long a client may take to send headers and body.
 */

export interface ServiceConfig {
  /** Largest request body in bytes (default 1 MB). */
  readonly maxBodyBytes: number;
  /** Deepest JSON nesting (default 32). */
  readonly maxDepth: number;
  /** Most applications in one batch (default 1000). */
  readonly maxBatch: number;
  /** Most prior awards in one request's ledger (default 10000). */
  readonly maxLedger: number;
  /** Time allowed to send the request headers (default 5 s). */
  readonly headersTimeoutMs: number;
  /** Time allowed to send the whole request (default 10 s). */
  readonly requestTimeoutMs: number;
  /** Idle time before a kept-alive connection is closed (default 5 s). */
  readonly keepAliveTimeoutMs: number;
  /** A changed file is read once it has been quiet this long, twice over (default 100 ms). */
  readonly settleMs: number;
  /** Interval of the stat fallback that notices changes fs.watch missed (default 1 s). */
  readonly pollMs: number;
  /** Use fs.watch in addition to polling (default true). */
  readonly watch: boolean;
  /**
   * Longest a policy file may take to compile (default 10 s). Files compile in a worker thread, so
   * requests are answered meanwhile; a compile past the limit is stopped and reported (E034), and
   * the last good version keeps serving.
   */
  readonly compileTimeoutMs: number;
  /** Keep each policy's last good source here, to serve it after a restart if the file is broken. */
  readonly stateDir?: string;
  /**
   * Host names the service answers to (the Host header, without port); others get 421. Default:
   * localhost, 127.0.0.1, ::1 and the bind address. Guards against DNS rebinding.
   */
  readonly allowedHosts?: readonly string[];
}

/** The default settings. */
export const DEFAULT_CONFIG: ServiceConfig = {
  maxBodyBytes: 1024 * 1024,
  maxDepth: 32,
  maxBatch: 1000,
  maxLedger: 10000,
  headersTimeoutMs: 5000,
  requestTimeoutMs: 10000,
  keepAliveTimeoutMs: 5000,
  settleMs: 100,
  pollMs: 1000,
  watch: true,
  compileTimeoutMs: 10_000,
};
