/**
 * The seed policy (嘉经〔2021〕12号) that a first visit opens, read from policies/ at build time.
 * Found with a glob so that the playground still builds while the encoding is being written.
 */

const seeds = import.meta.glob<string>("../../policies/jiading-2021-industrial-internet.zc", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The seed's file name, which a guideline's 基于 may name (as in policies/). */
export const SEED_FILE = "jiading-2021-industrial-internet.zc";

/** The seed policy's source, or a short note when it is not in the build. */
export const SEED_SOURCE: string =
  Object.values(seeds)[0] ??
  "# 示例政策（policies/jiading-2021-industrial-internet.zc）尚未加入构建。\n政策 新政策\n";
