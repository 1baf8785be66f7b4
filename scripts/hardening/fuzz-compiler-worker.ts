/**
 * A worker of the compiler fuzz run: checks cases [from, to) and publishes the case it is on in
 * shared memory, so that the main thread can tell a hang from slow progress.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkCompile } from "../../test/fuzz/check-compile.js";
import { policySource } from "../../test/fuzz/policy-source.js";

const { corpus, seed, from, to, progress, slot } = workerData as {
  corpus: string[];
  seed: number;
  from: number;
  to: number;
  progress: SharedArrayBuffer;
  slot: number;
};
const current = new Int32Array(progress);
for (const src of corpus) checkCompile(src); // warm up: the first compile builds the parser
let compiled = 0;
let slowest = 0;
let totalMs = 0;
for (let i = from; i < to; i++) {
  Atomics.store(current, slot, i);
  const c = checkCompile(policySource(corpus, seed, i));
  if (c.ok) compiled++;
  slowest = Math.max(slowest, c.ms);
  totalMs += c.ms;
  for (const p of c.problems) parentPort!.postMessage({ kind: "problem", text: `#${i}: ${p}` });
}
parentPort!.postMessage({ kind: "done", compiled, slowest, totalMs, count: to - from });
