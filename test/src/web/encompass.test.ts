// Operation Encompass in a real browser: a police officer tells a child's school about a domestic
// incident from the child's record; the school's DSL finds it on their home page, reads it and
// acknowledges it; the police see that the school has. Every screen checked with axe-core.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OAK, POLICE, globalId } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { expectChildInView } from './support.ts';

const env = browserAppForFile();
let officer: Page;
let reference: string;
let childId: string;
beforeAll(async () => {
  officer = await newPage(env.browser, env.app.url);
});
const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();

describe('an Operation Encompass notification', () => {
  it('is sent by a police officer from the child’s record', async () => {
    const child = await env.app.db.child.findFirstOrThrow({
      where: {
        school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, mergedIntoId: null,
        entries: { some: { organisation: { name: 'Northmoor Police – Public Protection' }, restrictions: { none: {} } } },
      },
    });
    childId = child.id;
    await signIn(officer, POLICE[0]!);
    await officer.goto(`/children/${globalId('Child', child.id)}`);
    await officer.getByRole('button', { name: 'Send an Operation Encompass notification' }).click();
    await expect.poll(() => heading(officer)).toContain('Send an Operation Encompass notification');
    await capture(officer, 'encompass-send');

    await officer.getByRole('button', { name: 'Send notification' }).click();
    await expect.poll(() => errorSummary(officer)).toContain('Enter the date the incident happened');
    for (const problem of ['Enter where the incident happened', 'Enter the police reference', 'Select yes if the child was present', 'Enter the brief circumstances']) {
      expect(await errorSummary(officer)).toContain(problem);
    }
    await capture(officer, 'encompass-send-errors');

    const yesterday = new Date(Date.now() - 86_400_000);
    await officer.getByLabel('Day').fill(String(yesterday.getDate()));
    await officer.getByLabel('Month').fill(String(yesterday.getMonth() + 1));
    await officer.getByLabel('Year').fill(String(yesterday.getFullYear()));
    await officer.getByLabel('Time of the incident').fill('22:15');
    await officer.getByLabel('Where it happened').fill('The family home');
    await officer.getByLabel('Police reference').fill('NMP-2026-118822');
    await officer.getByRole('group', { name: 'Was the child present?' }).getByLabel('Yes').check();
    await officer.getByLabel('The child’s voice (optional)').fill('Quiet; asked whether Dad would be home tomorrow.');
    await officer.getByLabel('Brief circumstances').fill('Verbal argument between the parents; police attended; no injuries.');
    await capture(officer, 'encompass-send-filled');
    await officer.getByRole('button', { name: 'Send notification' }).click();

    await expect.poll(() => heading(officer)).toBe('Notification sent');
    reference = (await officer.locator('.govuk-panel__body strong').textContent())!;
    expect(await officer.locator('.govuk-panel__body').textContent()).toContain('Oakfield Primary School has been told');
    await capture(officer, 'encompass-sent');
  });

  it('is read and acknowledged by the school’s DSL from their home page', async () => {
    const dsl = await newPage(env.browser, env.app.url);
    await signIn(dsl, OAK.dsl);
    await dsl.getByRole('table', { name: 'Operation Encompass notifications to read' }).getByRole('link', { name: reference }).click();
    await expect.poll(() => heading(dsl)).toContain('Operation Encompass notifications');
    const section = dsl.getByRole('region', { name: new RegExp(reference) });
    expect(await section.textContent()).toContain('Verbal argument between the parents');
    // Which pupil, before anything else the DSL must act on.
    await expectChildInView(section.locator('[data-child-in-view]'), env.app, childId, { opens: true });
    expect(await dsl.locator('main .govuk-warning-text').textContent()).toContain('Do not contact the child’s parents');
    await capture(dsl, 'encompass-school');

    await section.getByRole('button', { name: `Acknowledge ${reference}` }).click();
    await expect.poll(() => dsl.locator('.govuk-notification-banner').textContent()).toContain(`You have acknowledged ${reference}`);
    await expect.poll(() => section.textContent()).toContain('Acknowledged');
    expect(await section.getByRole('button').count()).toBe(0);
    await capture(dsl, 'encompass-school-acknowledged');

    await dsl.getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => heading(dsl)).toContain('What needs you now');
    await dsl.locator('.app-feed').waitFor();
    expect(await dsl.getByRole('table', { name: 'Operation Encompass notifications to read' }).getByRole('link', { name: reference }).count()).toBe(0);
    await dsl.context().close();
  });

  it('shows the police that the school has acknowledged it', async () => {
    await officer.getByRole('link', { name: 'Operation Encompass' }).click();
    const section = officer.getByRole('region', { name: new RegExp(reference) });
    await expect.poll(() => section.textContent()).toContain('Acknowledged');
    await expectChildInView(section.locator('[data-child-in-view]'), env.app, childId, { opens: true });
    expect(env.app.serverErrors).toEqual([]);
    await officer.context().close();
  });
});
