// Signing in with one's organisation's account in a real browser: from Wraparound's sign-in page
// to the organisation's identity provider (a real oidc-provider on loopback) and back, signed in;
// and the page a person sees when their provider account is not registered in Wraparound.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL, NM } from '../restrictions/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { capture, heading, launchBrowser, newPage, signIn } from '../support/browser.ts';
import { startIdentityProvider, type IdentityProvider } from '../support/identityProvider.ts';

const DOMAIN = `public-protection.${NM}`;

let app: TestApp;
let browser: Browser;
let idp: IdentityProvider;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  idp = await startIdentityProvider(app.url);
  const police = await app.db.organisation.findFirstOrThrow({ where: { name: 'Northmoor Police – Public Protection' } });
  // Set up through the API in the API's tests (test/src/foundation/singleSignOn.test.ts).
  await app.db.organisationSingleSignOn.create({
    data: { organisationId: police.id, partnershipId: police.partnershipId, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, emailDomains: [DOMAIN] },
  });
});
afterAll(async () => {
  await idp?.close();
  await browser?.close();
  await app?.close();
});

/** From the sign-in page through the provider's own sign-in and consent pages. */
async function signInWithOrganisation(page: Page, subject: string, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Continue to your organisation’s sign-in' }).click();
  await expect.poll(() => new URL(page.url()).origin).toBe(idp.issuer);
  await page.locator('input[name="password"]').fill('whatever the provider checks');
  await page.locator('input[name="login"]').fill(subject);
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('signing in with the organisation’s account', () => {
  it('asks for a work email, and goes no further without one', async () => {
    const page = await newPage(browser, app.url);
    await page.goto('/sign-in');
    await expect.poll(() => heading(page)).toBe('Sign in to Wraparound');
    await page.getByRole('button', { name: 'Continue to your organisation’s sign-in' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Enter your work email');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.title()).toBe('Error: Sign in to Wraparound – Wraparound');
    await capture(page, 'sign-in-with-organisation-errors');
  });

  it('signs a registered person in, and they are in Wraparound', async () => {
    const email = `police.officer@${DOMAIN}`;
    idp.addAccount('pc-4471', { email, email_verified: true });
    const page = await newPage(browser, app.url);
    await signInWithOrganisation(page, 'pc-4471', email);
    await expect.poll(() => page.url()).toBe(`${app.url}/`);
    await expect.poll(() => heading(page), { timeout: 15_000 }).not.toContain('Sign in');
    await expect.poll(() => page.getByRole('link', { name: 'Sign out' }).count()).toBe(1);
  });

  it('tells a person whose provider account is not registered to ask their administrator', async () => {
    const email = `new.officer@${DOMAIN}`;
    idp.addAccount('pc-9999', { email, email_verified: true });
    const page = await newPage(browser, app.url);
    await signInWithOrganisation(page, 'pc-9999', email);
    await expect.poll(() => heading(page)).toBe('Your organisation’s account is not registered in Wraparound');
    expect(await page.textContent('main')).toContain('Ask your Wraparound administrator');
    await capture(page, 'sign-in-with-organisation-not-registered');
    await page.getByRole('link', { name: 'Go to the sign-in page' }).click();
    await expect.poll(() => heading(page)).toBe('Sign in to Wraparound');
  });
});

describe('the administrator connects an organisation', () => {
  it('through the organisation’s page, with each problem shown against its field', async () => {
    const mash = 'Northmoor Police – MASH Team';
    const page = await newPage(browser, app.url);
    await signIn(page, EMAIL.admin);
    await page.goto('/admin/organisations');
    await page.getByRole('link', { name: `Change ${mash}` }).click();
    await page.getByRole('link', { name: `Sign-in with ${mash}’s own accounts` }).click();
    await expect.poll(() => heading(page)).toBe(`Single sign-on for ${mash}`);

    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Enter the issuer address of your identity provider');
    expect(await summary.textContent()).toContain('Enter the client secret the identity provider gave Wraparound');

    await page.getByLabel('Issuer address').fill(idp.issuer);
    await page.getByLabel('Client id').fill('wraparound-mash');
    await page.getByLabel('Client secret').fill('the-mash-teams-client-secret');
    await page.getByLabel('Email domains (optional)').fill(`mash-police.${NM}\n${DOMAIN}`);
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    await expect.poll(() => summary.textContent()).toContain(`${DOMAIN} already goes to another organisation’s identity provider`);
    await capture(page, 'organisation-single-sign-on-errors');
    expect(await app.db.organisationSingleSignOn.count()).toBe(1);

    await page.getByLabel('Email domains (optional)').fill(`mash-police.${NM}`);
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain(`Single sign-on for ${mash} has been saved`);
    const saved = await app.db.organisationSingleSignOn.findFirstOrThrow({ where: { organisation: { name: mash } } });
    expect(saved).toMatchObject({ issuer: idp.issuer, clientId: 'wraparound-mash', clientSecret: 'the-mash-teams-client-secret', emailDomains: [`mash-police.${NM}`], passwordsDisabled: false });
  });
});
