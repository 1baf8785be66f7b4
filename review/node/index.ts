/**
 * The review floor's Node-only part: budgets on worker threads. The browser never loads this.
 */
export { budgetParallel } from "./budget-parallel.js";
