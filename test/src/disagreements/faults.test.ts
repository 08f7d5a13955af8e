// A worker process killed between a deadline firing and its transaction committing: nothing is
// half-done, and the next sweep moves the disagreement up exactly once.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sweepDeadlines } from '@wraparound/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { holdAuditChain } from '../support/auditChainLock.ts';
import { OAK, as } from '../access/fixtures.ts';
import { thresholdDisagreementInput } from './support.ts';

const RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) { ... on DisagreementRaiseSuccess { disagreement { id } } } }`;
const SWEEPER = fileURLToPath(new URL('../support/sweepOnce.ts', import.meta.url));
const TEST_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('a worker killed mid-transition', () => {
  it('leaves no trace, and the next sweep escalates exactly once', async () => {
    const raised = await (await as(app, OAK.dsl)).request(RAISE, { input: await thresholdDisagreementInput(app) });
    const disagreementId = Buffer.from(raised.data.disagreementRaise.disagreement.id, 'base64').toString().split(':')[1]!;
    const stage = await app.db.disagreementStage.findFirstOrThrow({ where: { disagreementId } });
    // Only the escalation is due: the reminders and expiry are handled first, in this process.
    const escalation = await app.db.deadline.findFirstOrThrow({ where: { subjectId: stage.id, kind: 'STAGE_ESCALATION' } });
    await sweepDeadlines(app.db, new Date(escalation.dueAt.getTime() - 1000));
    const auditBefore = await app.db.auditEvent.count();

    // Hold the audit chain's lock: the worker's transaction does the whole escalation, then waits
    // at its audit row, uncommitted — and is killed there.
    const chain = await holdAuditChain(app.databaseUrl);
    // One process (node with tsx's loader, not the tsx wrapper), so SIGKILL kills the worker itself.
    const worker = spawn(process.execPath, ['--import', 'tsx', SWEEPER, app.databaseUrl, new Date(escalation.dueAt.getTime() + 1000).toISOString()], {
      cwd: TEST_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await chain.waiters();
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    await chain.release();

    // Nothing of the killed transition remains.
    expect(await app.db.disagreementStage.count({ where: { disagreementId } })).toBe(1);
    expect(await app.db.deadline.findUniqueOrThrow({ where: { id: escalation.id } })).toMatchObject({ state: 'PENDING' });
    expect(await app.db.auditEvent.count()).toBe(auditBefore);

    // The next sweep does it, once.
    await sweepDeadlines(app.db, new Date(escalation.dueAt.getTime() + 2000));
    await sweepDeadlines(app.db, new Date(escalation.dueAt.getTime() + 3000));
    const stages = await app.db.disagreementStage.findMany({ where: { disagreementId }, orderBy: { enteredAt: 'asc' } });
    expect(stages.map((s) => [s.position, s.exit])).toEqual([[1, 'ESCALATED_BY_CLOCK'], [2, null]]);
    expect(await app.db.auditEvent.count({ where: { action: 'disagreement.escalate_by_clock', subjectId: disagreementId } })).toBe(1);
  }, 60_000);
});
