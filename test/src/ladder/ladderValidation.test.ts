// A bad ladder configuration is refused with every problem named at its field, and nothing is
// written: no ladder, no stage, no category, no audit event, and the version in force unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { EMAIL, SAVE, type LadderInput, ladderRowCounts, threeStageLadder } from './support.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

/** The valid three-stage ladder with one stage (or category) changed. */
function withStage(index: number, change: Record<string, unknown>): LadderInput {
  const input = threeStageLadder();
  input.stages[index] = { ...input.stages[index], ...change };
  return input;
}
function withCategory(index: number, change: Record<string, unknown>): LadderInput {
  const input = threeStageLadder();
  input.reasonCategories[index] = { ...input.reasonCategories[index], ...change };
  return input;
}

/** Saves as the administrator; expects a ValidationError and that nothing was written. */
async function refused(input: unknown) {
  const before = await ladderRowCounts(app);
  const current = await app.db.escalationLadder.findMany({ where: { current: true }, orderBy: { id: 'asc' } });
  const result = await (await as(app, EMAIL.admin)).request(SAVE, { input });
  expect(result.data?.escalationLadderSave?.__typename, result.raw).toBe('ValidationError');
  expect(await ladderRowCounts(app)).toEqual(before);
  expect(await app.db.escalationLadder.findMany({ where: { current: true }, orderBy: { id: 'asc' } })).toEqual(current);
  return result.data.escalationLadderSave.fieldErrors as { path: string[]; field: string; message: string }[];
}

const at = (...path: (string | number)[]) => ['input', ...path.map(String)];

describe('a bad ladder configuration', () => {
  it('with no stages', async () => {
    expect(await refused({ ...threeStageLadder(), stages: [] })).toEqual([
      { path: at('stages'), field: 'stages', message: 'A ladder needs at least one stage' },
    ]);
  });

  it('with more than eight stages', async () => {
    const input = threeStageLadder();
    const many = Array.from({ length: 9 }, (_, i) => ({ ...input.stages[0], label: `Stage ${i + 1}` }));
    expect((await refused({ ...input, stages: many })).map((e) => e.path)).toEqual([at('stages')]);
  });

  it('with a negative, a zero and a too-long time limit', async () => {
    expect(await refused(withStage(1, { limitAmount: -3 }))).toEqual([
      { path: at('stages', 1, 'limitAmount'), field: 'limitAmount', message: 'The time limit must be a whole number more than 0' },
    ]);
    expect(await refused(withStage(0, { limitAmount: 0 }))).toEqual([
      { path: at('stages', 0, 'limitAmount'), field: 'limitAmount', message: 'The time limit must be a whole number more than 0' },
    ]);
    expect(await refused(withStage(2, { limitAmount: 61, limitClock: 'WORKING_DAYS' }))).toEqual([
      { path: at('stages', 2, 'limitAmount'), field: 'limitAmount', message: 'The time limit can be at most 60 working days' },
    ]);
    expect(await refused(withStage(1, { limitAmount: 721, limitClock: 'CALENDAR_HOURS' }))).toEqual([
      { path: at('stages', 1, 'limitAmount'), field: 'limitAmount', message: 'The time limit can be at most 720 hours' },
    ]);
  });

  it('with reminders out of order or out of range', async () => {
    expect(await refused(withStage(0, { reminderPercents: [80, 50] }))).toEqual([
      { path: at('stages', 0, 'reminderPercents'), field: 'reminderPercents', message: 'List the reminders in increasing order, each later than the one before' },
    ]);
    expect((await refused(withStage(2, { reminderPercents: [50, 50] }))).map((e) => e.path)).toEqual([at('stages', 2, 'reminderPercents')]);
    expect((await refused(withStage(2, { reminderPercents: [0, 50, 100] }))).map((e) => e.path)).toEqual([
      at('stages', 2, 'reminderPercents', 0),
      at('stages', 2, 'reminderPercents', 2),
    ]);
  });

  it('with a stage nobody acts at', async () => {
    expect(await refused(withStage(1, { raiserRoles: [], responderRoles: [], partnershipRoles: [] }))).toEqual([
      {
        path: at('stages', 1),
        field: '1',
        message: "Say who acts at this stage: at least one role on the raiser's side, the other agency's side or the partnership's",
      },
    ]);
  });

  it('with roles on a side they cannot act for', async () => {
    const errors = await refused(withStage(0, { raiserRoles: ['DSL', 'IG_LEAD'], responderRoles: ['BUSINESS_MANAGER'], partnershipRoles: ['PARTNERSHIP_ADMIN', 'HEADTEACHER'] }));
    expect(errors).toEqual([
      { path: at('stages', 0, 'raiserRoles'), field: 'raiserRoles', message: "Only an agency's practitioners and managers act for it, not: ig lead" },
      { path: at('stages', 0, 'responderRoles'), field: 'responderRoles', message: "Only an agency's practitioners and managers act for it, not: business manager" },
      {
        path: at('stages', 0, 'partnershipRoles'),
        field: 'partnershipRoles',
        message: "Only the partnership's officers (business manager, delegated safeguarding partner, independent scrutineer) act for it, not: partnership admin, headteacher",
      },
    ]);
  });

  it('with a grace period on the final stage, or the lead partners alerted before it', async () => {
    expect(await refused(withStage(2, { escalateAfterGraceWorkingDays: 1 }))).toEqual([
      { path: at('stages', 2, 'escalateAfterGraceWorkingDays'), field: 'escalateAfterGraceWorkingDays', message: 'The final stage has nothing above it: leave its grace period empty' },
    ]);
    expect(await refused(withStage(0, { alertLeadPartnersOnExpiry: true }))).toEqual([
      { path: at('stages', 0, 'alertLeadPartnersOnExpiry'), field: 'alertLeadPartnersOnExpiry', message: "Only the final stage's expiry alerts the lead partners" },
    ]);
    expect((await refused(withStage(1, { escalateAfterGraceWorkingDays: 11 }))).map((e) => e.path)).toEqual([at('stages', 1, 'escalateAfterGraceWorkingDays')]);
    expect((await refused(withStage(1, { escalateAfterGraceWorkingDays: -1 }))).map((e) => e.path)).toEqual([at('stages', 1, 'escalateAfterGraceWorkingDays')]);
  });

  it('with two stages of the same name, or a stage with none', async () => {
    expect(await refused(withStage(1, { label: ' practitioners ' }))).toEqual([
      { path: at('stages', 1, 'label'), field: 'label', message: 'Another stage is already called "practitioners"' },
    ]);
    expect(await refused(withStage(2, { label: '   ' }))).toEqual([
      { path: at('stages', 2, 'label'), field: 'label', message: 'Give the stage a label' },
    ]);
  });

  it('with an excluded category that does not say where to go instead', async () => {
    expect(await refused(withCategory(2, { redirectTo: null }))).toEqual([
      { path: at('reasonCategories', 2, 'redirectTo'), field: 'redirectTo', message: 'Say where a disagreement of an excluded category goes instead' },
    ]);
    expect((await refused(withCategory(1, { excluded: true, redirectTo: '  ' }))).map((e) => e.path)).toEqual([at('reasonCategories', 1, 'redirectTo')]);
    expect((await refused(withCategory(0, { redirectTo: 'the chair' }))).map((e) => e.message)).toEqual(['Only an excluded category says where to go instead']);
  });

  it('with no category left for the ladder, a bad code or a code twice', async () => {
    expect(await refused({ ...threeStageLadder(), reasonCategories: [threeStageLadder().reasonCategories[2]] })).toEqual([
      { path: at('reasonCategories'), field: 'reasonCategories', message: 'Give at least one reason a disagreement may be raised on the ladder for (not excluded)' },
    ]);
    expect((await refused({ ...threeStageLadder(), reasonCategories: [] })).map((e) => e.path)).toEqual([at('reasonCategories')]);
    expect(await refused(withCategory(1, { code: 'plan drift' }))).toEqual([
      { path: at('reasonCategories', 1, 'code'), field: 'code', message: 'A code is 2 to 40 capital letters, digits and underscores, starting with a letter' },
    ]);
    expect(await refused(withCategory(1, { code: 'THRESHOLD_NOT_MET' }))).toEqual([
      { path: at('reasonCategories', 1, 'code'), field: 'code', message: 'Another category already has the code THRESHOLD_NOT_MET' },
    ]);
  });

  it('with an urgent path and no sensible hours', async () => {
    expect(await refused({ ...threeStageLadder(), urgentLimitHours: 0 })).toEqual([
      { path: at('urgentLimitHours'), field: 'urgentLimitHours', message: 'An urgent stage has between 1 and 72 hours' },
    ]);
    expect((await refused({ ...threeStageLadder(), urgentLimitHours: 73 })).map((e) => e.path)).toEqual([at('urgentLimitHours')]);
    expect(await refused({ ...threeStageLadder(), urgentLimitHours: null })).toEqual([
      { path: at('urgentLimitHours'), field: 'urgentLimitHours', message: 'Give the hours each stage of an urgent disagreement has' },
    ]);
  });

  it('names every problem at once', async () => {
    const input = withStage(1, { limitAmount: -1, reminderPercents: [90, 10], label: 'Practitioners' });
    input.name = ' ';
    input.reasonCategories[2] = { ...input.reasonCategories[2], redirectTo: null };
    expect((await refused(input)).map((e) => e.path)).toEqual([
      at('name'),
      at('stages', 1, 'label'),
      at('stages', 1, 'limitAmount'),
      at('stages', 1, 'reminderPercents'),
      at('reasonCategories', 2, 'redirectTo'),
    ]);
  });

  it('with a role that does not exist: GraphQL refuses it, naming the value', async () => {
    const before = await ladderRowCounts(app);
    const admin = await as(app, EMAIL.admin);
    const asVariable = await admin.request(SAVE, { input: withStage(0, { raiserRoles: ['DSL', 'CHIEF_CONSTABLE'] }) });
    expect(asVariable.data).toBeUndefined();
    expect(asVariable.errors?.map((e) => e.message).join('\n')).toContain('"CHIEF_CONSTABLE"');

    const inline = await admin.request(/* GraphQL */ `
      mutation { escalationLadderSave(input: {
        name: "x", urgentPathEnabled: false,
        stages: [{ label: "Only", raiserRoles: [DSL, ARCHBISHOP], limitAmount: 5, limitClock: WORKING_DAYS }],
        reasonCategories: [{ code: "ANY", label: "Any" }]
      }) { __typename } }`);
    expect(inline.data).toBeUndefined();
    expect(inline.errors?.map((e) => e.message).join('\n')).toMatch(/ARCHBISHOP.*Role|Role.*ARCHBISHOP/);
    expect(await ladderRowCounts(app)).toEqual(before);
  });

  it('is accepted once put right', async () => {
    const result = await (await as(app, EMAIL.admin)).request(SAVE, { input: threeStageLadder() });
    expect(result.data.escalationLadderSave.__typename, result.raw).toBe('EscalationLadderSaveSuccess');
    expect(result.data.escalationLadderSave.ladder.version).toBe(2);
    expect(app.serverErrors).toEqual([]);
  });
});
