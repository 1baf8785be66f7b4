/**
 * Builds the playground once and serves playground/dist on 127.0.0.1 for every browser test file.
 */
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { serveStatic } from "../../scripts/serve-static.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const config = fileURLToPath(new URL("../../playground/vite.config.ts", import.meta.url));
const dist = fileURLToPath(new URL("../../playground/dist", import.meta.url));

/** Build, serve, and hand the URL to the tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await build({ configFile: config, logLevel: "warn" });
  const server = await serveStatic(dist);
  project.provide("baseUrl", server.url);
  return server.close;
}
