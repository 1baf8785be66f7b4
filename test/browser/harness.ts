/**
 * Shared browser-test plumbing: launch Debian's Chromium through playwright-core, open the built
 * playground, collect console errors, and read the editor's state through `window.zhengce`.
 */
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchChromium } from "../../scripts/chromium.mjs";

/** Launch Chromium with a fresh profile; throws (never skips) when it is missing. */
export const launchBrowser: () => Promise<Browser> = launchChromium;

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

/** One test's playground: its page, the page's console errors, and the context it has to itself. */
export interface Playground extends OpenPage {
  readonly context: BrowserContext;
}

/** How a playground test opens its page. */
export interface PlaygroundOptions {
  /** The browser context's options (viewport, downloads …). */
  readonly context?: BrowserContextOptions;
  /**
   * The address to open, read relative to the served playground (`inject("baseUrl")`): `"?dev"`,
   * `"#s=…"`, or a whole URL of another server. The playground itself when left out.
   */
  readonly url?: string;
  /** Run on the fresh context before the page opens (to set its clock, say). */
  readonly before?: (context: BrowserContext) => Promise<void>;
}

type PlaygroundBody = (p: Playground) => Promise<void>;

/** The file's browser, and `test` for tests that each open the playground in a fresh context. */
export interface PlaygroundSuite {
  /** The file's Chromium (launched before its first test), for tests that make their own contexts. */
  browser(): Browser;
  /**
   * A test with the playground open in a fresh context. After the body the page must have logged
   * no console errors; the context is closed afterwards, also when the body fails.
   */
  test(name: string, body: PlaygroundBody): void;
  test(name: string, options: PlaygroundOptions, body: PlaygroundBody): void;
}

/**
 * Launch one Chromium for the calling test file (beforeAll, closed in afterAll) and return the
 * suite that opens a fresh playground per test. Call once at the top of a browser test file.
 */
export function usePlayground(): PlaygroundSuite {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const the = (): Browser => {
    if (!browser) throw new Error("the browser is not launched yet (use it inside a test)");
    return browser;
  };
  const playgroundTest = (
    name: string,
    a: PlaygroundOptions | PlaygroundBody,
    b?: PlaygroundBody,
  ): void => {
    const [options, body] = typeof a === "function" ? [{}, a] : [a, b!];
    test(name, async () => {
      const context = await the().newContext(options.context);
      try {
        await options.before?.(context);
        const opened = await openPlayground(context, playgroundUrl(options.url));
        await body({ ...opened, context });
        expect(opened.errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  };
  return { browser: the, test: playgroundTest };
}

/** `url` read relative to the served playground. */
function playgroundUrl(url: string | undefined): string {
  const base = inject("baseUrl");
  return url === undefined ? base : new URL(url, base).href;
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

/** Save the editor's text as a named version (版本 tab). */
export async function saveVersion(page: Page, name: string): Promise<void> {
  await page.click('[data-tab="versions"]');
  await page.fill("#version-name", name);
  await page.click("#btn-save-version");
  await page.waitForSelector(`[data-version="${name}"]`);
}

/** Run `action` and wait for the analysis it causes. */
export async function andWait(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await analysisId(page);
  await action();
  await waitForAnalysis(page, before);
}
