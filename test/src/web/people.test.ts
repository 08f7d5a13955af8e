// The partnership administrator manages people in a real browser: adds a member of school staff
// (after the form's own errors), hands over the one-time link, which the new person opens in their
// own browser to set a password and sign in; the administrator then deactivates them. A DSL is
// neither offered the page nor shown it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OAK } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';

const ADMIN = 'partnership.admin@partnership.northmoor.example';
const NEW_PERSON = 'sam.teaching.assistant@oakfield-primary.northmoor.example';
const NEW_PASSWORD = 'kettle lantern orchard 42';
const env = browserAppForFile();
const summary = (page: Page) => page.locator('.govuk-error-summary').textContent();

describe('people', () => {
  it('are added by the administrator, set their own password from the link, and are deactivated', async () => {
    const admin = await newPage(env.browser, env.app.url);
    await signIn(admin, ADMIN);
    await admin.getByRole('link', { name: 'People' }).click();
    await expect.poll(() => heading(admin)).toBe('People');
    const table = admin.getByRole('table', { name: 'People' });
    await expect.poll(() => table.textContent()).toContain(OAK.dsl);
    await capture(admin, 'people');

    await admin.getByRole('button', { name: 'Add a person' }).click();
    await expect.poll(() => heading(admin)).toBe('Add a person');
    await capture(admin, 'people-add');
    await admin.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => summary(admin)).toContain('Enter the person’s email address');
    expect(await summary(admin)).toContain('Choose the person’s organisation');
    // The summary's links take the person to the field itself.
    await admin.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the person’s name' }).click();
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('displayName');
    expect(await admin.title()).toMatch(/^Error: /);
    await capture(admin, 'people-add-errors');

    await admin.getByLabel('Email address').fill(NEW_PERSON);
    await admin.getByLabel('Full name').fill('Sam Patel');
    await admin.getByLabel('Job title (optional)').fill('Teaching assistant');
    await admin.getByLabel('Organisation').selectOption({ label: 'Oakfield Primary School' });
    await admin.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => summary(admin)).toContain('Choose at least one role');
    await admin.getByLabel('School staff').check();
    await capture(admin, 'people-add-filled');
    await admin.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => heading(admin)).toBe('Person added');
    const link = (await admin.locator('#invitation-link').textContent())!;
    expect(link).toMatch(new RegExp(`^${env.app.url.replace(/\/$/, '')}/activate#.+`));
    expect(await admin.locator('.govuk-notification-banner').textContent()).toContain('shown only once');
    await capture(admin, 'people-added');

    // The new person, in their own env.browser.
    const person = await newPage(env.browser, env.app.url);
    await person.goto(link);
    await expect.poll(() => heading(person)).toBe('Set your password');
    expect(person.url()).not.toContain('#');
    await capture(person, 'activate');
    await person.getByLabel('Password', { exact: true }).fill('too short');
    await person.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => summary(person)).toContain('Your password must be at least 12 characters');
    await person.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await person.getByLabel('Enter the password again').fill('kettle lantern orchard 43');
    await person.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => summary(person)).toContain('The passwords do not match');
    await capture(person, 'activate-errors');
    await person.getByLabel('Enter the password again').fill(NEW_PASSWORD);
    await person.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => heading(person), { timeout: 15_000 }).toBe('Your password is set');
    await capture(person, 'activate-done');

    await person.getByRole('link', { name: 'Sign in to Wraparound' }).click();
    await expect.poll(() => person.getByLabel('Email address').inputValue()).toBe(NEW_PERSON);
    await person.getByLabel('Password').fill(NEW_PASSWORD);
    await person.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => heading(person), { timeout: 15_000 }).toContain('What needs you now');
    expect(await person.getByText('Signed in as Sam Patel, Oakfield Primary School').count()).toBe(1);
    await person.context().close();

    // Back with the administrator: the new person has set a password; deactivate them.
    await admin.getByRole('link', { name: 'Back to people' }).click();
    await admin.getByLabel('Organisation').selectOption({ label: 'Oakfield Primary School' });
    await admin.getByRole('button', { name: 'Show people' }).click();
    const row = table.getByRole('row').filter({ hasText: NEW_PERSON });
    await expect.poll(() => row.textContent()).toContain('Password set');
    await row.getByRole('button', { name: 'Deactivate Sam Patel' }).click();
    await expect.poll(() => admin.locator('.govuk-notification-banner').textContent()).toContain('Sam Patel has been deactivated');
    await expect.poll(() => row.textContent()).toContain('Deactivated');
    await capture(admin, 'people-deactivated');
    const user = await env.app.db.user.findUniqueOrThrow({ where: { email: NEW_PERSON } });
    expect(user.active).toBe(false);

    // A new sign-in link for someone else, shown once.
    await table.getByRole('row').filter({ hasText: OAK.staff }).getByRole('button', { name: /^New sign-in link/ }).click();
    await expect.poll(() => admin.locator('#invitation-link').textContent()).toContain('/activate#');
    await capture(admin, 'people-new-link');
    expect(env.app.serverErrors).toEqual([]);
    await admin.context().close();
  });

  it('are not offered to a DSL, and their address says the DSL may not see them', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, OAK.dsl);
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    await page.goto('/admin/people');
    await expect.poll(() => heading(page)).toBe('You do not have permission to see this page');
    await page.context().close();
  });
});
