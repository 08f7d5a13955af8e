// A MASH information request in a real browser: the MASH worker asks the police what they hold on
// a child; a police officer finds it on their home page and answers; the MASH worker reads the
// answer. Each screen is checked with axe-core empty, with errors and filled. Each says who the
// child is: the police, who may not open the child's record, see the details the MASH sent.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRONT_DOOR, POLICE, as, globalId } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { childInView, expectChildInView, recordSummary } from './support.ts';

const POLICE_TEAM = 'Northmoor Police – Public Protection';
const env = browserAppForFile();
let mash: Page;
let reference: string;
let childId: string;
beforeAll(async () => {
  mash = await newPage(env.browser, env.app.url);
});
const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();

describe('an information request', () => {
  it('is made by the MASH worker from the child’s record', async () => {
    // A pupil the police know nothing of: asked about them, the police may not open their record.
    const child = await env.app.db.child.findFirstOrThrow({
      where: {
        school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, mergedIntoId: null, nhsNumber: { not: null },
        entries: { none: { OR: [{ organisation: { agencyType: 'POLICE' } }, { shares: { some: {} } }] } }, assignments: { none: {} },
      },
    });
    childId = child.id;
    const police = await (await as(env.app, POLICE[0]!)).request(/* GraphQL */ `query($id: ID!) { child(id: $id) { id } }`, { id: globalId('Child', child.id) });
    expect(police.data.child, 'the police may not open this child’s record').toBeNull();
    await signIn(mash, FRONT_DOOR[1]!);
    await mash.goto(`/children/${globalId('Child', child.id)}`);
    await mash.getByRole('button', { name: 'Request information' }).click();
    await expect.poll(() => heading(mash)).toContain('Request information');
    await capture(mash, 'information-request-new');

    await mash.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => errorSummary(mash)).toContain('Select the RAG rating');
    expect(await errorSummary(mash)).toContain('Select at least one agency to ask');
    await capture(mash, 'information-request-new-errors');

    await mash.getByLabel('Amber').check();
    await mash.getByLabel('What do you want to know?').fill('Any police attendance at the home address in the last year?');
    await mash.getByLabel('Why do you need it?').fill('To decide the response to a referral from the school.');
    await mash.getByLabel(POLICE_TEAM).check();
    await capture(mash, 'information-request-new-filled');
    await mash.getByRole('button', { name: 'Send request' }).click();

    await expect.poll(() => heading(mash)).toBe('Information requests you have made');
    const banner = (await mash.locator('.govuk-notification-banner').textContent())!;
    reference = /Information request (\S+) sent/.exec(banner)![1]!;
    expect(await mash.getByRole('table', { name: `Answers to ${reference}` }).textContent()).toContain('Not answered yet');
    await capture(mash, 'information-requests-sent');
  });

  it('is answered by the police from their home page', async () => {
    const officer = await newPage(env.browser, env.app.url);
    await signIn(officer, POLICE[0]!);
    await officer.getByRole('table', { name: 'Information requests to answer' }).getByRole('link', { name: reference }).click();
    await expect.poll(() => heading(officer)).toContain(`Information request ${reference}`);
    await expectChildInView(childInView(officer), env.app, childId, { opens: false, identity: true });
    await capture(officer, 'information-request-answer');

    await officer.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => errorSummary(officer)).toContain('Select whether your organisation holds information');
    await officer.getByLabel('We hold information').check();
    await officer.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => errorSummary(officer)).toContain('Enter what your organisation holds');
    await capture(officer, 'information-request-answer-errors');

    await officer.getByLabel('What your organisation holds').fill('Two domestic incidents attended in March; no arrests.');
    await capture(officer, 'information-request-answer-filled');
    await officer.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => officer.locator('.govuk-notification-banner').textContent()).toContain('Answer sent to the requester');
    await expect.poll(() => recordSummary(officer).textContent()).toContain('Two domestic incidents attended in March');
    expect(await officer.getByRole('button', { name: 'Send answer' }).count()).toBe(0);
    await capture(officer, 'information-request-answered');

    // Only the MASH makes requests: the police officer's own address for them says so.
    await officer.goto('/information-requests');
    await expect.poll(() => heading(officer)).toBe('You do not have permission to see this page');
    await officer.context().close();
  });

  it('shows the requester the answer', async () => {
    await mash.reload();
    await expect.poll(() => mash.getByRole('table', { name: `Answers to ${reference}` }).textContent()).toContain('Two domestic incidents attended in March');

    // The police's answer on its own page, and the whole request, each with the child and a link to their record.
    await mash.getByRole('table', { name: `Answers to ${reference}` }).getByRole('link', { name: POLICE_TEAM }).click();
    await expect.poll(() => recordSummary(mash).textContent()).toContain('Two domestic incidents attended in March');
    await expectChildInView(childInView(mash), env.app, childId, { opens: true });
    const request = await env.app.db.informationRequest.findFirstOrThrow({ where: { reference } });
    await mash.goto(`/information-requests/request/${globalId('InformationRequest', request.id)}`);
    await expect.poll(() => mash.getByRole('table', { name: `Answers to ${reference}` }).textContent()).toContain('Two domestic incidents attended in March');
    await expectChildInView(childInView(mash), env.app, childId, { opens: true });
    await capture(mash, 'information-request-requester-answered');
    expect(env.app.serverErrors).toEqual([]);
    await mash.context().close();
  });
});
