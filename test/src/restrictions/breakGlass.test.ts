// Breaking the glass, over the real API: who may, what a reason must say, what one transaction
// writes (grant, expiry deadline, audit event, the IG lead's alert), the IG lead's review, and
// access ending when the grant expires on the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signIn } from '../support/personas.ts';
import { as, globalId } from '../access/fixtures.ts';
import {
  BREAK_GLASS, EMAIL, GRANTS, RESTRICT, REVIEW, counts, decode, oakfieldPupil, sees, userId,
} from './support.ts';

let app: TestApp;
let child: Child;
let entryId: string;
const REASON = 'Child missing overnight; police need the safeguarding history now';

beforeAll(async () => {
  app = await startTestApp();
  child = await oakfieldPupil(app);
  entryId = (await app.db.chronologyEntry.findFirstOrThrow({ where: { childId: child.id }, orderBy: { id: 'asc' } })).id;
  // The child's whole record is restricted to the head of service: the team manager cannot see it.
  const restricted = await (await as(app, EMAIL.headOfService)).request(RESTRICT, {
    input: { childId: globalId('Child', child.id), reason: 'Case under serious case review', memberUserIds: [] },
  });
  expect(restricted.data.restrictionCreate.__typename, restricted.raw).toBe('RestrictionCreateSuccess');
});
afterAll(() => app?.close());

const breakGlassOn = (childId: string, reason = REASON) => ({ input: { childId: globalId('Child', childId), reason } });

describe('breaking the glass: refusals write nothing', () => {
  it('a role that may not break the glass is told so', async () => {
    const before = await counts(app);
    for (const email of [EMAIL.staff, EMAIL.admin, EMAIL.socialWorker, EMAIL.igLead, EMAIL.police]) {
      const result = await (await as(app, email)).request(BREAK_GLASS, breakGlassOn(child.id));
      expect(result.data.breakGlass.__typename, email).toBe('NotAuthorisedError');
    }
    expect(await counts(app)).toEqual(before);
  });

  it('a reason under 20 characters is a validation error naming `reason`', async () => {
    const teamManager = await as(app, EMAIL.teamManager);
    const before = await counts(app);
    for (const reason of ['urgent', '   nineteen chars!!   ', '']) {
      const result = await teamManager.request(BREAK_GLASS, breakGlassOn(child.id, reason));
      expect(result.data.breakGlass).toMatchObject({
        __typename: 'ValidationError',
        fieldErrors: [{ field: 'reason', message: 'Explain the emergency in at least 20 characters' }],
      });
    }
    expect(await counts(app)).toEqual(before);
  });

  it("another partnership's child, or no child at all, does not exist", async () => {
    const other = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'otherby' } } });
    const teamManager = await as(app, EMAIL.teamManager);
    const before = await counts(app);
    for (const id of [other.id, '00000000-0000-7000-8000-000000000000']) {
      expect((await teamManager.request(BREAK_GLASS, breakGlassOn(id))).data.breakGlass.__typename).toBe('NotFoundError');
    }
    expect(await counts(app)).toEqual(before);
  });
});

describe('a team manager breaks the glass on a restricted child', () => {
  let grantId: string;

  it('gains time-limited access; the grant, deadline, audit event and IG alert are written together', async () => {
    const teamManager = await as(app, EMAIL.teamManager);
    expect(await sees(teamManager, child.id, entryId)).toMatchObject({ child: false, chronology: false, entry: false });

    const before = await counts(app);
    const started = Date.now();
    const result = await teamManager.request(BREAK_GLASS, breakGlassOn(child.id, `  ${REASON}  `));
    expect(result.data.breakGlass.__typename, result.raw).toBe('BreakGlassSuccess');
    const grant = result.data.breakGlass.grant;
    grantId = grant.id;
    expect(grant).toMatchObject({ childId: globalId('Child', child.id), reason: REASON, live: true, user: { displayName: 'Angela Firth' } });
    // The partnership's breakGlassMinutes (240 by default).
    const minutes = (await app.db.partnership.findUniqueOrThrow({ where: { code: 'northmoor' } })).breakGlassMinutes;
    const lasts = new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime();
    expect(lasts).toBe(minutes * 60_000);
    expect(new Date(grant.grantedAt).getTime()).toBeGreaterThanOrEqual(started - 1000);

    // Exactly: one grant, one deadline, one event, two notifications (one IG lead, two channels), one audit row.
    expect(await counts(app)).toEqual({
      ...before, grants: before.grants + 1, deadlines: before.deadlines + 1, events: before.events + 1,
      notifications: before.notifications + 2, audit: before.audit + 1,
    });

    expect(await sees(teamManager, child.id, entryId)).toMatchObject({ child: true, chronology: true, entry: true });

    const id = decode(grantId);
    const deadline = await app.db.deadline.findFirstOrThrow({ where: { kind: 'BREAK_GLASS_EXPIRY', subjectId: id } });
    expect(deadline).toMatchObject({ state: 'PENDING', dueAt: new Date(grant.expiresAt) });

    const teamManagerId = await userId(app, EMAIL.teamManager);
    const igLeadId = await userId(app, EMAIL.igLead);
    const event = await app.db.notificationEvent.findFirstOrThrow({ where: { subjectType: 'BreakGlassGrant', subjectId: id }, include: { notifications: true } });
    expect(event).toMatchObject({ kind: 'BREAK_GLASS', urgent: true, actorUserId: teamManagerId });
    expect(event.reference).toMatch(/^BG-[2-9A-HJ-NP-Z]{6}$/);
    expect(event.notifications.map((n) => [n.recipientUserId, n.channel, n.status, n.idempotencyKey]).sort()).toEqual([
      [igLeadId, 'EMAIL', 'PENDING', `${event.id}:${igLeadId}:EMAIL`],
      [igLeadId, 'IN_APP', 'SENT', `${event.id}:${igLeadId}:IN_APP`],
    ]);
    // What an email is made from carries no personal data about the child, nor the reason.
    const { notifications, ...eventRow } = event;
    const alertText = JSON.stringify([eventRow, notifications]);
    for (const value of [child.givenName, child.familyName, child.nhsNumber, child.upn, REASON]) {
      if (value) expect(alertText).not.toContain(value);
    }

    // The IG lead sees the grant in the child's access log with its reason, and in the review queue.
    const igLead = await as(app, EMAIL.igLead);
    const log = await igLead.request(/* GraphQL */ `query($id: ID!) { childAccessLog(childId: $id, first: 50) { edges { node { action purpose actor { displayName } } } } }`, { id: globalId('Child', child.id) });
    expect(log.data.childAccessLog.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      action: 'break_glass.grant', purpose: REASON, actor: { displayName: 'Angela Firth' },
    });
    const queue = await igLead.request(GRANTS, { unreviewedOnly: true });
    expect(queue.data.breakGlassGrants.edges.map((e: { node: unknown }) => e.node)).toEqual([
      expect.objectContaining({ id: grantId, reason: REASON, live: true, reviewedAt: null, user: { displayName: 'Angela Firth' } }),
    ]);
    // Nobody else sees the queue.
    expect((await teamManager.request(GRANTS, {})).data.breakGlassGrants.edges).toEqual([]);
  });

  it('is reviewed by the IG lead, once', async () => {
    const teamManager = await as(app, EMAIL.teamManager);
    expect((await teamManager.request(REVIEW, { id: grantId, outcome: 'Fine' })).data.breakGlassReview.__typename).toBe('NotAuthorisedError');
    const igLead = await as(app, EMAIL.igLead);
    const blank = await igLead.request(REVIEW, { id: grantId, outcome: ' ' });
    expect(blank.data.breakGlassReview.fieldErrors).toEqual([{ field: 'outcome', message: 'Record the outcome of the review' }]);
    const missing = await igLead.request(REVIEW, { id: globalId('BreakGlassGrant', '00000000-0000-7000-8000-000000000000'), outcome: 'x' });
    expect(missing.data.breakGlassReview.__typename).toBe('NotFoundError');

    const reviewed = await igLead.request(REVIEW, { id: grantId, outcome: 'Justified: child missing, police request confirmed' });
    expect(reviewed.data.breakGlassReview).toMatchObject({
      __typename: 'BreakGlassReviewSuccess',
      grant: { id: grantId, reviewOutcome: 'Justified: child missing, police request confirmed', reviewedBy: { displayName: 'Graham Pickles' } },
    });
    expect((await igLead.request(REVIEW, { id: grantId, outcome: 'Again' })).data.breakGlassReview.__typename).toBe('ValidationError');
    expect((await igLead.request(GRANTS, { unreviewedOnly: true })).data.breakGlassGrants.edges).toEqual([]);
    expect((await igLead.request(GRANTS, {})).data.breakGlassGrants.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([grantId]);
    const audit = await app.db.auditEvent.findMany({ where: { subjectId: decode(grantId) }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['break_glass.grant', 'break_glass.review']);
  });

  it('ends when the grant expires: advancing the clock past expiresAt removes access', async () => {
    const minutes = (await app.db.partnership.findUniqueOrThrow({ where: { code: 'northmoor' } })).breakGlassMinutes;
    app.advanceClock((minutes - 5) * 60_000);
    // Sessions end after 30 idle minutes on the same clock: sign in again.
    let teamManager = await signIn(app, EMAIL.teamManager);
    expect(await sees(teamManager, child.id, entryId)).toMatchObject({ child: true, entry: true });

    app.advanceClock(6 * 60_000);
    teamManager = await signIn(app, EMAIL.teamManager);
    expect(await sees(teamManager, child.id, entryId)).toMatchObject({ child: false, chronology: false, entry: false });
    const igLead = await signIn(app, EMAIL.igLead);
    const grants = await igLead.request(GRANTS, {});
    expect(grants.data.breakGlassGrants.edges.map((e: { node: { live: boolean } }) => e.node.live)).toEqual([false]);
  });
});
