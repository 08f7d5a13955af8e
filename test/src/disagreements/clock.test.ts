// The ladder's clock: reminders, expiry, overdue, escalation after the grace period, the final
// stage's alert — driven by the deadline sweep the server runs, with the server's clock moved on.
import { sweepDeadlines } from '@wraparound/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { holdAuditChain } from '../support/auditChainLock.ts';
import { thresholdDisagreementInput } from './support.ts';
import { FRONT_DOOR, OAK, as } from '../access/fixtures.ts';

const RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) {
    __typename ... on DisagreementRaiseSuccess { disagreement { id reference } } } }`;
const GET = /* GraphQL */ `
  query($id: ID!) { disagreement(id: $id) { currentPosition overdue status
    stages { position enteredAt dueAt escalatesAt exit } } }`;
const RESOLVE = /* GraphQL */ `
  mutation($input: DisagreementResolveInput!) { disagreementResolve(input: $input) { __typename } }`;

const DAY = 86_400_000;
let app: TestApp;
let input: Record<string, unknown>;

beforeAll(async () => {
  app = await startTestApp();
  input = await thresholdDisagreementInput(app);
});
afterAll(() => app?.close());

async function raise() {
  const result = await (await as(app, OAK.dsl)).request(RAISE, { input });
  const { id, reference } = result.data.disagreementRaise.disagreement;
  return { id: id as string, reference: reference as string, dbId: Buffer.from(id, 'base64').toString().split(':')[1]! };
}
const get = async (id: string) => (await (await as(app, OAK.dsl)).request(GET, { id })).data.disagreement;
const eventsFor = (reference: string, kind: string) => app.db.notificationEvent.findMany({ where: { reference, kind }, include: { notifications: true } });

describe('the ladder’s clock', () => {
  it('reminds, marks overdue and tells the next stage, then moves up after the grace period — once', async () => {
    const d = await raise();
    const first = await get(d.id);
    const stage1 = first.stages[0];

    // Half-way: a reminder to the people at stage 1, nothing else.
    const stageRow = await app.db.disagreementStage.findFirstOrThrow({ where: { disagreementId: d.dbId } });
    const reminder50 = await app.db.deadline.findFirstOrThrow({ where: { subjectId: stageRow.id, kind: 'STAGE_REMINDER', key: '50' } });
    await sweepDeadlines(app.db, new Date(reminder50.dueAt.getTime() + 1000));
    expect((await app.db.disagreementStage.findUniqueOrThrow({ where: { id: stageRow.id } })).remindersSent).toEqual([50]);
    const reminders = await eventsFor(d.reference, 'DISAGREEMENT_DEADLINE_APPROACHING');
    expect(reminders).toHaveLength(1);
    const dsl = await app.db.user.findUniqueOrThrow({ where: { email: OAK.dsl } });
    const socialWorker = await app.db.user.findUniqueOrThrow({ where: { email: FRONT_DOOR[0]! } });
    expect(reminders[0]!.notifications.map((n) => n.recipientUserId)).toEqual(expect.arrayContaining([dsl.id, socialWorker.id]));

    // Past the due time, before the grace period ends: overdue, the next stage's people told.
    // (The server's own clock stays put, so sessions stay alive; the sweep is given the time.)
    const afterDue = new Date(new Date(stage1.dueAt).getTime() + 1000);
    await sweepDeadlines(app.db, afterDue);
    expect(await get(d.id)).toMatchObject({ currentPosition: 1 });
    expect(await app.db.disagreement.findUniqueOrThrow({ where: { id: d.dbId } })).toMatchObject({ overdue: true });
    const told = await eventsFor(d.reference, 'DISAGREEMENT_OVERDUE');
    const teamManager = await app.db.user.findUniqueOrThrow({ where: { email: 'team.manager@childrens-services.northmoor.example' } });
    expect(told[0]!.notifications.map((n) => n.recipientUserId)).toContain(teamManager.id);

    // After the grace period: stage 2, entered at the moment stage 1's grace ran out.
    const afterGrace = new Date(new Date(stage1.escalatesAt).getTime() + 1000);
    await sweepDeadlines(app.db, afterGrace);
    await sweepDeadlines(app.db, afterGrace); // a second sweep changes nothing
    const moved = await get(d.id);
    expect(moved.currentPosition).toBe(2);
    expect(moved.stages.map((s: { position: number; exit: string | null }) => [s.position, s.exit])).toEqual([[1, 'ESCALATED_BY_CLOCK'], [2, null]]);
    expect(moved.stages[1].enteredAt).toBe(stage1.escalatesAt);
    expect(await app.db.auditEvent.count({ where: { action: 'disagreement.escalate_by_clock', subjectId: d.dbId } })).toBe(1);
    expect(await eventsFor(d.reference, 'DISAGREEMENT_ESCALATED')).toHaveLength(1);
  });

  it('two sweepers at once handle each due deadline exactly once: their counts add up to the due deadlines', async () => {
    const d = await raise();
    const stage1 = await app.db.disagreementStage.findFirstOrThrow({ where: { disagreementId: d.dbId } });
    const due = await app.db.deadline.findFirstOrThrow({ where: { kind: 'STAGE_ESCALATION', subjectId: stage1.id } });
    await sweepDeadlines(app.db, new Date(due.dueAt.getTime() - 1000));
    const at = new Date(due.dueAt.getTime() + 1000);
    const dueAtThen = await app.db.deadline.count({ where: { state: 'PENDING', dueAt: { lte: at } } });
    expect(dueAtThen).toBeGreaterThanOrEqual(1);

    // The first sweeper claims the escalation and stops at its audit row, the claim held. The
    // second runs meanwhile: it must pass the claimed deadline by, not handle it again (or wait
    // for it and then handle it).
    const chain = await holdAuditChain(app.databaseUrl);
    const first = sweepDeadlines(app.db, at);
    await chain.waiters(1);
    const second = sweepDeadlines(app.db, at);
    await chain.waiters(2, second);
    await chain.release();
    const [a, b] = await Promise.all([first, second]);

    expect(a.handled + b.handled).toBe(dueAtThen);
    expect(await app.db.deadline.count({ where: { state: 'PENDING', dueAt: { lte: at } } })).toBe(0);
    const stages = await app.db.disagreementStage.findMany({ where: { disagreementId: d.dbId }, orderBy: { enteredAt: 'asc' } });
    expect(stages.map((s) => s.position)).toEqual([1, 2]);
    expect(await app.db.auditEvent.count({ where: { action: 'disagreement.escalate_by_clock', subjectId: d.dbId } })).toBe(1);
  });

  it('after downtime across every deadline, catches up in order to the final stage and alerts the lead partners', async () => {
    const d = await raise();
    await sweepDeadlines(app.db, new Date(Date.now() + 120 * DAY));
    const after = await get(d.id);
    expect(after.stages.map((s: { position: number; exit: string | null }) => [s.position, s.exit])).toEqual([
      [1, 'ESCALATED_BY_CLOCK'], [2, 'ESCALATED_BY_CLOCK'], [3, 'ESCALATED_BY_CLOCK'], [4, null],
    ]);
    for (let i = 1; i < after.stages.length; i++) {
      // Each stage began when the one before it ran out, not when the server came back.
      expect(after.stages[i].enteredAt).toBe(after.stages[i - 1].escalatesAt);
    }
    expect(after).toMatchObject({ currentPosition: 4, status: 'OPEN' });
    expect(await app.db.disagreement.findUniqueOrThrow({ where: { id: d.dbId } })).toMatchObject({ overdue: true });
    const alerts = await eventsFor(d.reference, 'DISAGREEMENT_FINAL_STAGE_EXPIRED');
    expect(alerts).toHaveLength(1);
    // Nobody is warned of what had already happened: no "deadline approaching" (every stage's
    // deadline had passed) and no "overdue" for stages 1–3 (each was left by the same catch-up);
    // the final stage, still open and overdue, is announced once.
    expect(await eventsFor(d.reference, 'DISAGREEMENT_DEADLINE_APPROACHING')).toHaveLength(0);
    expect(await eventsFor(d.reference, 'DISAGREEMENT_OVERDUE')).toHaveLength(1);
    expect(await eventsFor(d.reference, 'DISAGREEMENT_ESCALATED')).toHaveLength(3);
    const scrutineer = await app.db.user.findUniqueOrThrow({ where: { email: 'independent.scrutineer@partnership.northmoor.example' } });
    expect(alerts[0]!.notifications.map((n) => n.recipientUserId)).toContain(scrutineer.id);
  });

  it('does nothing to a disagreement resolved before its deadlines', async () => {
    const d = await raise();
    const resolved = await (await as(app, OAK.dsl)).request(RESOLVE, { input: { disagreementId: d.id, outcomeStatement: 'Agreed', systemIssueFound: false } });
    expect(resolved.data.disagreementResolve.__typename).toBe('DisagreementResolveSuccess');
    await sweepDeadlines(app.db, new Date(Date.now() + 120 * DAY));
    expect(await get(d.id)).toMatchObject({ status: 'RESOLVED', currentPosition: 1 });
    expect(await app.db.disagreementStage.count({ where: { disagreementId: d.dbId } })).toBe(1);
  });
});

describe('the job queue', () => {
  it('holds one job per pending deadline, keyed by it, and drops them when the stage is left', async () => {
    const d = await raise();
    const stage = await app.db.disagreementStage.findFirstOrThrow({ where: { disagreementId: d.dbId } });
    const deadlines = await app.db.deadline.findMany({ where: { subjectId: stage.id } });
    const jobs = await app.sql<{ key: string; run_at: Date; task_identifier: string }>(
      `SELECT key, run_at, task_identifier FROM graphile_worker.jobs WHERE key = ANY($1)`,
      [deadlines.map((x) => `deadline:${x.id}`)],
    );
    expect(jobs.rows).toHaveLength(deadlines.length);
    for (const job of jobs.rows) {
      const deadline = deadlines.find((x) => `deadline:${x.id}` === job.key)!;
      expect(new Date(job.run_at).toISOString()).toBe(deadline.dueAt.toISOString());
      expect(job.task_identifier).toBe('deadline_due');
    }
    await (await as(app, OAK.dsl)).request(RESOLVE, { input: { disagreementId: d.id, outcomeStatement: 'Agreed', systemIssueFound: false } });
    const left = await app.sql(`SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1)`, [deadlines.map((x) => `deadline:${x.id}`)]);
    expect(left.rowCount).toBe(0);
  });
});
