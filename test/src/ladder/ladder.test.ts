// The escalation ladder as configuration: everyone in the partnership reads it, only the
// partnership's administrator changes it, a change is a new version (earlier versions, and the
// disagreements on them, untouched), and the partnership's calendar previews a stage's deadline.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { EMAIL, LADDER, LADDERS, PREVIEW, SAVE, ladderRowCounts, threeStageLadder } from './support.ts';

let app: TestApp;
let northmoorId: string;
let otherbyId: string;
beforeAll(async () => {
  app = await startTestApp();
  northmoorId = (await app.db.partnership.findUniqueOrThrow({ where: { code: 'northmoor' } })).id;
  otherbyId = (await app.db.partnership.findUniqueOrThrow({ where: { code: 'otherby' } })).id;
});
afterAll(() => app?.close());

const NOT_FINAL = { final: false, alertLeadPartnersOnExpiry: false };

describe('reading the ladder', () => {
  it('shows everyone in the partnership the seeded default ladder', async () => {
    const result = await (await as(app, EMAIL.dsl)).request(LADDER);
    const ladder = result.data.escalationLadder;
    expect(ladder).toMatchObject({
      version: 1,
      current: true,
      urgentPathEnabled: true,
      urgentLimitHours: 4,
      createdBy: { email: EMAIL.admin },
    });
    expect(ladder.stages.map((s: { position: number; label: string; limitAmount: number; limitClock: string }) => [s.position, s.label, s.limitAmount, s.limitClock])).toEqual([
      [1, 'Practitioner to practitioner', 5, 'WORKING_DAYS'],
      [2, 'Manager to manager', 5, 'WORKING_DAYS'],
      [3, 'Senior managers', 5, 'WORKING_DAYS'],
      [4, 'Safeguarding partnership', 10, 'WORKING_DAYS'],
    ]);
    expect(ladder.stages.map((s: { notifyPartnershipOnEntry: boolean }) => s.notifyPartnershipOnEntry)).toEqual([false, true, false, false]);
    expect(ladder.stages.map((s: { final: boolean }) => s.final)).toEqual([false, false, false, true]);
    expect(ladder.stages.map((s: { escalateAfterGraceWorkingDays: number | null }) => s.escalateAfterGraceWorkingDays)).toEqual([1, 1, 1, null]);
    expect(ladder.stages[0]).toMatchObject({ ...NOT_FINAL, reminderPercents: [50, 80], notifyNextOnExpiry: true, partnershipRoles: [] });
    expect(ladder.stages[0].raiserRoles).toContain('SCHOOL_STAFF');
    expect(ladder.stages[3]).toMatchObject({
      final: true,
      alertLeadPartnersOnExpiry: true,
      raiserRoles: [],
      responderRoles: [],
      partnershipRoles: ['DELEGATED_SAFEGUARDING_PARTNER', 'BUSINESS_MANAGER'],
    });
    expect(ladder.reasonCategories[0]).toEqual({
      code: 'THRESHOLD_NOT_MET', label: 'Referral judged below the threshold for assessment', excluded: false, redirectTo: null,
    });
    expect(ladder.reasonCategories.find((c: { code: string }) => c.code === 'CP_CONFERENCE_DECISION')).toEqual({
      code: 'CP_CONFERENCE_DECISION',
      label: "A child protection conference's decision",
      excluded: true,
      redirectTo: 'the chair of the child protection conference',
    });

    // Everyone needs to know the procedure: a school's staff member, the police, the IG lead.
    for (const email of [EMAIL.staff, EMAIL.police, EMAIL.igLead, EMAIL.scrutineer]) {
      const other = await (await as(app, email)).request(LADDER);
      expect(other.data.escalationLadder, email).toEqual(ladder);
    }
  });

  it('lists every version to the business manager and the administrator only', async () => {
    for (const email of [EMAIL.admin, EMAIL.businessManager]) {
      const result = await (await as(app, email)).request(LADDERS);
      expect(result.data.escalationLadders, email).toEqual([{ version: 1, current: true, stages: [1, 2, 3, 4].map((position) => ({ position })) }]);
    }
    for (const email of [EMAIL.dsl, EMAIL.dsp, EMAIL.igLead]) {
      const result = await (await as(app, email)).request(LADDERS);
      expect(result.data.escalationLadders, email).toEqual([]);
    }
  });
});

describe('saving the ladder', () => {
  it('refuses everyone but the administrator, and writes nothing', async () => {
    const before = await ladderRowCounts(app);
    for (const email of [EMAIL.dsl, EMAIL.businessManager, EMAIL.teamManager, EMAIL.igLead, EMAIL.dsp, EMAIL.headOfService, EMAIL.otherbyDsl]) {
      const result = await (await as(app, email)).request(SAVE, { input: threeStageLadder() });
      expect(result.data.escalationLadderSave, email).toEqual({
        __typename: 'NotAuthorisedError',
        message: "Only the partnership's administrator can change the escalation ladder",
      });
    }
    // Refused before the input is looked at: a bad configuration gets the same answer.
    const bad = await (await as(app, EMAIL.businessManager)).request(SAVE, { input: { ...threeStageLadder(), stages: [] } });
    expect(bad.data.escalationLadderSave.__typename).toBe('NotAuthorisedError');
    expect(await ladderRowCounts(app)).toEqual(before);
  });

  it('writes a new current version; the earlier one keeps its stages and is still readable', async () => {
    const v1Rows = await app.db.escalationLadder.findFirstOrThrow({
      where: { partnershipId: northmoorId, version: 1 },
      include: { stages: { orderBy: { position: 'asc' } }, reasonCategories: { orderBy: { id: 'asc' } } },
    });
    const admin = await as(app, EMAIL.admin);
    const v1 = (await admin.request(LADDER)).data.escalationLadder;
    const before = await ladderRowCounts(app);

    const result = await admin.request(SAVE, { input: threeStageLadder() });
    expect(result.data.escalationLadderSave.__typename, result.raw).toBe('EscalationLadderSaveSuccess');
    const saved = result.data.escalationLadderSave.ladder;
    expect(saved).toMatchObject({
      version: 2,
      current: true,
      name: 'Resolving professional differences (revised)',
      urgentPathEnabled: true,
      urgentLimitHours: 8,
      createdBy: { email: EMAIL.admin },
    });
    expect(saved.stages).toEqual([
      {
        position: 1, label: 'Practitioners', description: 'The raiser and the decision-maker talk it through.',
        raiserRoles: ['DSL', 'DEPUTY_DSL', 'SOCIAL_WORKER', 'POLICE_OFFICER'], responderRoles: ['SOCIAL_WORKER', 'MASH_WORKER', 'DSL'],
        partnershipRoles: [], limitAmount: 3, limitClock: 'WORKING_DAYS', reminderPercents: [50], notifyNextOnExpiry: true,
        escalateAfterGraceWorkingDays: 1, alertLeadPartnersOnExpiry: false, notifyPartnershipOnEntry: false, final: false,
      },
      {
        position: 2, label: 'Managers', description: null,
        raiserRoles: ['HEADTEACHER', 'DETECTIVE_SERGEANT', 'TEAM_MANAGER'], responderRoles: ['TEAM_MANAGER', 'MASH_MANAGER'],
        partnershipRoles: [], limitAmount: 16, limitClock: 'WORKING_HOURS', reminderPercents: [50, 80], notifyNextOnExpiry: true,
        escalateAfterGraceWorkingDays: 0, alertLeadPartnersOnExpiry: false, notifyPartnershipOnEntry: true, final: false,
      },
      {
        position: 3, label: 'Safeguarding partnership', description: null,
        raiserRoles: [], responderRoles: [], partnershipRoles: ['DELEGATED_SAFEGUARDING_PARTNER', 'BUSINESS_MANAGER'],
        limitAmount: 10, limitClock: 'WORKING_DAYS', reminderPercents: [25, 50, 75], notifyNextOnExpiry: true,
        escalateAfterGraceWorkingDays: null, alertLeadPartnersOnExpiry: true, notifyPartnershipOnEntry: false, final: true,
      },
    ]);
    // In the order given, not alphabetical.
    expect(saved.reasonCategories).toEqual([
      { code: 'THRESHOLD_NOT_MET', label: 'Referral judged below the threshold', excluded: false, redirectTo: null },
      { code: 'PLAN_DRIFT', label: 'Drift in a plan', excluded: false, redirectTo: null },
      { code: 'CP_CONFERENCE_DECISION', label: "A conference's decision", excluded: true, redirectTo: 'the conference chair' },
    ]);

    // The new version is the one in force, for everyone.
    const now = (await (await as(app, EMAIL.dsl)).request(LADDER)).data.escalationLadder;
    expect(now).toEqual(saved);
    // The earlier version: no longer current, otherwise exactly as it was.
    const old = (await admin.request(LADDER, { version: 1 })).data.escalationLadder;
    expect(old).toEqual({ ...v1, current: false });
    expect(
      await app.db.escalationLadder.findFirstOrThrow({
        where: { partnershipId: northmoorId, version: 1 },
        include: { stages: { orderBy: { position: 'asc' } }, reasonCategories: { orderBy: { id: 'asc' } } },
      }),
    ).toEqual({ ...v1Rows, current: false });
    expect(await app.db.escalationLadder.count({ where: { partnershipId: northmoorId, current: true } })).toBe(1);

    expect(await ladderRowCounts(app)).toEqual({
      ladders: before.ladders + 1, stages: before.stages + 3, categories: before.categories + 3, audits: before.audits + 1,
    });
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'ladder.save' }, include: { actor: true } });
    expect(audit).toMatchObject({
      partnershipId: northmoorId, subjectType: 'EscalationLadder', subjectId: expect.any(String), detail: { version: 2 },
    });
    expect(audit.actor?.email).toBe(EMAIL.admin);
    expect(Buffer.from(saved.id, 'base64').toString()).toBe(`EscalationLadder:${audit.subjectId}`);

    const versions = (await (await as(app, EMAIL.businessManager)).request(LADDERS)).data.escalationLadders;
    expect(versions.map((l: { version: number; current: boolean }) => [l.version, l.current])).toEqual([[2, true], [1, false]]);
  });

  it('keeps a disagreement’s ladder: each save is another version, never an edit', async () => {
    const admin = await as(app, EMAIL.admin);
    const v2 = (await admin.request(LADDER, { version: 2 })).data.escalationLadder;
    const input = threeStageLadder();
    input.urgentPathEnabled = false;
    input.urgentLimitHours = null;
    input.stages = input.stages.slice(0, 1).map((s) => ({ ...s, escalateAfterGraceWorkingDays: null, alertLeadPartnersOnExpiry: true }));
    const result = await admin.request(SAVE, { input });
    expect(result.data.escalationLadderSave.ladder, result.raw).toMatchObject({
      version: 3, current: true, urgentPathEnabled: false, urgentLimitHours: 4,
      stages: [{ position: 1, final: true, alertLeadPartnersOnExpiry: true, escalateAfterGraceWorkingDays: null }],
    });
    expect((await admin.request(LADDER, { version: 2 })).data.escalationLadder).toEqual({ ...v2, current: false });
    expect((await admin.request(LADDER, { version: 9 })).data.escalationLadder).toBeNull();
  });
});

describe('partnerships', () => {
  it("never touches or shows another partnership's ladder", async () => {
    const otherby = await app.db.escalationLadder.findMany({ where: { partnershipId: otherbyId }, include: { stages: true, reasonCategories: true } });
    expect(otherby.map((l) => [l.version, l.current])).toEqual([[1, true]]);

    const admin = await as(app, EMAIL.admin);
    const saved = await admin.request(SAVE, { input: threeStageLadder() });
    expect(saved.data.escalationLadderSave.__typename).toBe('EscalationLadderSaveSuccess');
    expect(await app.db.escalationLadder.findMany({ where: { partnershipId: otherbyId }, include: { stages: true, reasonCategories: true } })).toEqual(otherby);

    // Otherby's DSL reads Otherby's ladder only: version 1 of theirs, and none of Northmoor's later versions.
    const dsl = await as(app, EMAIL.otherbyDsl);
    const theirs = (await dsl.request(LADDER)).data.escalationLadder;
    expect(Buffer.from(theirs.id, 'base64').toString()).toBe(`EscalationLadder:${otherby[0]!.id}`);
    expect(theirs).toMatchObject({ version: 1, current: true });
    expect(theirs.stages).toHaveLength(4);
    expect((await dsl.request(LADDER, { version: 2 })).data.escalationLadder).toBeNull();
    expect((await dsl.request(LADDERS)).data.escalationLadders).toEqual([]);

    // And Northmoor's administrator never reaches Otherby's version 1.
    const mine = (await admin.request(LADDER, { version: 1 })).data.escalationLadder;
    expect(Buffer.from(mine.id, 'base64').toString()).not.toBe(`EscalationLadder:${otherby[0]!.id}`);
    expect((await admin.request(LADDERS)).data.escalationLadders.map((l: { version: number }) => l.version)).toEqual([4, 3, 2, 1]);
  });
});

describe('previewing a deadline', () => {
  it("counts a stage limit in the partnership's calendar: bank holidays and its closure days skipped", async () => {
    // Northmoor's offices also close on 29 and 30 December (the seed adds them for the coming
    // Christmas; here for the Christmas of the example).
    await app.db.closureDay.createMany({
      data: ['2025-12-29', '2025-12-30'].map((d) => ({ partnershipId: northmoorId, date: new Date(`${d}T00:00:00Z`), description: 'Offices closed' })),
      skipDuplicates: true,
    });
    const from = '2025-12-19T10:00:00Z'; // a Friday
    const dsl = await as(app, EMAIL.dsl);
    const days = await dsl.request(PREVIEW, { limit: { amount: 5, clock: 'WORKING_DAYS' }, from });
    // 22, 23, 24 Dec; 25 and 26 bank holidays; 29 and 30 closed; 31 Dec; 1 Jan a bank holiday; 2 Jan.
    expect(days.data.escalationLadderPreview).toEqual({
      __typename: 'LadderDeadlinePreview', from: '2025-12-19T10:00:00.000Z', dueAt: '2026-01-02T17:00:00.000Z',
    });
    const hours = await dsl.request(PREVIEW, { limit: { amount: 2, clock: 'CALENDAR_HOURS' }, from });
    expect(hours.data.escalationLadderPreview.dueAt).toBe('2025-12-19T12:00:00.000Z');
    const working = await dsl.request(PREVIEW, { limit: { amount: 8, clock: 'WORKING_HOURS' }, from });
    expect(working.data.escalationLadderPreview.dueAt).toBe('2025-12-22T10:00:00.000Z');

    // Otherby has no closure days: the bank holidays only.
    const otherby = await (await as(app, EMAIL.otherbyDsl)).request(PREVIEW, { limit: { amount: 5, clock: 'WORKING_DAYS' }, from });
    expect(otherby.data.escalationLadderPreview.dueAt).toBe('2025-12-30T17:00:00.000Z');
  });

  it('starts from now by default, and refuses a limit a stage could not have', async () => {
    const staff = await as(app, EMAIL.staff);
    const before = Date.now();
    const preview = (await staff.request(PREVIEW, { limit: { amount: 3, clock: 'CALENDAR_HOURS' } })).data.escalationLadderPreview;
    expect(Date.parse(preview.from)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(preview.dueAt) - Date.parse(preview.from)).toBe(3 * 3600_000);

    for (const [amount, clock, message] of [
      [0, 'WORKING_DAYS', 'The time limit must be a whole number more than 0'],
      [-2, 'CALENDAR_HOURS', 'The time limit must be a whole number more than 0'],
      [61, 'WORKING_DAYS', 'The time limit can be at most 60 working days'],
      [721, 'WORKING_HOURS', 'The time limit can be at most 720 working hours'],
    ] as const) {
      const result = await staff.request(PREVIEW, { limit: { amount, clock } });
      expect(result.data.escalationLadderPreview).toEqual({
        __typename: 'ValidationError', fieldErrors: [{ path: ['stageLimit', 'amount'], message }],
      });
    }
  });
});

describe('two saves at once', () => {
  it('refuses the one that would repeat a version, clearly, and writes nothing of it', async () => {
    const latest = await app.db.escalationLadder.findFirstOrThrow({ where: { partnershipId: northmoorId }, orderBy: { version: 'desc' } });
    // Another save holds the next version, not yet committed.
    const other = new pg.Client({ connectionString: app.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO escalation_ladder (id, "partnershipId", version, name, current) VALUES (gen_random_uuid(), $1, $2, 'Saved at the same time', false)`,
        [northmoorId, latest.version + 1],
      );
      const before = await ladderRowCounts(app);
      const saving = (await as(app, EMAIL.admin)).request(SAVE, { input: threeStageLadder() });
      // Wait until the server's save is waiting on the other one's version, then let that commit.
      for (let i = 0; ; i++) {
        const { rows } = await app.sql(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (rows.length > 0) break;
        if (i > 200) throw new Error('the save never waited for the other one');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await other.query('COMMIT');
      const result = await saving;
      expect(result.data.escalationLadderSave).toEqual({
        __typename: 'ValidationError',
        message: 'There is a problem with what was entered',
        fieldErrors: [{ path: ['input'], field: 'input', message: 'Someone else saved the ladder at the same time: reload it' }],
      });
      // Only the other save's row: none of this one's stages, categories or audit event.
      expect(await ladderRowCounts(app)).toEqual({ ...before, ladders: before.ladders + 1 });
      expect(await app.db.escalationLadder.findFirstOrThrow({ where: { id: latest.id } })).toEqual(latest);
    } finally {
      await other.end();
    }
  });

  it('logged nothing unexpected on the server', () => {
    expect(app.serverErrors).toEqual([]);
  });
});
