// What the web app needs around restrictions, over the real API: telling a practitioner that a
// restriction hides part of a record they would otherwise see (and nothing to anyone else),
// finding the people to name on a restriction, and one grant for the IG lead's review. Each with
// the people it must refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { startTestApp, type TestApp } from '../support/app.ts';
import { SHARE, as, globalId } from '../access/fixtures.ts';
import { BREAK_GLASS, EMAIL, LIFT, RESTRICT, oakfieldPupil, raiseConcern, userId } from './support.ts';

const NOTICE = /* GraphQL */ `query($id: ID!) { restrictionNotice(childId: $id) { wholeRecord restrictedEntries emergencyAccessUntil } }`;
const GRANT = /* GraphQL */ `query($id: ID!) { breakGlassGrant(id: $id) { id reason user { displayName } } }`;
const PEOPLE = /* GraphQL */ `query($name: String!) { restrictionPeople(name: $name) { totalCount edges { node { id displayName organisation { name } } } } }`;

let app: TestApp;
let child: Child;
let entryId: string;
beforeAll(async () => {
  app = await startTestApp();
  child = await oakfieldPupil(app);
  // Social care's entry about an Oakfield pupil, shared with the school: its DSLs read it.
  const socialWorker = await as(app, EMAIL.socialWorker);
  ({ entryId } = await raiseConcern(socialWorker, child.id, 'Home visit: mother disclosed a relative works at the school'));
  const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  const shared = await socialWorker.request(SHARE, {
    input: {
      entryId: globalId('ChronologyEntry', entryId), recipientOrganisationId: globalId('Organisation', oakfield.id),
      whatShared: 'The visit record', purpose: 'The school supports the child daily', lawfulBasis: 'PUBLIC_TASK', consentStatus: 'GIVEN',
    },
  });
  expect(shared.data.shareCreate.__typename, shared.raw).toBe('ShareSuccess');
});
afterAll(() => app?.close());

const noticeFor = async (email: string, id = child.id) =>
  (await (await as(app, email)).request(NOTICE, { id: globalId('Child', id) })).data.restrictionNotice;
const noticesLogged = () => app.db.auditEvent.count({ where: { action: 'restriction.notice' } });

describe('restrictionPeople', () => {
  const names = async (email: string, name: string) =>
    ((await (await as(app, email)).request(PEOPLE, { name })).data.restrictionPeople.edges as { node: { displayName: string } }[]).map((e) => e.node.displayName);

  it('finds active people of the partnership by part of their name, for those who may restrict', async () => {
    expect(await names(EMAIL.dsl, 'firth')).toEqual(['Angela Firth']);
    const [angela] = (await (await as(app, EMAIL.socialWorker)).request(PEOPLE, { name: 'Angela' })).data.restrictionPeople.edges.map((e: { node: unknown }) => e.node);
    expect(angela).toEqual({ id: globalId('User', await userId(app, EMAIL.teamManager)), displayName: 'Angela Firth', organisation: { name: expect.any(String) } });
    expect(await names(EMAIL.igLead, ' Holt ')).toEqual(['Sarah Holt']);
    // Under two letters finds nobody; another partnership's people are never found.
    expect(await names(EMAIL.dsl, 'a')).toEqual([]);
    expect(await names(EMAIL.dsl, 'Owen Pritchard')).toEqual([]);
    expect(await names(EMAIL.otherbyDsl, 'Owen')).toEqual(['Owen Pritchard']);
  });

  it('says how many match and pages through them, rather than stopping at a page', async () => {
    const dsl = await as(app, EMAIL.dsl);
    const first = (await dsl.request(`query { restrictionPeople(name: "an", first: 3) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`)).data.restrictionPeople;
    const partnership = (await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.dsl } })).partnershipId;
    const expected = await app.db.user.count({ where: { partnershipId: partnership, active: true, displayName: { contains: 'an', mode: 'insensitive' } } });
    expect(expected).toBeGreaterThan(3);
    expect(first.totalCount).toBe(expected);
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await dsl.request(`query($after: String) { restrictionPeople(name: "an", first: 3, after: $after) { edges { node { id } } } }`, { after: first.pageInfo.endCursor })).data.restrictionPeople;
    expect(next.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(first.edges[0].node.id);
  });

  it('finds nobody deactivated, and nobody at all for those who may not restrict', async () => {
    await app.db.user.update({ where: { email: EMAIL.mashWorker }, data: { active: false } });
    try {
      expect(await names(EMAIL.dsl, 'Ibbotson')).toEqual([]);
    } finally {
      await app.db.user.update({ where: { email: EMAIL.mashWorker }, data: { active: true } });
    }
    for (const email of [EMAIL.staff, EMAIL.admin, `business.manager@partnership.northmoor.example`]) {
      expect(await names(email, 'Firth'), email).toEqual([]);
    }
  });
});

describe('restrictionNotice', () => {
  it('tells those who would see a restricted entry that it is hidden from them, and nobody else anything', async () => {
    const nothing = { wholeRecord: false, restrictedEntries: 0, emergencyAccessUntil: null };
    expect(await noticeFor(EMAIL.dsl)).toEqual(nothing);
    const before = await noticesLogged();
    expect(before).toBe(0);

    const created = await (await as(app, EMAIL.socialWorker)).request(RESTRICT, {
      input: { entryId: globalId('ChronologyEntry', entryId), reason: 'Relative of a member of school staff', memberUserIds: [globalId('User', await userId(app, EMAIL.teamManager))] },
    });
    expect(created.data.restrictionCreate.__typename, created.raw).toBe('RestrictionCreateSuccess');

    // The school's record readers would see the shared entry: they are told one entry is restricted.
    expect(await noticeFor(EMAIL.dsl)).toEqual({ ...nothing, restrictedEntries: 1 });
    expect(await noticeFor(EMAIL.deputy)).toEqual({ ...nothing, restrictedEntries: 1 });
    expect(await noticesLogged()).toBe(2);
    // The members see the entry; the staff member would not have seen it anyway; the mash worker
    // (social care reads its own organisation's entries) is told.
    expect(await noticeFor(EMAIL.socialWorker)).toEqual(nothing);
    expect(await noticeFor(EMAIL.teamManager)).toEqual(nothing);
    expect(await noticeFor(EMAIL.staff)).toEqual(nothing);
    expect(await noticeFor(EMAIL.mashWorker)).toEqual({ ...nothing, restrictedEntries: 1 });
    // People who do not know the child, or read no child, get null: as for a child that does not exist.
    const otherChild = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'otherby' } } });
    for (const email of [EMAIL.igLead, EMAIL.admin, EMAIL.otherbyDsl]) expect(await noticeFor(email), email).toBeNull();
    expect(await noticeFor(EMAIL.dsl, otherChild.id)).toBeNull();
    expect(await noticeFor(EMAIL.dsl, '00000000-0000-7000-8000-000000000000')).toBeNull();
    expect(await noticesLogged()).toBe(3);

    const lifted = await (await as(app, EMAIL.socialWorker)).request(LIFT, { id: created.data.restrictionCreate.restriction.id, reason: 'Staff member has left' });
    expect(lifted.data.restrictionLift.__typename).toBe('RestrictionLiftSuccess');
    expect(await noticeFor(EMAIL.dsl)).toEqual(nothing);
  });

  it("tells a whole record is restricted, and until when the viewer's emergency access lasts", async () => {
    const teamManager = await as(app, EMAIL.teamManager);
    const created = await teamManager.request(RESTRICT, { input: { childId: globalId('Child', child.id), reason: 'Case under review', memberUserIds: [] } });
    expect(created.data.restrictionCreate.__typename, created.raw).toBe('RestrictionCreateSuccess');

    expect(await noticeFor(EMAIL.dsl)).toEqual({ wholeRecord: true, restrictedEntries: 0, emergencyAccessUntil: null });
    expect(await noticeFor(EMAIL.socialWorker)).toMatchObject({ wholeRecord: true });
    expect(await noticeFor(EMAIL.teamManager)).toMatchObject({ wholeRecord: false });
    expect(await noticeFor(EMAIL.igLead)).toBeNull();
    expect(await noticeFor(EMAIL.police)).toBeNull();

    const grant = await (await as(app, EMAIL.dsl)).request(BREAK_GLASS, {
      input: { childId: globalId('Child', child.id), reason: 'Child disclosed harm this morning; need the history now' },
    });
    expect(grant.data.breakGlass.__typename, grant.raw).toBe('BreakGlassSuccess');
    expect(await noticeFor(EMAIL.dsl)).toEqual({ wholeRecord: true, restrictedEntries: 0, emergencyAccessUntil: grant.data.breakGlass.grant.expiresAt });
    // Someone else's grant is not theirs.
    expect(await noticeFor(EMAIL.deputy)).toMatchObject({ emergencyAccessUntil: null });

    // The IG lead reads the grant by its id to review it (logged); nobody else, not even its holder.
    const grantId = grant.data.breakGlass.grant.id;
    const igRead = await (await as(app, EMAIL.igLead)).request(GRANT, { id: grantId });
    expect(igRead.data.breakGlassGrant).toEqual({ id: grantId, reason: 'Child disclosed harm this morning; need the history now', user: { displayName: 'Helen Marsh' } });
    for (const email of [EMAIL.dsl, EMAIL.teamManager, EMAIL.admin, EMAIL.otherbyDsl]) {
      expect((await (await as(app, email)).request(GRANT, { id: grantId })).data.breakGlassGrant, email).toBeNull();
    }
    expect((await (await as(app, EMAIL.igLead)).request(GRANT, { id: globalId('BreakGlassGrant', '00000000-0000-7000-8000-000000000000') })).data.breakGlassGrant).toBeNull();
    expect(await app.db.auditEvent.count({ where: { action: 'break_glass.read' } })).toBe(1);

    // Last in this file: sessions end on the same clock.
    app.advanceClock(24 * 3600_000);
    const dsl = await (await import('../support/personas.ts')).signIn(app, EMAIL.dsl);
    expect((await dsl.request(NOTICE, { id: globalId('Child', child.id) })).data.restrictionNotice).toMatchObject({ wholeRecord: true, emergencyAccessUntil: null });
  });
});
