/**
 * Shared browser-test plumbing: launch Debian's Chromium through playwright-core, open the built
 * playground, collect console errors, and read the editor's state through `window.zhengce`.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Where the tests expect Chromium (scripts/ensure-chromium.sh installs it there). */
export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

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
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run scripts/ensure-chromium.sh (npm run test:browser does).`,
    );
  }
  // playwright-core's launch() gives every browser a fresh temporary --user-data-dir.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A page plus the console errors and page errors it produced. */
export interface OpenPage {
  readonly page: Page;
  readonly errors: string[];
}

/** Watch a page for console errors and uncaught exceptions. */
export function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}

/** Open the playground at `url` in `context` and wait until the first analysis is shown. */
export async function openPlayground(context: BrowserContext, url: string): Promise<OpenPage> {
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(url);
  await waitForAnalysis(page);
  return { page, errors };
}

/** The id of the last analysis the page applied (0 before the first). */
export async function analysisId(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset["analysis"] ?? 0));
}

/** Wait until the page has applied an analysis newer than `after` for its current source. */
export async function waitForAnalysis(page: Page, after = 0): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const zc = (
        window as unknown as {
          zhengce?: {
            store: { current: { id: number; source: string } | null };
            model: { getValue(): string };
          };
        }
      ).zhengce;
      const a = zc?.store.current;
      return (
        !!a &&
        a.id > n &&
        a.source === zc.model.getValue() &&
        Number(document.body.dataset["analysis"]) === a.id
      );
    },
    after,
    { timeout: 20_000 },
  );
}

/** The editor's current text. */
export async function source(page: Page): Promise<string> {
  return page.evaluate(() =>
    (window as unknown as { zhengce: { model: { getValue(): string } } }).zhengce.model.getValue(),
  );
}

/** Compiler markers on the model: severity, message, position. */
export interface MarkerInfo {
  readonly severity: number;
  readonly message: string;
  readonly code: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** The compiler's markers on the editor model. */
export async function markers(page: Page): Promise<MarkerInfo[]> {
  return page.evaluate(() => {
    const zc = (
      window as unknown as {
        zhengce: { monaco: { editor: { getModelMarkers(f: { owner: string }): unknown[] } } };
      }
    ).zhengce;
    return zc.monaco.editor.getModelMarkers({ owner: "zhengce" }).map((m) => {
      const x = m as Record<string, unknown>;
      const code = x["code"];
      return {
        severity: Number(x["severity"]),
        message: String(x["message"]),
        code: typeof code === "string" ? code : "",
        startLineNumber: Number(x["startLineNumber"]),
        startColumn: Number(x["startColumn"]),
        endLineNumber: Number(x["endLineNumber"]),
        endColumn: Number(x["endColumn"]),
      };
    });
  });
}

/** Put the cursor at a 1-based line and column and focus the editor. */
export async function placeCursor(page: Page, lineNumber: number, column: number): Promise<void> {
  await page.evaluate(
    ([l, c]) => {
      const ed = (
        window as unknown as {
          zhengce: { editor: { setPosition(p: object): void; focus(): void } };
        }
      ).zhengce.editor;
      ed.setPosition({ lineNumber: l, column: c });
      ed.focus();
    },
    [lineNumber, column] as const,
  );
}

/** Replace the editor's text as a drafter would (one undoable edit), and wait for its analysis. */
export async function setSource(page: Page, text: string): Promise<void> {
  const before = await analysisId(page);
  await page.evaluate((t) => {
    const zc = (
      window as unknown as {
        zhengce: {
          editor: { executeEdits(s: string, e: object[]): void };
          model: { getFullModelRange(): object };
        };
      }
    ).zhengce;
    zc.editor.executeEdits("test", [{ range: zc.model.getFullModelRange(), text: t }]);
  }, text);
  await waitForAnalysis(page, before);
}

/** Run `action` and wait for the analysis it causes. */
export async function andWait(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await analysisId(page);
  await action();
  await waitForAnalysis(page, before);
}
