// The demo data obeys the product's own rules, and seeding never touches a database with data.
import { isValidNhsNumber, isValidUpn } from '@wraparound/prisma/identifiers';
import { seedDemo } from '@wraparound/prisma/seed';
import { AgencyType, Role } from '@wraparound/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleFitsAgency, sweepDeadlines } from '@wraparound/schema';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, POLICE, as } from '../access/fixtures.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const frontDoor = () => app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SOCIAL_CARE', partnership: { code: 'northmoor' } } });

describe('the demo partnership', () => {
  it('has an organisation of every agency type and a user for every role, each role fitting its agency', async () => {
    const users = await app.db.user.findMany({ where: { partnership: { code: 'northmoor' } }, include: { organisation: true } });
    const organisations = await app.db.organisation.findMany({ where: { partnershipId: (await frontDoor()).partnershipId } });
    expect(new Set(organisations.map((o) => o.agencyType))).toEqual(new Set(Object.values(AgencyType)));
    expect(new Set(users.flatMap((u) => u.roles))).toEqual(new Set(Object.values(Role)));
    for (const user of users) {
      for (const role of user.roles) expect(roleFitsAgency(role, user.organisation.agencyType), `${user.email} ${role}`).toBe(true);
    }
  });

  it('gives children valid, unique NHS numbers and UPNs', async () => {
    const children = await app.db.child.findMany({ select: { nhsNumber: true, upn: true, partnershipId: true } });
    expect(children.length).toBeGreaterThan(100);
    const nhs = children.flatMap((c) => (c.nhsNumber ? [c.nhsNumber] : []));
    const upns = children.flatMap((c) => (c.upn ? [c.upn] : []));
    expect(nhs.length).toBeGreaterThan(50);
    expect(upns.length).toBeGreaterThan(50);
    expect(nhs.filter((n) => !isValidNhsNumber(n))).toEqual([]);
    expect(upns.filter((u) => !isValidUpn(u))).toEqual([]);
    expect(new Set(nhs).size).toBe(nhs.length);
    expect(new Set(upns).size).toBe(upns.length);
  });

  it('seeds the default escalation ladder: four stages, the last final', async () => {
    const ladder = await app.db.escalationLadder.findFirstOrThrow({
      where: { partnership: { code: 'northmoor' }, current: true },
      include: { stages: { orderBy: { position: 'asc' } } },
    });
    expect(ladder.stages.map((s) => [s.position, s.limitAmount, s.limitClock])).toEqual([
      [1, 5, 'WORKING_DAYS'],
      [2, 5, 'WORKING_DAYS'],
      [3, 5, 'WORKING_DAYS'],
      [4, 10, 'WORKING_DAYS'],
    ]);
    expect(ladder.stages[1]!.notifyPartnershipOnEntry).toBe(true);
    expect(ladder.stages[3]!.alertLeadPartnersOnExpiry).toBe(true);
  });

  it('leaves the front door more than two pages of referrals awaiting a decision: every risk, new and months overdue, from several agencies', async () => {
    const waiting = await app.db.referral.findMany({ where: { decidedAt: null, toOrganisationId: (await frontDoor()).id }, include: { concern: true } });
    const agencyOf = new Map((await app.db.organisation.findMany()).map((o) => [o.id, o.agencyType]));
    expect(waiting.length).toBeGreaterThan(50);
    expect(new Set(waiting.map((r) => r.concern.riskLevel))).toEqual(new Set(['IMMEDIATE', 'HIGH', 'MEDIUM', 'LOW']));
    const now = Date.now();
    const overdueDays = (r: (typeof waiting)[number]) => (now - r.decisionDueAt.getTime()) / 86_400_000;
    expect(waiting.filter((r) => overdueDays(r) < 0).length, 'not yet due').toBeGreaterThan(0);
    expect(waiting.filter((r) => overdueDays(r) > 0 && overdueDays(r) < 7).length, 'days overdue').toBeGreaterThan(0);
    expect(waiting.filter((r) => r.concern.riskLevel === 'IMMEDIATE' && overdueDays(r) > 90).length, 'immediate risk, months overdue').toBeGreaterThan(0);
    expect(new Set(waiting.map((r) => r.fromOrganisationId)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(waiting.map((r) => agencyOf.get(r.fromOrganisationId)))).toEqual(new Set(['SCHOOL', 'POLICE', 'HEALTH', 'EARLY_HELP']));
    // A referral's concern is its referrer's.
    expect(waiting.filter((r) => r.concern.organisationId !== r.fromOrganisationId || r.concern.status !== 'REFERRED')).toEqual([]);
  });

  it('gives every referral awaiting a decision its decision-time deadline, as the API does', async () => {
    const waiting = await app.db.referral.findMany({ where: { decidedAt: null }, select: { id: true, decisionDueAt: true } });
    const deadlines = await app.db.deadline.findMany({ where: { kind: 'REFERRAL_DECISION_DUE', subjectId: { in: waiting.map((r) => r.id) } } });
    expect(deadlines.map((d) => [d.subjectId, d.dueAt.toISOString(), d.state]).sort()).toEqual(
      waiting.map((r) => [r.id, r.decisionDueAt.toISOString(), 'PENDING']).sort(),
    );
  });

  it('has Operation Encompass notifications read in time, unread and just sent, each with its deadline as the API leaves it', async () => {
    const notifications = await app.db.encompassNotification.findMany({ where: { partnershipId: (await frontDoor()).partnershipId } });
    const now = app.now();
    const unread = notifications.filter((n) => !n.acknowledgedAt);
    expect(notifications.filter((n) => n.acknowledgedAt && n.acknowledgedAt <= n.dueBy).length).toBeGreaterThan(0);
    expect(unread.filter((n) => n.dueBy < now).length).toBeGreaterThan(0);
    expect(unread.filter((n) => n.dueBy > now).length).toBeGreaterThan(0);
    const deadlines = await app.db.deadline.findMany({ where: { kind: 'ENCOMPASS_DUE', subjectId: { in: notifications.map((n) => n.id) } } });
    expect(deadlines.filter((d) => d.state === 'PENDING').map((d) => [d.subjectId, d.dueAt.toISOString()]).sort()).toEqual(
      unread.map((n) => [n.id, n.dueBy.toISOString()]).sort(),
    );
    // Shared with the school, as encompassNotify records it.
    const shares = await app.db.share.findMany({ where: { entryId: { in: notifications.map((n) => n.entryId) } } });
    expect(shares.map((s) => [s.entryId, s.recipientOrganisationId, s.purpose]).sort()).toEqual(notifications.map((n) => [n.entryId, n.schoolId, 'Operation Encompass']).sort());
  });

  it('alerts the front door’s managers, once, about every seeded referral past its decision time when the sweep runs', async () => {
    const overdue = await app.db.referral.findMany({
      where: { decidedAt: null, decisionDueAt: { lt: app.now() }, toOrganisationId: (await frontDoor()).id },
      include: { concern: { select: { reference: true } } },
    });
    const notYetDue = await app.db.referral.findMany({
      where: { decidedAt: null, decisionDueAt: { gt: new Date(app.now().getTime() + 60_000) } },
      include: { concern: { select: { reference: true } } },
    });
    expect(overdue.length).toBeGreaterThan(20);
    expect(notYetDue.length).toBeGreaterThan(0);
    const MASH_MANAGER = FRONT_DOOR[3]!;
    const unreadBefore = (await (await as(app, MASH_MANAGER)).request('query { notificationUnreadCount }')).data.notificationUnreadCount;

    await sweepDeadlines(app.db, app.now());
    await sweepDeadlines(app.db, app.now()); // a second sweep tells nobody again

    const events = await app.db.notificationEvent.findMany({ where: { kind: 'REFERRAL_OVERDUE', partnershipId: (await frontDoor()).partnershipId }, select: { reference: true } });
    expect(events.map((e) => e.reference).sort()).toEqual(overdue.map((r) => r.concern.reference).sort());
    expect(events.filter((e) => notYetDue.some((r) => r.concern.reference === e.reference))).toEqual([]);
    // The MASH manager sees each in the app.
    const manager = await as(app, MASH_MANAGER);
    const unread = (await manager.request('query { notificationUnreadCount }')).data.notificationUnreadCount;
    expect(unread - unreadBefore).toBeGreaterThanOrEqual(overdue.length);
    const latest = await manager.request('query { notifications(first: 5) { edges { node { kind urgent } } } }');
    expect(latest.data.notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(
      expect.arrayContaining(['REFERRAL_OVERDUE']),
    );
  });

  it('alerts the school’s leads, then the force’s Encompass lead, about every seeded notification unread at the start of the school day, when the sweep runs', async () => {
    const now = app.now();
    const unread = await app.db.encompassNotification.findMany({ where: { acknowledgedAt: null, partnershipId: (await frontDoor()).partnershipId } });
    await sweepDeadlines(app.db, now);
    const told = async (kind: string) =>
      (await app.db.notificationEvent.findMany({ where: { kind, reference: { in: unread.map((n) => n.reference) } }, select: { reference: true } })).map((e) => e.reference).sort();
    const overdue = unread.filter((n) => n.dueBy < now).map((n) => n.reference).sort();
    expect(overdue.length).toBeGreaterThan(0);
    expect(await told('ENCOMPASS_UNACKNOWLEDGED')).toEqual(overdue);
    // Two office hours later the force's detective inspector: long past for the seeded ones.
    expect(await told('ENCOMPASS_STILL_UNACKNOWLEDGED')).toEqual(overdue);
    const inspector = await as(app, POLICE[2]!);
    const seen = await inspector.request('query { notifications(first: 20) { edges { node { kind reference } } } }');
    expect(seen.data.notifications.edges.filter((e: { node: { kind: string } }) => e.node.kind === 'ENCOMPASS_STILL_UNACKNOWLEDGED').map((e: { node: { reference: string } }) => e.node.reference).sort()).toEqual(overdue);
  });

  it('is never seeded into a database that holds data', async () => {
    const before = await app.db.child.count();
    const result = await seedDemo(app.db, { hashPassword: async () => 'unused', passwordFor: () => 'unused' });
    expect(result).toBeNull();
    expect(await app.db.child.count()).toBe(before);
  });
});
