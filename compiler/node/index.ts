/**
 * The compiler's Node-only part: finding a guideline's policy on disk, and the Prettier plugin
 * (loaded by path from .prettierrc.json). The browser never loads this.
 */
export { findPolicy, guidelineNames } from "./find-policy.js";
