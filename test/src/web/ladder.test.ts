// The escalation ladder in a real browser: the administrator sets a stage's limit the server
// refuses, is shown why, fixes it, sees when the stage would be due if it started now, and saves a
// new version; a DSL is neither offered the editor nor shown it. The administrator adds a stage,
// is told what it still needs, names it, gives it a limit and who acts on each side, removes another
// stage, changes the urgent path's hours, and the saved version reads back the same after a reload
// and through the API.

import { describe, expect, it } from 'vitest';
import { OAK } from '../access/fixtures.ts';
import { LADDER } from '../ladder/support.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { signIn as signInToApi } from '../support/personas.ts';

const ADMIN = 'partnership.admin@partnership.northmoor.example';
const env = browserAppForFile();
describe('the ladder editor', () => {
  it('saves a new version once the administrator fixes a limit the server refuses; a DSL may not see it', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Ladder', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Escalation ladder');
    const caption = await page.locator('caption').first().textContent();
    const before = Number(/version (\d+)/.exec(caption ?? '')?.[1]);
    expect(before).toBeGreaterThan(0);
    await capture(page, 'ladder');

    await page.getByLabel('Stage 1 time limit').fill('0');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Stage 1: The time limit must be a whole number more than 0');
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#stages.0.limitAmount');
    expect(await page.locator('#stages\\.0\\.limitAmount-error').textContent()).toContain('more than 0');
    await capture(page, 'ladder-errors');

    await page.getByLabel('Stage 1 time limit').fill('3');
    await page.getByLabel('Stage 1 counted in').selectOption('WORKING_DAYS');
    await expect.poll(() => page.locator('[data-preview="1"]').textContent()).toMatch(/If it started now, stage 1 would be due by \d+ \w+ \d{4}/);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain(`Version ${before + 1} of the ladder saved`);
    expect(await page.locator('caption').first().textContent()).toContain(`version ${before + 1}`);
    expect(await page.getByRole('table').first().textContent()).toContain('3 working days');
    await capture(page, 'ladder-saved');
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();

    const dsl = await newPage(env.browser, env.app.url);
    await signIn(dsl, OAK.dsl);
    expect(await dsl.getByRole('link', { name: 'Ladder', exact: true }).count()).toBe(0);
    await dsl.goto('/admin/ladder');
    await expect.poll(() => heading(dsl)).toBe('You do not have permission to see this page');
    await dsl.context().close();
  });

  it('adds a stage with its limit and who acts, removes another, and the saved version reads back the same', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, ADMIN);
    await page.goto('/admin/ladder');
    await expect.poll(() => heading(page)).toBe('Escalation ladder');
    const before = Number(/version (\d+)/.exec((await page.locator('caption').first().textContent()) ?? '')?.[1]);
    const focused = () => page.evaluate(() => document.activeElement?.id);
    const side = (who: string, stage: number) => page.getByRole('group', { name: `${who} at stage ${stage}`, exact: true });
    const open = (who: string, stage: number) => page.locator('summary', { hasText: `${who} at stage ${stage}:` }).click();
    expect(await page.getByLabel('Stage 4 name').inputValue()).toBe('Safeguarding partnership');

    // A new, empty stage at the end: focus goes to its name; saving it as it is says what it needs.
    await page.getByRole('button', { name: 'Add a stage at the end' }).click();
    await expect.poll(focused).toBe('stages.4.label');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Enter a name for stage 5');
    expect(await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .toEqual(['#stages.4.label', '#stages.4.limitAmount', '#stages.4.raiserRoles']);
    expect(await summary.textContent()).toContain("Enter stage 5's time limit as a whole number");
    expect(await summary.textContent()).toContain('Choose who acts at stage 5');
    await capture(page, 'ladder-new-stage-errors');
    // The roles link leads, by keyboard, into the first role on the raiser's side, which Space ticks.
    await summary.getByRole('link', { name: /Choose who acts at stage 5/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('stages.4.raiserRoles');
    await page.keyboard.press('Space');
    expect(await side("Who acts on the raiser's side", 5).getByLabel('Deputy designated safeguarding lead', { exact: true }).isChecked()).toBe(true);

    // A name another stage already has, and more urgent hours than a stage may have: the server
    // refuses both, each at its own field.
    expect(await page.getByLabel('An urgent disagreement may start at any stage').isChecked()).toBe(true);
    await page.getByLabel('Hours each stage of an urgent disagreement has').fill('100');
    await page.getByLabel('Stage 5 name').fill('Manager to manager');
    await page.getByLabel('Stage 5 time limit').fill('16');
    await page.getByLabel('Stage 5 counted in').selectOption('WORKING_HOURS');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => summary.textContent()).toContain('Stage 5: Another stage is already called "Manager to manager"');
    expect(await summary.textContent()).toContain('An urgent stage has between 1 and 72 hours');
    expect(await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')).sort()))
      .toEqual(['#stages.4.label', '#urgentLimitHours']);
    await capture(page, 'ladder-new-stage-duplicate');

    await page.getByLabel('Stage 5 name').fill('Independent chair review');
    await page.getByLabel('Hours each stage of an urgent disagreement has').fill('6');
    await expect.poll(() => page.locator('[data-preview="5"]').textContent()).toMatch(/If it started now, stage 5 would be due by \d+ \w+ \d{4}/);
    const raiser5 = side("Who acts on the raiser's side", 5);
    await raiser5.getByLabel('Deputy designated safeguarding lead', { exact: true }).uncheck();
    await raiser5.getByLabel('Head of service', { exact: true }).check();
    await raiser5.getByLabel('Designated nurse', { exact: true }).check();
    await open("Who acts on the other agency's side", 5);
    await side("Who acts on the other agency's side", 5).getByLabel('Head of service', { exact: true }).check();
    await open('Who acts for the partnership', 5);
    const partnership5 = side('Who acts for the partnership', 5);
    // Only the partnership's officers are offered for it.
    expect(await partnership5.getByRole('checkbox').count()).toBe(3);
    await partnership5.getByLabel('Independent scrutineer', { exact: true }).check();
    await partnership5.getByLabel('Business manager', { exact: true }).check();
    await partnership5.getByLabel('Business manager', { exact: true }).uncheck();
    // And a headteacher no longer raises at stage 2.
    await open("Who acts on the raiser's side", 2);
    await side("Who acts on the raiser's side", 2).getByLabel('Headteacher', { exact: true }).uncheck();

    // Senior managers go: the stages after it move up, and focus goes to the stage now third.
    await page.getByRole('button', { name: 'Remove stage 3 Senior managers' }).click();
    await expect.poll(focused).toBe('stages.2.label');
    expect(await page.getByLabel('Stage 3 name').inputValue()).toBe('Safeguarding partnership');
    expect(await page.getByLabel('Stage 4 name').inputValue()).toBe('Independent chair review');
    expect(await page.getByLabel('Stage 5 name').count()).toBe(0);
    expect(await page.locator('summary', { hasText: "Who acts on the raiser's side at stage 4:" }).textContent())
      .toContain(': Head of service, Designated nurse');
    await capture(page, 'ladder-new-stage-filled');

    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain(`Version ${before + 1} of the ladder saved`);
    const table = () => page.getByRole('table').first().textContent();
    expect(await table()).toContain('4. Independent chair review');
    expect(await table()).toContain('16 working hours');
    expect(await table()).not.toContain('Senior managers');
    await capture(page, 'ladder-new-stage-saved');

    // Read back after a reload: the form holds what was saved.
    await page.reload();
    await expect.poll(() => page.locator('caption').first().textContent()).toContain(`version ${before + 1}`);
    expect(await table()).toContain('3. Safeguarding partnership');
    expect(await page.getByLabel('Stage 4 name').inputValue()).toBe('Independent chair review');
    expect(await page.getByLabel('Stage 4 time limit').inputValue()).toBe('16');
    expect(await page.getByLabel('Stage 4 counted in').inputValue()).toBe('WORKING_HOURS');
    expect(await page.getByLabel('Hours each stage of an urgent disagreement has').inputValue()).toBe('6');
    expect(await page.locator('summary', { hasText: "Who acts on the raiser's side at stage 4:" }).textContent())
      .toContain(': Head of service, Designated nurse');
    expect(await page.locator('summary', { hasText: 'Who acts for the partnership at stage 4:' }).textContent()).toContain(': Independent scrutineer');
    await open("Who acts on the raiser's side", 2);
    expect(await side("Who acts on the raiser's side", 2).getByLabel('Headteacher', { exact: true }).isChecked()).toBe(false);
    expect(await side("Who acts on the raiser's side", 2).getByLabel('Designated safeguarding lead', { exact: true }).isChecked()).toBe(true);
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();

    // And through the API: the stages and roles chosen, the new stage final in place of the old one.
    const api = await signInToApi(env.app, ADMIN);
    const ladder = (await api.request(LADDER)).data.escalationLadder;
    expect(ladder).toMatchObject({ version: before + 1, urgentPathEnabled: true, urgentLimitHours: 6 });
    const sorted = (roles: string[]) => [...roles].sort();
    expect(ladder.stages.map((s: { label: string }) => s.label))
      .toEqual(['Practitioner to practitioner', 'Manager to manager', 'Safeguarding partnership', 'Independent chair review']);
    const [, second, third, fourth] = ladder.stages;
    expect(second.raiserRoles).not.toContain('HEADTEACHER');
    expect(second.responderRoles).toContain('HEADTEACHER');
    expect(third).toMatchObject({ final: false, alertLeadPartnersOnExpiry: false, escalateAfterGraceWorkingDays: 1 });
    expect({ ...fourth, raiserRoles: sorted(fourth.raiserRoles) }).toMatchObject({
      position: 4, limitAmount: 16, limitClock: 'WORKING_HOURS', final: true, alertLeadPartnersOnExpiry: true, escalateAfterGraceWorkingDays: null,
      raiserRoles: ['DESIGNATED_NURSE', 'HEAD_OF_SERVICE'], responderRoles: ['HEAD_OF_SERVICE'], partnershipRoles: ['INDEPENDENT_SCRUTINEER'],
    });
  });
});
