/** Serve `dir` on 127.0.0.1 at a random port. */
export function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }>;
