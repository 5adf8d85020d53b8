// Starts the real API (in-memory PGlite with the demo county) serving the built SPA, and Debian's
// Chromium driven by playwright-core; collects console errors of every page.
//
// The test files run one after another in one worker sharing its modules (vitest.browser.config.ts),
// so the database and Chromium are started once: the first file migrates and seeds the demo county
// and takes a snapshot of it (`takeSnapshot`), and each file starts from that snapshot; every file
// gets its own API server, upload directory and browser context, and closes the contexts it opened.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import {
  createServer,
  openDatabase,
  restoreSnapshot,
  seedDemo,
  takeSnapshot,
  type Database,
} from '@fazhi/api';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = resolve(appDir, 'dist');
export const resultsDir = resolve(appDir, 'test-results');

/** The screens the tests use: the desktop of most files, a wider one, and a phone (touch). */
export const screens = {
  desktop: { viewport: { width: 1366, height: 860 } },
  wide: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;
export type Screen = keyof typeof screens;

/**
 * Screenshots go to test-results/ for people to look at; nothing reads them back. Taken unless
 * `FAZHI_E2E_SCREENSHOTS=0`, and in CI (`CI` set) only with `FAZHI_E2E_SCREENSHOTS=1`: a full-page
 * shot of a long page costs a second or two of the renderer.
 */
export const screenshotsTaken = process.env.FAZHI_E2E_SCREENSHOTS
  ? process.env.FAZHI_E2E_SCREENSHOTS !== '0'
  : !process.env.CI;

/** Saves a screenshot of the page as test-results/<name>.png (see `screenshotsTaken`). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (!screenshotsTaken) return;
  await page.screenshot({
    path: resolve(resultsDir, `${name}.png`),
    fullPage,
    animations: 'disabled',
  });
}

export interface Harness {
  baseUrl: string;
  /** The API's in-process database (to move the clock of a record, e.g. a posting date). */
  database: Database;
  browser: Browser;
  /** Console errors and warnings and uncaught page errors seen so far, on every page. */
  consoleErrors: string[];
  /** A page in the file's own browser context (1366×860). */
  newPage(): Promise<Page>;
  /**
   * A browser context of its own (its own cookies: another person's session) on `screen`,
   * closed with the harness. Every context asks for reduced motion: antd's transitions are off.
   */
  newContext(screen?: Screen, options?: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * Turns `page` to `username`'s session and opens the dashboard, or the page at `at`: leaves the
   * page (its requests stop), forgets the context's cookies and signs in through the login
   * procedure. Signing in and out through the pages is `signIn`'s and `signOut`'s, which the login
   * tests use.
   */
  signInAs(page: Page, username: string, at?: string): Promise<void>;
  /**
   * A page of a context of its own on `screen`, signed in as `username` through the login
   * procedure, on the dashboard or the page at `at` (the login tests sign in through the page:
   * `signIn`).
   */
  session(
    username: string,
    screen?: Screen,
    options?: BrowserContextOptions,
    at?: string,
  ): Promise<Page>;
  /** Calls a tRPC procedure over HTTP as `username`, outside the browser. */
  api<T>(username: string, path: string, input: unknown): Promise<T>;
  /** Calls a tRPC mutation over HTTP as `username`, outside the browser. */
  mutate<T>(username: string, path: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

/** The database and the browser every file of the run shares. */
let shared: Promise<{ database: Database; browser: Browser }> | undefined;

async function startShared() {
  const database: Database = await openDatabase({});
  await database.migrate();
  await seedDemo(database.db);
  await takeSnapshot(database.db);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // a test's page lives for seconds: V8's optimizing compilers (Maglev, TurboFan) spend more of
      // the renderer's time compiling than their code then saves (measured: 4–6% less CPU over the
      // suite's files); JavaScript behaves the same in every tier
      '--js-flags=--no-maglev --no-turbofan',
    ],
  });
  // playwright kills the browsers it launched when the worker exits at the end of the run
  return { database, browser };
}

export async function startHarness(password: string): Promise<Harness> {
  mkdirSync(resultsDir, { recursive: true });
  shared ??= startShared();
  const { database, browser } = await shared;
  // the demo county as seeded, whatever the file before changed
  await restoreSnapshot(database.db);
  // uploaded files go to a throw-away directory; the database is in memory
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  const app = await createServer({ database, dataDir, staticDir: distDir, logLevel: 'silent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const newContext = (screen: Screen = 'desktop', options: BrowserContextOptions = {}) =>
    browser.newContext({
      baseURL: baseUrl,
      locale: 'zh-CN',
      reducedMotion: 'reduce',
      ...screens[screen],
      ...options,
    });
  const context = await newContext();
  const consoleErrors: string[] = [];
  /** Collects the page's console errors and warnings and uncaught errors. */
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') {
        const where = msg.location().url;
        consoleErrors.push(`console.${msg.type()}: ${msg.text()}${where ? ` (${where})` : ''}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    return page;
  };

  const cookies = new Map<string, string>();
  async function cookieFor(username: string) {
    const known = cookies.get(username);
    if (known) return known;
    const res = await fetch(`${baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    cookies.set(username, cookie);
    return cookie;
  }

  async function signInAs(page: Page, username: string, at?: string) {
    await page.goto('about:blank');
    await page.context().clearCookies();
    const res = await page.request.post(`${baseUrl}/trpc/auth.login`, {
      data: { username, password },
    });
    if (!res.ok()) throw new Error(`login ${username}: ${res.status()}`);
    // a test going on elsewhere opens that page at once (what it shows is the test's to wait for)
    await page.goto(at ?? '/');
    if (at === undefined) {
      await page.getByTestId('count-users').locator('.ant-statistic-content').waitFor();
    }
  }

  return {
    baseUrl,
    database,
    browser,
    consoleErrors,
    newPage: () => context.newPage().then(watch),
    newContext,
    async session(
      username: string,
      screen: Screen = 'desktop',
      options?: BrowserContextOptions,
      at?: string,
    ) {
      const own = await newContext(screen, options);
      const page = watch(await own.newPage());
      await signInAs(page, username, at);
      return page;
    },
    signInAs,
    async api<T>(username: string, path: string, input: unknown) {
      const url = `${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
      const res = await fetch(url, { headers: { cookie: await cookieFor(username) } });
      const body = (await res.json()) as { result?: { data: T }; error?: unknown };
      if (!res.ok || !body.result)
        throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body.result.data;
    },
    async mutate<T>(username: string, path: string, input: unknown) {
      const res = await fetch(`${baseUrl}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: await cookieFor(username) },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { result?: { data: T }; error?: unknown };
      if (!res.ok || !body.result)
        throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body.result.data;
    },
    async close() {
      // this file's contexts (its own and those its tests opened); the browser stays for the next
      for (const opened of browser.contexts()) await opened.close().catch(() => {});
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page and waits for the dashboard. */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('count-users').locator('.ant-statistic-content').waitFor();
}

/** Signs out through the user menu and waits for the login page. */
export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录/ }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.locator('#username').waitFor();
}

/**
 * Console errors other than the expected ones (a refused request is logged by Chromium as
 * "Failed to load resource: … status of 400"); empties the list for the next test.
 */
export function takeConsoleErrors(h: Harness, expected: RegExp[] = []): string[] {
  const seen = h.consoleErrors.splice(0);
  return seen.filter((text) => !expected.some((pattern) => pattern.test(text)));
}

/**
 * Picks the option with `label` in the antd Select with the test id, and waits until the Select
 * shows it. A click that lands while the dropdown is still opening (its options just rendered)
 * can be dropped by the Select: then the option is clicked again, from the dropdown if it is
 * still open.
 */
export async function chooseOption(page: Page, testId: string, label: string) {
  const select = page.getByTestId(testId);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if (attempt === 1 || (await dropdown.count()) === 0) await select.click();
    await dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 3_000 }).toContain(label);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
