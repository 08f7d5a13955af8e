// Joining the dots in a real browser: the school and then the police raise concerns about one
// pupil; the front door's MASH worker sees the pattern on their home page with the child named,
// marks it looked at, and finds it on the patterns page with who looked and when.
import { describe, expect, it } from 'vitest';
import { FRONT_DOOR, OAK, POLICE, as, globalId } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';

const env = browserAppForFile();
const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const INVOLVED = /* GraphQL */ `mutation($input: ChildInvolvementRecordInput!) { childInvolvementRecord(input: $input) { __typename } }`;
const RAISE = /* GraphQL */ `mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename } }`;

describe('joining the dots', () => {
  it('shows the front door a pupil about whom the school and the police raised concerns, until someone has looked', async () => {
    const oakfield = await env.app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
    const registered = await (await as(env.app, OAK.dsl)).request(REGISTER, {
      input: { givenName: 'Marnie', familyName: 'Threlfall', dateOfBirth: '2014-12-12', schoolId: globalId('Organisation', oakfield.id) },
    });
    const childId = registered.data.childRegister.child.id;
    const concern = (narrative: string) => ({
      input: { childId, categories: ['NEGLECT'], narrative, riskLevel: 'MEDIUM', dslInformed: true, occurredAt: new Date(Date.now() - 3600_000).toISOString() },
    });
    expect((await (await as(env.app, OAK.dsl)).request(RAISE, concern('Often hungry'))).data.concernRaise.__typename).toBe('ConcernRaiseSuccess');
    expect((await (await as(env.app, POLICE[0]!)).request(INVOLVED, { input: { childId, summary: 'Called to the home' } })).data.childInvolvementRecord.__typename)
      .toBe('ChildInvolvementRecordSuccess');
    expect((await (await as(env.app, POLICE[0]!)).request(RAISE, concern('Left alone at night'))).data.concernRaise.__typename).toBe('ConcernRaiseSuccess');

    const mash = await newPage(env.browser, env.app.url);
    await signIn(mash, FRONT_DOOR[1]!);
    const patterns = mash.getByRole('table', { name: /^Concerns to join up: 1 not looked at yet/ });
    await expect.poll(() => patterns.textContent()).toContain('2 concerns from 2 organisations in 30 days');
    expect(await patterns.getByRole('link', { name: 'Marnie Threlfall' }).count()).toBe(1);
    await capture(mash, 'home-concern-patterns');

    await patterns.getByRole('button', { name: 'Mark as looked at for Marnie Threlfall' }).click();
    await mash.getByRole('link', { name: 'All patterns of concerns' }).click();
    await expect.poll(() => heading(mash)).toBe('Concerns to join up');
    const all = mash.getByRole('table', { name: 'Patterns of concerns, newest first' });
    await expect.poll(() => all.textContent()).toContain('by Tom Ibbotson');
    await capture(mash, 'concern-patterns');
    const stored = await env.app.db.concernPattern.findFirstOrThrow({ where: { childId: Buffer.from(childId, 'base64').toString().split(':')[1]! } });
    expect(stored.seenAt).not.toBeNull();
    expect(env.app.serverErrors).toEqual([]);
    await mash.context().close();
  });
});
