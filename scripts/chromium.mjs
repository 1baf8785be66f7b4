/**
 * Launching Debian's Chromium headless through playwright-core, one way for the browser tests
 * (test/browser/harness.ts), the screenshots and the playground bench.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** Where Chromium is (scripts/ensure-chromium.sh installs it there). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launch Chromium with a fresh profile; throws (never skips) when it is missing. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run scripts/ensure-chromium.sh (npm run test:browser does).`,
    );
  }
  // playwright-core's launch() gives every browser a fresh temporary --user-data-dir.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}
