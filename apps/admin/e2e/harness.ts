// Starts the real API (in-memory PGlite with the demo county) serving the built SPA, and Debian's
// Chromium driven by playwright-core; collects console errors of every page.
//
// The test files run one after another in one worker sharing its modules (vitest.browser.config.ts),
// so the database and Chromium are started once: the first file migrates and seeds the demo county
// and takes a snapshot of it (`takeSnapshot`), and each file starts from that snapshot; every file
// gets its own API server and upload directory. The browser contexts a file opened are handed on,
// signed out and emptied, to later files (`keepContext`).
import type { Socket } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Dialog,
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
   * A browser context of its own (its own cookies: another person's session) on `screen`, put
   * away with the harness (signed out, emptied; `keepContext`). Every context asks for reduced
   * motion: antd's transitions are off.
   */
  newContext(screen?: Screen, options?: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * Turns `page` to `username`'s session and opens the dashboard, or the page at `at`: leaves the
   * page for a page of the same origin (its requests stop; its renderer stays, with the SPA's
   * scripts compiled), forgets the context's cookies and signs in through the login procedure.
   * Signing in and out through the pages is `signIn`'s and `signOut`'s, which the login tests use.
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

/**
 * The port of the run's API servers: each file's server listens on the port of the file before, so
 * that the contexts handed on keep their origin, and with it their HTTP cache.
 */
let serverPort = 0;

/** What a context was opened with: it is handed on to a later file asking for the same. */
interface Opened {
  key: string;
  screen: Screen;
  options: BrowserContextOptions;
}

/**
 * Contexts of files that have ended, by what they were opened with, each with the page it kept:
 * a page in a new context costs about 2 s of Chromium's CPU (the browser's set-up, a new renderer
 * compiling the SPA's scripts, every script fetched); the kept page of a context handed on, signed
 * in again, about 0.7 s (its renderer and cache are warm).
 */
const keptContexts = new Map<string, { context: BrowserContext; page: Page | undefined }[]>();

/** Listens on the run's port (any free port for the first file, or when it is taken). */
async function listenOnRunPort(app: Awaited<ReturnType<typeof createServer>>): Promise<number> {
  try {
    await app.listen({ port: serverPort, host: '127.0.0.1' });
  } catch (error) {
    if (serverPort === 0 || (error as { code?: string }).code !== 'EADDRINUSE') throw error;
    await app.listen({ port: 0, host: '127.0.0.1' });
  }
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  serverPort = address.port;
  return address.port;
}

/** The events of a page a test or the harness may listen to. */
const pageEvents = [
  'console',
  'dialog',
  'domcontentloaded',
  'download',
  'filechooser',
  'frameattached',
  'framedetached',
  'framenavigated',
  'load',
  'pageerror',
  'popup',
  'request',
  'requestfailed',
  'requestfinished',
  'response',
  'websocket',
  'worker',
] as const;

/**
 * Puts a context away for a later file: closes its pages but one, which leaves the SPA for a page
 * of the same origin (its requests stop; its listeners, storage and viewport as opened), and forgets
 * the cookies (the session).
 */
async function keepContext(
  context: BrowserContext,
  opened: Opened,
  baseUrl: string,
): Promise<void> {
  const [page, ...others] = context.pages();
  for (const other of others) await other.close();
  if (page) {
    // the listeners of the file's tests and harness (Playwright's own, on close and crash, stay)
    for (const name of pageEvents) page.removeAllListeners(name);
    // a page with unsaved edits asks before it is left (the browser's beforeunload prompt), which
    // Playwright answers "stay" when nothing listens: it is left
    const leave = (dialog: Dialog) => void dialog.accept().catch(() => {});
    page.on('dialog', leave);
    await page.goto(`${baseUrl}/healthz`, { timeout: 15_000 });
    page.off('dialog', leave);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    const viewport = opened.options.viewport ?? screens[opened.screen].viewport;
    const now = page.viewportSize();
    if (now?.width !== viewport.width || now?.height !== viewport.height) {
      await page.setViewportSize(viewport);
    }
  }
  await context.clearCookies();
  const kept = keptContexts.get(opened.key) ?? [];
  kept.push({ context, page });
  keptContexts.set(opened.key, kept);
}

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
  const baseUrl = `http://127.0.0.1:${await listenOnRunPort(app)}`;

  /** The contexts this file opened or took from earlier files, still open. */
  const contexts = new Map<BrowserContext, Opened>();
  /** Pages kept by the contexts this file took from earlier files, handed out first. */
  const keptPages = new Map<BrowserContext, Page>();
  async function newContext(screen: Screen = 'desktop', options: BrowserContextOptions = {}) {
    const key = JSON.stringify([baseUrl, screen, options]);
    const kept = keptContexts.get(key)?.pop();
    if (kept?.page) keptPages.set(kept.context, kept.page);
    const context =
      kept?.context ??
      (await browser.newContext({
        baseURL: baseUrl,
        locale: 'zh-CN',
        reducedMotion: 'reduce',
        ...screens[screen],
        ...options,
      }));
    contexts.set(context, { key, screen, options });
    // a test may close a context itself
    context.once('close', () => contexts.delete(context));
    return context;
  }
  /** A page of `context`: the one it kept from an earlier file, else a new one. */
  async function pageOf(context: BrowserContext) {
    const kept = keptPages.get(context);
    keptPages.delete(context);
    return watch(kept && !kept.isClosed() ? kept : await context.newPage());
  }
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
    // a page of the same origin (about:blank would take a new renderer, which compiles the SPA's
    // scripts again)
    if (page.url() !== 'about:blank') await page.goto('/healthz');
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
    newPage: () => pageOf(context),
    newContext,
    async session(
      username: string,
      screen: Screen = 'desktop',
      options?: BrowserContextOptions,
      at?: string,
    ) {
      const page = await pageOf(await newContext(screen, options));
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
      // this file's contexts (its own and those its tests opened) are put away for later files;
      // the browser stays for the next
      for (const [opened, how] of contexts) {
        await keepContext(opened, how, baseUrl).catch(() => opened.close().catch(() => {}));
      }
      // the kept pages' connections, and sockets Chromium opens ahead of a request, would hold the
      // server open until its headers timeout (a minute)
      app.server.on('connection', (socket: Socket) => socket.destroy());
      app.server.closeAllConnections();
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
