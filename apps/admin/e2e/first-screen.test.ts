// The first-screen measurement (`pnpm bench`, scripts/first-screen.mjs) counts every script the
// login page and the dashboard really load: Chromium's requests are compared with its list.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@fazhi/api';
import { distDir, signIn, startHarness, takeConsoleErrors, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(DEMO_PASSWORD);
});

afterAll(async () => {
  await h?.close();
});

const counted = JSON.parse(
  execFileSync(
    process.execPath,
    [resolve(distDir, '..', 'scripts', 'first-screen.mjs'), '--files'],
    {
      encoding: 'utf8',
    },
  ),
) as Record<'login' | 'dashboard', string[]>;

/** The scripts a page loads from now on, as paths under dist. */
function scriptsOf(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) seen.add(path.slice(1));
  });
  return seen;
}

describe('the first-screen measurement', () => {
  it('counts every script of the login page', async () => {
    const page = await h.newPage();
    const seen = scriptsOf(page);
    await page.goto('/login');
    await page.locator('#username').waitFor();
    await page.waitForLoadState('networkidle');
    expect([...seen].filter((file) => !counted.login.includes(file))).toEqual([]);
    expect(seen.size).toBeGreaterThan(1);
    await page.close();
  });

  it('counts every script of the dashboard, opened signed in', async () => {
    const first = await h.newPage();
    await signIn(first, 'clerk', DEMO_PASSWORD);
    await first.close();
    // a fresh page of the same browser context: the session cookie, no scripts loaded yet
    const page = await h.newPage();
    const seen = scriptsOf(page);
    await page.goto('/');
    await page.getByTestId('count-users').locator('.ant-statistic-content').waitFor();
    await page.getByTestId('todo').waitFor();
    await page.waitForLoadState('networkidle');
    expect([...seen].filter((file) => !counted.dashboard.includes(file))).toEqual([]);
    expect(seen.size).toBeGreaterThan(1);
    await page.close();
    expect(takeConsoleErrors(h)).toEqual([]);
  });
});
