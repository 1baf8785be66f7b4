/**
 * Loading the Z3 solver (the official wasm build, `z3-solver`) once, only when a proof is asked
 * for: `zhengce eval`, the service and the playground never load it otherwise.
 */
import type { Arith, Bool, Context } from "z3-solver";

export type Z = Context<"main">;
export type ZArith = Arith<"main">;
export type ZBool = Bool<"main">;

interface Loaded {
  readonly z: Z;
  readonly close: () => Promise<void>;
}

let loading: Promise<Loaded> | undefined;

/** The shared Z3 context (initialised on first use, ≈ 0.2–0.6 s). */
export async function solverContext(): Promise<Z> {
  loading ??= (async () => {
    const mod = await import("z3-solver");
    const api = await mod.init();
    return { z: api.Context("main"), close: () => mod.killThreads(api.em) };
  })();
  return (await loading).z;
}

/** Stop Z3's worker threads so that a command can exit; the next proof loads it again. */
export async function closeSolver(): Promise<void> {
  if (!loading) return;
  const l = await loading;
  loading = undefined;
  await l.close();
}
