// A real browser for the web app's end-to-end tests: Debian's Chromium driven by playwright-core
// (never a downloaded browser). Each test file launches one browser; each journey gets a fresh
// context (no cookies). Helpers check a screen with axe-core and keep a screenshot of it.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from './app.ts';
import { TEST_PASSWORD } from './constants.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.artifacts', 'screenshots');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  // launch() gives every browser a fresh temporary profile (its own --user-data-dir). Without the
  // background-networking flags Chromium keeps trying to reach Google and misbehaves offline.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Checking a password is deliberately slow (argon2), and slower still while two test files share the cores.
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).not.toContain('Sign in');
}

/** WCAG 2.2 AA as axe-core checks it: no violations, each printed when there are some. */
export async function expectAccessible(page: Page, screen: string) {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') stays in force.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown; failureSummary: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`) }));
  });
  if (violations.length) console.error(`axe violations on ${screen}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations, `axe violations on ${screen}`).toEqual([]);
}

/** A full-page screenshot in test/.artifacts/screenshots/, to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Each screen in a state: checked for accessibility and kept as a screenshot. */
export async function capture(page: Page, name: string) {
  await screenshot(page, name);
  await expectAccessible(page, name);
}

/**
 * A real server (its own database) and a browser for one test file: started before the file's
 * tests, closed after. Read `env.app` and `env.browser` inside hooks and tests.
 */
export function browserAppForFile(): { app: TestApp; browser: Browser } {
  const env = {} as { app: TestApp; browser: Browser };
  beforeAll(async () => {
    [env.app, env.browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.app?.close();
  });
  return env;
}

/** The text of the page's main heading. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
