/**
 * The service's compile worker thread: answers each {@link CompileRequest} with the reply of
 * `compileJob`. The main thread stops this thread when a compile runs past its time limit.
 */
import { parentPort } from "node:worker_threads";
import { compile } from "../compiler/index.js";
import { compileJob, type CompileRequest } from "./compile-job.js";

// Build the parser before saying "ready": the time limit counts compiling, not starting up.
compile("政策 预热\n申报信息\n  金额甲 金额\n\n第1条 预热\n  资助 定额 1万\n", { emit: ["js"] });

parentPort!.on("message", (m: { seq: number; request: CompileRequest }) => {
  try {
    parentPort!.postMessage({ seq: m.seq, ok: true, reply: compileJob(m.request) });
  } catch (e) {
    parentPort!.postMessage({
      seq: m.seq,
      ok: false,
      message: e instanceof Error ? e.message : String(e),
    });
  }
});
parentPort!.postMessage({ ready: true });
