/**
 * The runtime's Node-only part, for hosts: private files for caches and state. Generated modules
 * and the browser never load this.
 */
export { preparePrivateDir, readNoFollow, writeExclusive } from "./private-files.js";
