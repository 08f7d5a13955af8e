// The demo data obeys the product's own rules, and seeding never touches a database with data.
import { isValidNhsNumber, isValidUpn } from '@wraparound/prisma/identifiers';
import { seedDemo } from '@wraparound/prisma/seed';
import { AgencyType, Role } from '@wraparound/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleFitsAgency } from '@wraparound/schema';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('the demo partnership', () => {
  it('has an organisation of every agency type and a user for every role, each role fitting its agency', async () => {
    const users = await app.db.user.findMany({ where: { partnership: { code: 'northmoor' } }, include: { organisation: true } });
    const organisations = await app.db.organisation.findMany({ where: { partnership: { code: 'northmoor' } } });
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

  it('is never seeded into a database that holds data', async () => {
    const before = await app.db.child.count();
    const result = await seedDemo(app.db, { hashPassword: async () => 'unused', passwordFor: () => 'unused' });
    expect(result).toBeNull();
    expect(await app.db.child.count()).toBe(before);
  });
});
