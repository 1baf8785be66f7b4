/**
 * Turning a plan into a compiled policy, and loading the factory script the compiler emits for
 * the playground and the CLI (the same code as the TypeScript module, without type annotations).
 */
import * as rt from "./rt.js";
import { run, type Plan } from "./run.js";
import type { CompiledPolicy, EvaluateOptions } from "./types.js";

/** Wrap a generated plan as a {@link CompiledPolicy}. */
export function definePolicy(plan: Plan, schema: Record<string, unknown>): CompiledPolicy {
  return {
    meta: plan.meta,
    schema,
    evaluate: (application: unknown, options?: EvaluateOptions) => run(plan, application, options),
  };
}

/** Instantiate the factory script from `compile(...).js`. The script only sees the runtime. */
export function loadPolicy(js: string): CompiledPolicy {
  const factory = new Function("rt", `"use strict";\n${js}`) as (r: typeof rt) => CompiledPolicy;
  return factory(rt);
}
