/**
 * The language server host: `zhengce lsp`.
 */
export { startServer, CAPABILITIES } from "./server.js";
