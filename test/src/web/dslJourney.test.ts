// A school DSL's everyday journey in a real browser, and social care's side of it: find a child,
// read the record, flag a concern and refer it; the front door decides; the DSL disagrees; a
// manager resolves it. Every screen is checked with axe-core in its empty, filled and error states.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAK } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { capture, launchBrowser, newPage, signIn } from '../support/browser.ts';

let app: TestApp;
let browser: Browser;
let child: { id: string; givenName: string; familyName: string; nhsNumber: string };
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  child = (await app.db.child.findFirstOrThrow({
    where: {
      school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, nhsNumber: { not: null }, mergedIntoId: null,
      entries: { some: { organisation: { name: 'Oakfield Primary School' } } },
    },
    orderBy: { entries: { _count: 'desc' } },
  })) as typeof child;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();

describe('a DSL', () => {
  let dsl: Page;
  beforeAll(async () => {
    dsl = await newPage(browser, app.url);
  });

  it('signs in to what needs them now', async () => {
    await signIn(dsl, OAK.dsl);
    await expect.poll(() => heading(dsl)).toContain('What needs you now');
    await dsl.getByRole('status').waitFor({ state: 'detached' }).catch(() => {});
    await capture(dsl, 'home-dsl');
  });

  it('finds a child by NHS number', async () => {
    await dsl.getByRole('link', { name: 'Find a child', exact: true }).first().click();
    await expect.poll(() => heading(dsl)).toBe('Find a child');
    await capture(dsl, 'find-child');

    await dsl.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => errorSummary(dsl)).toContain('Select how you want to find the child');
    await capture(dsl, 'find-child-errors');

    await dsl.getByLabel('NHS number', { exact: true }).first().check();
    await dsl.getByRole('textbox', { name: 'NHS number' }).fill('123');
    await dsl.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => dsl.locator('#nhsNumber-error').textContent()).toMatch(/NHS number/);
    await capture(dsl, 'find-child-server-error');

    await dsl.getByRole('textbox', { name: 'NHS number' }).fill(child.nhsNumber);
    await dsl.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => dsl.locator('caption').textContent()).toBe('1 child found');
    expect(dsl.url()).toBe(`${app.url}/children`);
    await capture(dsl, 'find-child-results');
  });

  it('reads the child’s page and chronology', async () => {
    await dsl.getByRole('link', { name: `${child.givenName} ${child.familyName}` }).click();
    await expect.poll(() => heading(dsl)).toContain(`${child.givenName} ${child.familyName}`);
    await dsl.locator('.app-timeline__item').first().waitFor();
    await capture(dsl, 'child');
    // Only an opaque id in the address.
    expect(dsl.url()).not.toContain(child.nhsNumber);
    expect(dsl.url()).not.toContain(child.familyName);
  });
});
