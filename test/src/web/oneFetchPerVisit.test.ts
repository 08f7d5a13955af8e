// Opening a screen fetches its data once, even when the screen it came from ran the very same query
// (same document, same variables) and is still closing: every fetch of an audited read writes an
// audit row, and a child's access log must show the reads a person made, not three of each. A new
// visit still fetches afresh (no stale safeguarding data).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FRONT_DOOR, globalId } from '../access/fixtures.ts';
import { browserAppForFile, heading, newPage, signIn } from '../support/browser.ts';

const ADMIN = 'partnership.admin@partnership.northmoor.example';
const env = browserAppForFile();

/** The operation names the page posts to /graphql, in order. */
function operationsOf(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/graphql')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { operationName?: string };
    sent.push(body.operationName ?? '?');
  });
  return sent;
}
const count = (sent: string[], name: string) => sent.filter((n) => n === name).length;
// Let any late duplicate go out before counting.
const settle = (page: Page) => page.waitForTimeout(750);

describe('one fetch per visit', () => {
  it('the list of organisations is fetched once by People and once by Add a person, which runs the same query', async () => {
    const admin = await newPage(env.browser, env.app.url);
    await signIn(admin, ADMIN);
    const sent = operationsOf(admin);
    await admin.getByRole('link', { name: 'People' }).click();
    await expect.poll(() => heading(admin)).toBe('People');
    await expect.poll(() => admin.getByRole('table', { name: 'People' }).count()).toBe(1);
    await settle(admin);
    expect(count(sent, 'Organisations'), sent.join(', ')).toBe(1);

    await admin.getByRole('button', { name: 'Add a person' }).click();
    await expect.poll(() => heading(admin)).toBe('Add a person');
    await expect.poll(() => admin.getByLabel('Organisation').locator('option', { hasText: 'Oakfield Primary School' }).count()).toBe(1);
    await settle(admin);
    expect(count(sent, 'Organisations'), sent.join(', ')).toBe(2);

    // Back to People: a new visit, fetched afresh, once.
    await admin.goBack();
    await expect.poll(() => heading(admin)).toBe('People');
    await settle(admin);
    expect(count(sent, 'Organisations'), sent.join(', ')).toBe(3);
    await admin.context().close();
  });

  it('a child’s record opened, left and opened again is read, and logged, once per visit', async () => {
    const child = await env.app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, mergedIntoId: null } });
    const worker = await env.app.db.user.findUniqueOrThrow({ where: { email: FRONT_DOOR[1]! } });
    const reads = () => env.app.db.auditEvent.count({ where: { action: 'child.read', childId: child.id, actorUserId: worker.id } });
    const before = await reads();
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, FRONT_DOOR[1]!);
    const sent = operationsOf(page);
    await page.goto(`/children/${globalId('Child', child.id)}`);
    await expect.poll(() => heading(page)).toContain(child.familyName);
    await settle(page);
    expect(count(sent, 'Child'), sent.join(', ')).toBe(1);
    expect(await reads()).toBe(before + 1);

    // The request form reads who the child is too: one more read, its own.
    await page.getByRole('button', { name: 'Request information' }).click();
    await expect.poll(() => heading(page)).toContain('Request information');
    await settle(page);
    expect(count(sent, 'InformationRequestForm'), sent.join(', ')).toBe(1);
    expect(await reads()).toBe(before + 2);
    await page.goBack();
    await expect.poll(() => heading(page)).toContain(child.familyName);
    await settle(page);
    expect(count(sent, 'Child'), sent.join(', ')).toBe(2);
    expect(await reads()).toBe(before + 3);
    await page.context().close();
  });
});
