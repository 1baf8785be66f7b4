import type { Browser } from "playwright-core";

/** Where Chromium is (scripts/ensure-chromium.sh installs it there). */
export const CHROMIUM: string;
/** Launch Chromium with a fresh profile; throws (never skips) when it is missing. */
export function launchChromium(): Promise<Browser>;
